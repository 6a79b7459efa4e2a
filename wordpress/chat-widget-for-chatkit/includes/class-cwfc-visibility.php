<?php
/**
 * Where the floating widget shows: everywhere, only on listed pages, or everywhere except listed pages; never for
 * logged-out visitors or given roles when the owner says so; never in the admin, REST/AJAX responses (the block
 * editor renders through REST), feeds, embeds or post previews.
 *
 * @package ChatWidgetForChatKit
 */

defined( 'ABSPATH' ) || exit;

/**
 * Visibility rules.
 */
final class CWFC_Visibility {

	/**
	 * Parses the "pages" setting: one rule a line, a page ID or a path starting with / (a trailing * matches
	 * everything below). Blank lines are dropped.
	 *
	 * @param string   $text    Raw setting.
	 * @param string[] $invalid Receives the lines that are neither.
	 * @return string[] Normalized rules.
	 */
	public static function parse_rules( $text, array &$invalid ) {
		$rules = array();
		foreach ( preg_split( '/\r\n|\r|\n/', (string) $text ) as $line ) {
			$line = trim( sanitize_text_field( $line ) );
			if ( '' === $line ) {
				continue;
			}
			if ( preg_match( '/^[1-9][0-9]*$/', $line ) || preg_match( '#^/[^\s<>"\'?\#]*\*?$#', $line ) ) {
				$rules[] = $line;
			} else {
				$invalid[] = $line;
			}
		}
		return array_values( array_unique( $rules ) );
	}

	/**
	 * Whether the floating widget belongs on the current front-end request.
	 *
	 * @param array $settings CWFC_Settings::get().
	 * @return bool
	 */
	public static function floating_visible( array $settings ) {
		$visible = '' !== $settings['api_url'] && self::is_public_page() && self::allowed_for_user( $settings ) && self::allowed_here( $settings );
		/**
		 * Filters whether the floating chat widget is shown on this request.
		 *
		 * @param bool  $visible  Result of the visibility rules.
		 * @param array $settings The plugin's settings.
		 */
		return (bool) apply_filters( 'cwfc_show_widget', $visible, $settings );
	}

	/**
	 * A front-end page meant for visitors (not the admin, the block editor's REST renders, feeds or previews).
	 *
	 * @return bool
	 */
	public static function is_public_page() {
		if ( is_admin() || wp_doing_ajax() || wp_doing_cron() || ( defined( 'REST_REQUEST' ) && REST_REQUEST ) ) {
			return false;
		}
		return ! ( is_feed() || is_embed() || is_preview() || is_robots() || is_trackback() );
	}

	/**
	 * The logged-out and role rules.
	 *
	 * @param array $settings Settings.
	 * @return bool
	 */
	private static function allowed_for_user( array $settings ) {
		if ( ! is_user_logged_in() ) {
			return ! $settings['hide_logged_out'];
		}
		$roles = (array) wp_get_current_user()->roles;
		return ! array_intersect( $roles, (array) $settings['hide_roles'] );
	}

	/**
	 * The page rules.
	 *
	 * @param array $settings Settings.
	 * @return bool
	 */
	private static function allowed_here( array $settings ) {
		if ( 'all' === $settings['visibility'] ) {
			return true;
		}
		$invalid = array();
		$matches = self::matches( self::parse_rules( $settings['pages'], $invalid ) );
		return 'only' === $settings['visibility'] ? $matches : ! $matches;
	}

	/**
	 * Whether the current request matches one of the rules.
	 *
	 * @param string[] $rules Normalized rules.
	 * @return bool
	 */
	private static function matches( array $rules ) {
		$id   = is_singular() || is_front_page() || is_home() ? (int) get_queried_object_id() : 0;
		$path = self::request_path();
		foreach ( $rules as $rule ) {
			if ( ctype_digit( $rule ) ) {
				if ( $id && (int) $rule === $id ) {
					return true;
				}
				continue;
			}
			if ( '*' === substr( $rule, -1 ) ) {
				if ( 0 === strpos( $path, rtrim( substr( $rule, 0, -1 ), '/' ) . '/' ) || $path === rtrim( substr( $rule, 0, -1 ), '/' ) ) {
					return true;
				}
			} elseif ( untrailingslashit( $rule ) === untrailingslashit( $path ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The request path relative to the site's home path ("/" for the front page).
	 *
	 * @return string
	 */
	private static function request_path() {
		$uri  = isset( $_SERVER['REQUEST_URI'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REQUEST_URI'] ) ) : '/';
		$path = (string) wp_parse_url( $uri, PHP_URL_PATH );
		$home = untrailingslashit( (string) wp_parse_url( home_url(), PHP_URL_PATH ) );
		if ( '' !== $home && 0 === strpos( $path, $home ) ) {
			$path = substr( $path, strlen( $home ) );
		}
		// "PATHINFO" permalinks (servers without rewriting): /index.php/contact/ is /contact/.
		if ( 0 === strpos( $path, '/index.php/' ) ) {
			$path = substr( $path, strlen( '/index.php' ) );
		}
		return '' === $path ? '/' : $path;
	}
}
