<?php
/**
 * The inline widget: the `[chatkit_widget]` shortcode and the "Chat" block (blocks/chat/block.json, rendered on the
 * server) both print an `<openai-chatkit>` element, which chatkit.js turns into a chat that fills the element.
 * Per-instance attributes are validated (unknown values fall back to the settings) before they are escaped.
 * In the block editor (its REST render) a placeholder stands in for the live chat.
 *
 * @package ChatWidgetForChatKit
 */

defined( 'ABSPATH' ) || exit;

/**
 * Shortcode and block.
 */
final class CWFC_Inline {

	/** Shortcode tag. */
	const SHORTCODE = 'chatkit_widget';

	/** Hooks. */
	public static function init() {
		add_action( 'init', array( __CLASS__, 'register' ) );
	}

	/** Registers the shortcode, the block and the inline stylesheet. */
	public static function register() {
		add_shortcode( self::SHORTCODE, array( __CLASS__, 'shortcode' ) );
		wp_register_style( 'cwfc-inline', plugins_url( 'assets/inline.css', CWFC_FILE ), array(), CWFC_VERSION );
		// block.json's textdomain makes WordPress translate its strings and the editor script's.
		register_block_type( CWFC_DIR . 'blocks/chat', array( 'render_callback' => array( __CLASS__, 'block' ) ) );
	}

	/**
	 * `[chatkit_widget height="large" title="Support" greeting="…" placeholder="…" color_scheme="dark"
	 * accent="#0a7" history="false"]`.
	 *
	 * @param array|string $atts Shortcode attributes.
	 * @return string
	 */
	public static function shortcode( $atts ) {
		$atts = shortcode_atts(
			array(
				'height'       => '',
				'title'        => '',
				'greeting'     => '',
				'placeholder'  => '',
				'color_scheme' => '',
				'accent'       => '',
				'history'      => '',
			),
			is_array( $atts ) ? $atts : array(),
			self::SHORTCODE
		);
		return self::render( $atts );
	}

	/**
	 * Block render callback (block attributes are camelCase).
	 *
	 * @param array $attributes Block attributes.
	 * @return string
	 */
	public static function block( $attributes ) {
		$a = is_array( $attributes ) ? $attributes : array();
		return self::render(
			array(
				'height'       => $a['height'] ?? '',
				'title'        => $a['title'] ?? '',
				'greeting'     => $a['greeting'] ?? '',
				'placeholder'  => $a['placeholder'] ?? '',
				'color_scheme' => $a['colorScheme'] ?? '',
				'accent'       => $a['accent'] ?? '',
				'history'      => isset( $a['history'] ) && is_bool( $a['history'] ) ? ( $a['history'] ? 'true' : 'false' ) : '',
			),
			function_exists( 'get_block_wrapper_attributes' ) ? get_block_wrapper_attributes() : ''
		);
	}

	/**
	 * Per-instance attributes, validated: anything not understood falls back to the site settings.
	 *
	 * @param array $atts Raw attributes (strings).
	 * @return array{height: string, data: array<string, string>}
	 */
	public static function validate( array $atts ) {
		$settings = CWFC_Settings::get();
		$height   = CWFC_Settings::choice( strtolower( trim( (string) $atts['height'] ) ), CWFC_Settings::HEIGHTS, 'medium' );
		foreach ( array( 'title', 'greeting', 'placeholder' ) as $key ) {
			$text = CWFC_Settings::text( $atts[ $key ] );
			if ( '' !== $text ) {
				$settings[ $key ] = $text;
			}
		}
		$settings['color_scheme'] = CWFC_Settings::choice( strtolower( trim( (string) $atts['color_scheme'] ) ), array( 'light', 'dark' ), $settings['color_scheme'] );
		$accent                   = sanitize_hex_color( trim( (string) $atts['accent'] ) );
		if ( $accent ) {
			$settings['accent'] = strtolower( $accent );
		}
		$history = strtolower( trim( (string) $atts['history'] ) );
		if ( in_array( $history, array( 'true', 'false' ), true ) ) {
			$settings['history'] = 'true' === $history;
		}
		// One storage namespace for inline chats, apart from the floating widget's thread.
		$data = array( 'data-instance' => 'wp-inline' ) + CWFC_Output::widget_data( $settings );
		return array(
			'height' => $height,
			'data'   => $data,
		);
	}

	/**
	 * The element (or the editor placeholder, or nothing without an API URL).
	 *
	 * @param array  $atts    Raw attributes.
	 * @param string $wrapper Block wrapper attributes (already escaped by WordPress), empty for the shortcode.
	 * @return string
	 */
	public static function render( array $atts, $wrapper = '' ) {
		$settings = CWFC_Settings::get();
		$editor   = defined( 'REST_REQUEST' ) && REST_REQUEST;
		if ( '' === $settings['api_url'] ) {
			return $editor || current_user_can( 'manage_options' )
				? '<p class="cwfc-inline-notice">' . esc_html__( 'The chat cannot be shown: enter the ChatKit API URL in Settings → Chat Widget.', 'chat-widget-for-chatkit' ) . '</p>'
				: '';
		}
		$valid = self::validate( $atts );
		if ( $editor ) {
			return '<div ' . $wrapper . '><p class="cwfc-inline-placeholder">' . esc_html__( 'Chat widget: the live chat appears here on the published page.', 'chat-widget-for-chatkit' ) . '</p></div>';
		}
		wp_enqueue_style( 'cwfc-inline' );
		CWFC_Output::require_loader( $settings );
		$html = '<openai-chatkit class="cwfc-inline cwfc-inline--' . esc_attr( $valid['height'] ) . '"';
		foreach ( $valid['data'] as $name => $value ) {
			$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
		$html .= '></openai-chatkit>';
		return '' !== $wrapper ? '<div ' . $wrapper . '>' . $html . '</div>' : $html;
	}
}
