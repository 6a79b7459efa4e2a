<?php
/**
 * The plugin's one option (`cwfc_settings`): defaults, reading, and the sanitizer every save goes through.
 *
 * A value that fails validation is refused with the reason (a settings error shown on the settings page) and the
 * previously saved value is kept, so a typo never wipes a working configuration.
 *
 * @package ChatWidgetForChatKit
 */

defined( 'ABSPATH' ) || exit;

/**
 * Settings: defaults, access, sanitizing.
 */
final class CWFC_Settings {

	/** Option name (removed by uninstall.php). */
	const OPTION = 'cwfc_settings';

	/** Settings API group (the settings page's `option_page`). */
	const GROUP = 'cwfc';

	/** Storage choices, mapped to the widget's `data-storage`. */
	const STORAGE = array( 'local', 'session', 'none' );

	/** Inline widget heights (classes in assets/inline.css). */
	const HEIGHTS = array( 'small', 'medium', 'large' );

	/**
	 * Every setting with its default.
	 *
	 * @return array<string, mixed>
	 */
	public static function defaults() {
		return array(
			'api_url'          => '',
			'widget_url'       => '',
			'title'            => '',
			'greeting'         => '',
			'placeholder'      => '',
			'color_scheme'     => 'light',
			'accent'           => '',
			'side'             => 'right',
			'locale'           => '',
			'history'          => true,
			'attachments'      => false,
			'feedback'         => false,
			'open'             => false,
			'hide_launcher'    => false,
			'advanced'         => '',
			'visibility'       => 'all',
			'pages'            => '',
			'hide_logged_out'  => false,
			'hide_roles'       => array(),
			'storage'          => 'local',
			'consent'          => false,
			'consent_category' => 'functional',
			'stub'             => false,
		);
	}

	/** Hooks. */
	public static function init() {
		add_action( 'init', array( __CLASS__, 'register' ) );
	}

	/** Stores the defaults when the plugin is activated for the first time. */
	public static function activate() {
		add_option( self::OPTION, self::defaults() );
	}

	/** Registers the option with its sanitizer (on `init`, so every update_option goes through it). */
	public static function register() {
		register_setting(
			self::GROUP,
			self::OPTION,
			array(
				'type'              => 'object',
				'sanitize_callback' => array( __CLASS__, 'sanitize' ),
				'default'           => self::defaults(),
				'show_in_rest'      => false,
			)
		);
	}

	/**
	 * The saved settings, completed with defaults.
	 *
	 * @return array<string, mixed>
	 */
	public static function get() {
		$saved = get_option( self::OPTION, array() );
		return array_merge( self::defaults(), is_array( $saved ) ? $saved : array() );
	}

