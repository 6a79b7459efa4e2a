<?php
/**
 * The front-end output: one `<script async src=".../chatkit.js" data-*>` through wp_enqueue_script.
 *
 * WordPress gained script attributes in steps, so each version gets the supported way:
 *  - 6.4 and later print every script through wp_get_script_tag() / wp_get_inline_script_tag(): the data-*
 *    attributes and the CSP nonce are added with the `wp_script_attributes` / `wp_inline_script_attributes` filters,
 *    and `async` comes from the 6.3 `strategy` argument;
 *  - 6.2 and 6.3 print a fixed tag string: `script_loader_tag` replaces our tag with one built by
 *    wp_get_script_tag() (core since 5.7), which runs the same attribute filters, so both paths share one list.
 * The stub snippet (for sites that call `ChatKit` before the script has loaded) is an inline "before" script with
 * the same nonce; the consent helper (assets/consent.js) is a file, so strict CSPs need nothing but the nonce.
 *
 * @package ChatWidgetForChatKit
 */

defined( 'ABSPATH' ) || exit;

/**
 * Script output.
 */
final class CWFC_Output {

	/** Loader handle; WordPress prints it with id "cwfc-loader-js". */
	const HANDLE = 'cwfc-loader';

	/** Consent helper handle. */
	const CONSENT = 'cwfc-consent';

	/**
	 * The README's stub: queues calls (setStorage too, which the consent hook may call early) until the widget is ready.
	 */
	const STUB = '(function(w){if(w.ChatKit)return;var q=[],k=w.ChatKit={q:q};"open close toggle setOptions off destroy focusComposer setThreadId sendUserMessage setComposerValue fetchUpdates sendCustomAction showHistory hideHistory setStorage".split(" ").forEach(function(m){k[m]=function(){var a=arguments;return new Promise(function(r,j){q.push([m,a,r,j])})}});k.on=function(n,f){q.push(["on",[n,f]]);return function(){return w.ChatKit.off(n,f)}}})(window);';

	/**
	 * Attributes to add, by the id WordPress gives the tag.
	 *
	 * @var array<string, array<string, string|bool>>
	 */
	private static $attributes = array();

	/**
	 * Whether the floating widget is on this page (decided on wp_enqueue_scripts).
	 *
	 * @var bool
	 */
	private static $floating = false;

	/** Hooks. */
	public static function init() {
		add_action( 'wp_enqueue_scripts', array( __CLASS__, 'enqueue' ) );
		add_filter( 'wp_script_attributes', array( __CLASS__, 'script_attributes' ) );
		add_filter( 'wp_inline_script_attributes', array( __CLASS__, 'inline_attributes' ) );
		if ( ! self::core_filters_attributes() ) {
			add_filter( 'script_loader_tag', array( __CLASS__, 'rebuild_tag' ), 10, 3 );
		}
	}

	/**
	 * Whether this WordPress prints enqueued scripts through wp_get_script_tag() (6.4+).
	 *
	 * @return bool
	 */
	public static function core_filters_attributes() {
		return version_compare( get_bloginfo( 'version' ), '6.4-alpha', '>=' );
	}

	/** Enqueues the floating widget where the visibility rules allow it. */
	public static function enqueue() {
		$settings = CWFC_Settings::get();
		if ( ! CWFC_Visibility::floating_visible( $settings ) ) {
			return;
		}
		self::$floating = true;
		$data           = self::floating_data( $settings );
		if ( $settings['consent'] ) {
			self::enqueue_consent( $settings );
		}
		self::enqueue_loader( $data, $settings['consent'] ? array( self::CONSENT ) : array() );
		if ( $settings['stub'] && ! $settings['consent'] ) {
			// (consent.js installs the same stub itself.)
			wp_add_inline_script( self::HANDLE, self::STUB, 'before' );
		}
	}

	/**
	 * Makes sure the loader is on the page for an inline widget; without configuration when the floating widget is
	 * not shown here (the loader then only defines `<openai-chatkit>`).
	 *
	 * @param array $settings Settings.
	 */
	public static function require_loader( array $settings ) {
		if ( $settings['consent'] ) {
			self::enqueue_consent( $settings );
		}
		if ( ! wp_script_is( self::HANDLE, 'enqueued' ) ) {
			self::enqueue_loader( array(), $settings['consent'] ? array( self::CONSENT ) : array() );
		}
	}

	/**
	 * The widget's script URL: the bundled copy, or the owner's (self-hosted, CDN).
	 *
	 * @param array $settings Settings.
	 * @return string
	 */
	public static function script_url( array $settings ) {
		return '' !== $settings['widget_url'] ? $settings['widget_url'] : plugins_url( 'widget/chatkit.js', CWFC_FILE );
	}

	/**
	 * The CSP nonce the site uses for its scripts, if any (from the `cwfc_csp_nonce` filter).
	 *
	 * @return string
	 */
	public static function nonce() {
		/**
		 * Filters the nonce added to the plugin's script tags, for sites that send a nonce-based
		 * Content-Security-Policy. Return the same nonce as in the policy header.
		 *
		 * @param string $nonce Empty by default.
		 */
		$nonce = (string) apply_filters( 'cwfc_csp_nonce', '' );
		return preg_match( '#^[A-Za-z0-9+/_=-]{8,}$#', $nonce ) ? $nonce : '';
	}