	/**
	 * Sanitizes a submitted settings array. Unknown keys are dropped; each invalid field keeps its saved value.
	 *
	 * @param mixed $input Submitted values (from the settings form, or update_option()).
	 * @return array<string, mixed>
	 */
	public static function sanitize( $input ) {
		$input    = is_array( $input ) ? wp_unslash( $input ) : array();
		$previous = self::get();
		$out      = array();

		$out['api_url']    = self::url_field( $input, 'api_url', $previous, true, __( 'ChatKit API URL', 'chat-widget-for-chatkit' ) );
		$out['widget_url'] = self::url_field( $input, 'widget_url', $previous, false, __( 'Widget script URL', 'chat-widget-for-chatkit' ) );

		foreach ( array( 'title', 'greeting', 'placeholder' ) as $key ) {
			$out[ $key ] = self::text( $input[ $key ] ?? '' );
		}
		$out['color_scheme'] = self::choice( $input['color_scheme'] ?? '', array( 'light', 'dark' ), 'light' );
		$out['side']         = self::choice( $input['side'] ?? '', array( 'right', 'left' ), 'right' );
		$out['visibility']   = self::choice( $input['visibility'] ?? '', array( 'all', 'only', 'except' ), 'all' );
		$out['storage']      = self::choice( $input['storage'] ?? '', self::STORAGE, 'local' );

		$accent = trim( (string) ( $input['accent'] ?? '' ) );
		if ( '' === $accent || sanitize_hex_color( $accent ) ) {
			$out['accent'] = strtolower( $accent );
		} else {
			/* translators: %s: the value that was entered */
			self::error( 'accent', sprintf( __( 'Accent colour: expected a hex colour such as #1a73e8, got “%s”. The previous value is kept.', 'chat-widget-for-chatkit' ), $accent ) );
			$out['accent'] = $previous['accent'];
		}

		$locale = trim( (string) ( $input['locale'] ?? '' ) );
		$tag    = self::locale_tag( $locale );
		if ( '' === $locale || $tag ) {
			$out['locale'] = (string) $tag;
		} else {
			/* translators: %s: the value that was entered */
			self::error( 'locale', sprintf( __( 'Language: expected a language tag such as de or pt-BR, or empty for the site language, got “%s”. The previous value is kept.', 'chat-widget-for-chatkit' ), $locale ) );
			$out['locale'] = $previous['locale'];
		}

		foreach ( array( 'history', 'attachments', 'feedback', 'open', 'hide_launcher', 'hide_logged_out', 'consent', 'stub' ) as $key ) {
			$out[ $key ] = ! empty( $input[ $key ] );
		}

		$advanced = trim( (string) ( $input['advanced'] ?? '' ) );
		$problem  = self::json_problem( $advanced );
		if ( null === $problem ) {
			$out['advanced'] = $advanced;
		} else {
			/* translators: %s: why the JSON was refused, e.g. "Syntax error" */
			self::error( 'advanced', sprintf( __( 'Advanced options were not saved: %s. The previous value is kept.', 'chat-widget-for-chatkit' ), $problem ) );
			$out['advanced'] = $previous['advanced'];
		}

		$pages   = (string) ( $input['pages'] ?? '' );
		$invalid = array();
		$lines   = CWFC_Visibility::parse_rules( $pages, $invalid );
		if ( $invalid ) {
			/* translators: %s: the lines that were not understood */
			self::error( 'pages', sprintf( __( 'Pages: each line must be a page ID (such as 42) or a path starting with / (such as /contact/ or /shop/*). Not understood: %s. The previous list is kept.', 'chat-widget-for-chatkit' ), implode( ', ', $invalid ) ) );
			$out['pages'] = $previous['pages'];
		} else {
			$out['pages'] = implode( "\n", $lines );
		}

		$roles             = isset( $input['hide_roles'] ) && is_array( $input['hide_roles'] ) ? $input['hide_roles'] : array();
		$known             = array_keys( wp_roles()->roles );
		$out['hide_roles'] = array_values( array_intersect( array_map( 'sanitize_key', $roles ), $known ) );

		$category                = sanitize_key( $input['consent_category'] ?? '' );
		$out['consent_category'] = in_array( $category, array( 'functional', 'preferences', 'statistics', 'marketing' ), true ) ? $category : 'functional';

		return $out;
	}

	/**
	 * A single-line plain-text value, at most 300 characters. Entities are decoded first (shortcode attributes
	 * arrive encoded), so encoded markup is stripped like markup; the result is escaped where it is printed.
	 *
	 * @param mixed $value Raw value.
	 * @return string
	 */
	public static function text( $value ) {
		return mb_substr( sanitize_text_field( html_entity_decode( (string) $value, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) ), 0, 300 );
	}

	/**
	 * One of the allowed values, else the default.
	 *
	 * @param mixed    $value   Raw value.
	 * @param string[] $allowed Allowed values.
	 * @param string   $default Fallback.
	 * @return string
	 */
	public static function choice( $value, array $allowed, $default ) {
		return in_array( $value, $allowed, true ) ? $value : $default;
	}