	/**
	 * The widget's options as its data-* attributes (shared by the floating and the inline widget).
	 *
	 * @param array $settings Settings.
	 * @return array<string, string>
	 */
	public static function widget_data( array $settings ) {
		$data = array(
			'data-api-url'      => $settings['api_url'],
			'data-color-scheme' => $settings['color_scheme'],
			'data-locale'       => '' !== $settings['locale'] ? $settings['locale'] : (string) CWFC_Settings::locale_tag( determine_locale() ),
			'data-history'      => $settings['history'] ? 'true' : 'false',
			'data-attachments'  => $settings['attachments'] ? 'true' : 'false',
			'data-feedback'     => $settings['feedback'] ? 'true' : 'false',
			'data-storage'      => self::initial_storage( $settings ),
		);
		foreach ( array( 'title', 'greeting', 'placeholder', 'accent' ) as $key ) {
			if ( '' !== $settings[ $key ] ) {
				$data[ 'data-' . $key ] = $settings[ $key ];
			}
		}
		if ( '' !== $settings['advanced'] && null === CWFC_Settings::json_problem( $settings['advanced'] ) ) {
			$data['data-options'] = wp_json_encode( json_decode( $settings['advanced'] ), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
		}
		return array_filter( $data, 'strlen' );
	}

	/**
	 * Storage before the page knows about consent: the owner's choice, or none until consent is given (a visitor
	 * who already consented through the WP Consent API gets the owner's choice at once).
	 *
	 * @param array $settings Settings.
	 * @return string
	 */
	public static function initial_storage( array $settings ) {
		if ( $settings['consent'] && ! ( function_exists( 'wp_has_consent' ) && wp_has_consent( $settings['consent_category'] ) ) ) {
			return 'none';
		}
		return $settings['storage'];
	}

	/**
	 * Floating widget attributes: the widget's plus placement.
	 *
	 * @param array $settings Settings.
	 * @return array<string, string>
	 */
	private static function floating_data( array $settings ) {
		$data = self::widget_data( $settings ) + array( 'data-side' => $settings['side'] );
		if ( $settings['open'] ) {
			$data['data-open'] = 'true';
		}
		if ( $settings['hide_launcher'] ) {
			$data['data-launcher'] = 'false';
		}
		return $data;
	}

	/**
	 * Enqueues chatkit.js with its attributes.
	 *
	 * @param array    $data Attributes.
	 * @param string[] $deps Script dependencies.
	 */
	private static function enqueue_loader( array $data, array $deps ) {
		$settings = CWFC_Settings::get();
		$bundled  = '' === $settings['widget_url'];
		// 6.3+ prints `async` itself from the strategy; older versions get it from rebuild_tag().
		$args     = version_compare( get_bloginfo( 'version' ), '6.3-alpha', '>=' ) ? array( 'strategy' => 'async' ) : false;
		wp_enqueue_script( self::HANDLE, self::script_url( $settings ), $deps, $bundled ? CWFC_VERSION : null, $args );
		self::$attributes[ self::HANDLE . '-js' ] = array( 'async' => true ) + $data;
	}

	/**
	 * Enqueues the consent helper (assets/consent.js), which keeps storage off until the visitor consents.
	 *
	 * @param array $settings Settings.
	 */
	private static function enqueue_consent( array $settings ) {
		if ( wp_script_is( self::CONSENT, 'enqueued' ) ) {
			return;
		}
		wp_enqueue_script( self::CONSENT, plugins_url( 'assets/consent.js', CWFC_FILE ), array(), CWFC_VERSION, false );
		self::$attributes[ self::CONSENT . '-js' ] = array(
			'data-storage'  => $settings['storage'],
			'data-category' => $settings['consent_category'],
		);
	}

	/**
	 * `wp_script_attributes`: adds our data-* and the nonce to our tags.
	 *
	 * @param array $attributes Tag attributes.
	 * @return array
	 */
	public static function script_attributes( $attributes ) {
		$id = isset( $attributes['id'] ) ? $attributes['id'] : '';
		if ( ! isset( self::$attributes[ $id ] ) ) {
			return $attributes;
		}
		$attributes = array_merge( $attributes, self::$attributes[ $id ] );
		return self::with_nonce( $attributes );
	}

	/**
	 * `wp_inline_script_attributes`: the nonce on the stub snippet.
	 *
	 * @param array $attributes Tag attributes.
	 * @return array
	 */
	public static function inline_attributes( $attributes ) {
		$id = isset( $attributes['id'] ) ? $attributes['id'] : '';
		return self::HANDLE . '-js-before' === $id ? self::with_nonce( $attributes ) : $attributes;
	}

	/**
	 * WordPress 6.2 and 6.3 (`script_loader_tag`): our tags rebuilt with wp_get_script_tag(), so the attribute
	 * filters above apply; the stub keeps its place before the loader.
	 *
	 * @param string $tag    Printed HTML.
	 * @param string $handle Script handle.
	 * @param string $src    Script URL.
	 * @return string
	 */
	public static function rebuild_tag( $tag, $handle, $src ) {
		if ( self::HANDLE !== $handle && self::CONSENT !== $handle ) {
			return $tag;
		}
		$before = '';
		$stub   = wp_scripts()->get_data( $handle, 'before' );
		if ( self::HANDLE === $handle && $stub ) {
			$before = wp_get_inline_script_tag( implode( "\n", (array) $stub ), array( 'id' => $handle . '-js-before' ) );
		}
		return $before . wp_get_script_tag(
			array(
				'src' => $src,
				'id'  => $handle . '-js',
			)
		);
	}

	/**
	 * Adds the nonce when the site has one.
	 *
	 * @param array $attributes Tag attributes.
	 * @return array
	 */
	private static function with_nonce( array $attributes ) {
		$nonce = self::nonce();
		if ( '' !== $nonce ) {
			$attributes['nonce'] = $nonce;
		}
		return $attributes;
	}
}