	/**
	 * A BCP 47 language tag from a tag or a WordPress locale (de_DE → de-DE), or null when it is not one.
	 *
	 * @param string $value Raw value.
	 * @return string|null
	 */
	public static function locale_tag( $value ) {
		$value = str_replace( '_', '-', trim( $value ) );
		return preg_match( '/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/', $value ) ? $value : null;
	}

	/**
	 * Why a JSON "advanced options" value cannot be used, or null when it is empty or a JSON object.
	 *
	 * @param string $json Raw value.
	 * @return string|null
	 */
	public static function json_problem( $json ) {
		if ( '' === $json ) {
			return null;
		}
		if ( strlen( $json ) > 20000 ) {
			return __( 'it is longer than 20,000 characters', 'chat-widget-for-chatkit' );
		}
		$decoded = json_decode( $json, false, 32 );
		if ( JSON_ERROR_NONE !== json_last_error() ) {
			/* translators: %s: PHP's JSON error message, e.g. "Syntax error" */
			return sprintf( __( 'it is not valid JSON (%s)', 'chat-widget-for-chatkit' ), json_last_error_msg() );
		}
		if ( ! is_object( $decoded ) ) {
			/* translators: %s: the JSON type that was found, e.g. "array" */
			return sprintf( __( 'expected a JSON object such as {"theme": {"radius": "soft"}}, got a JSON %s', 'chat-widget-for-chatkit' ), self::json_type( $decoded ) );
		}
		return null;
	}

	/**
	 * The JSON name of a decoded value's type.
	 *
	 * @param mixed $value Decoded value.
	 * @return string
	 */
	private static function json_type( $value ) {
		if ( is_array( $value ) ) {
			return 'array';
		}
		if ( is_string( $value ) ) {
			return 'string';
		}
		if ( is_bool( $value ) ) {
			return 'boolean';
		}
		return null === $value ? 'null' : 'number';
	}

	/**
	 * A URL setting: empty, an http(s) URL, or (for the API URL) a path on this site.
	 *
	 * @param array  $input      Submitted values.
	 * @param string $key        Setting key.
	 * @param array  $previous   Saved settings.
	 * @param bool   $allow_path Whether a site path such as /chatkit is allowed.
	 * @param string $label      Field label for the error.
	 * @return string
	 */
	private static function url_field( array $input, $key, array $previous, $allow_path, $label ) {
		$raw = trim( (string) ( $input[ $key ] ?? '' ) );
		if ( '' === $raw ) {
			return '';
		}
		if ( $allow_path && preg_match( '#^/(?!/)[^\s<>"\']*$#', $raw ) ) {
			return $raw;
		}
		$url = esc_url_raw( $raw, array( 'http', 'https' ) );
		if ( $url === $raw && preg_match( '#^https?://[^/\s?\#]+#i', $raw ) ) {
			return $url;
		}
		$expected = $allow_path
			? __( 'an http(s) URL such as https://chat.example.com/chatkit, or a path on this site such as /chatkit', 'chat-widget-for-chatkit' )
			: __( 'an http(s) URL such as https://cdn.example.com/chatkit.js', 'chat-widget-for-chatkit' );
		/* translators: 1: field label, 2: the expected shape, 3: the value that was entered */
		self::error( $key, sprintf( __( '%1$s: expected %2$s, got “%3$s”. The previous value is kept.', 'chat-widget-for-chatkit' ), $label, $expected, $raw ) );
		return $previous[ $key ];
	}

	/**
	 * Reports a refused value on the settings page (once, even when WordPress sanitizes twice).
	 *
	 * @param string $code    Field key.
	 * @param string $message Message.
	 */
	private static function error( $code, $message ) {
		if ( ! function_exists( 'add_settings_error' ) ) {
			return;
		}
		foreach ( get_settings_errors( self::OPTION ) as $existing ) {
			if ( $existing['code'] === $code ) {
				return;
			}
		}
		add_settings_error( self::OPTION, $code, $message, 'error' );
	}
}
