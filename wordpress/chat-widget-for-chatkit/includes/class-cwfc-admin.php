<?php
/**
 * The settings page (Settings → Chat Widget) on the Settings API: `manage_options` only, WordPress's nonce on the
 * form (settings_fields), values sanitized by CWFC_Settings::sanitize() and escaped here. Also the notice shown on
 * every admin page while the API URL is missing, and the "Settings" link on the Plugins screen.
 *
 * Long because it lays out every field of the page; each field is one small render method.
 *
 * @package ChatWidgetForChatKit
 */

defined( 'ABSPATH' ) || exit;

/**
 * Admin screens.
 */
final class CWFC_Admin {

	/** Page slug (options-general.php?page=…). */
	const PAGE = 'chat-widget-for-chatkit';

	/** Hooks. */
	public static function init() {
		add_action( 'admin_menu', array( __CLASS__, 'menu' ) );
		add_action( 'admin_init', array( __CLASS__, 'fields' ) );
		add_action( 'admin_notices', array( __CLASS__, 'missing_api_url_notice' ) );
		add_action( 'admin_enqueue_scripts', array( __CLASS__, 'styles' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( CWFC_FILE ), array( __CLASS__, 'action_links' ) );
	}

	/** Adds the page under Settings. */
	public static function menu() {
		add_options_page(
			__( 'Chat Widget for ChatKit', 'chat-widget-for-chatkit' ),
			__( 'Chat Widget', 'chat-widget-for-chatkit' ),
			'manage_options',
			self::PAGE,
			array( __CLASS__, 'page' )
		);
	}

	/**
	 * The settings page's stylesheet (its own screen only).
	 *
	 * @param string $hook Admin page hook.
	 */
	public static function styles( $hook ) {
		if ( 'settings_page_' . self::PAGE === $hook ) {
			wp_enqueue_style( 'cwfc-admin', plugins_url( 'assets/admin.css', CWFC_FILE ), array(), CWFC_VERSION );
		}
	}

	/**
	 * "Settings" next to "Deactivate".
	 *
	 * @param string[] $links Action links.
	 * @return string[]
	 */
	public static function action_links( $links ) {
		$url = admin_url( 'options-general.php?page=' . self::PAGE );
		array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'chat-widget-for-chatkit' ) . '</a>' );
		return $links;
	}

	/** Tells administrators that nothing shows until the API URL is set. */
	public static function missing_api_url_notice() {
		if ( ! current_user_can( 'manage_options' ) || '' !== CWFC_Settings::get()['api_url'] ) {
			return;
		}
		$url = admin_url( 'options-general.php?page=' . self::PAGE );
		echo '<div class="notice notice-warning" id="cwfc-missing-api-url"><p>';
		printf(
			/* translators: %s: link to the settings page */
			esc_html__( 'Chat Widget for ChatKit is not shown on your site yet: enter your ChatKit API URL in %s.', 'chat-widget-for-chatkit' ),
			'<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings → Chat Widget', 'chat-widget-for-chatkit' ) . '</a>'
		);
		echo '</p></div>';
	}

	/** Sections and fields. */
	public static function fields() {
		$sections = array(
			'cwfc_connection' => __( 'Connection', 'chat-widget-for-chatkit' ),
			'cwfc_appearance' => __( 'Appearance', 'chat-widget-for-chatkit' ),
			'cwfc_features'   => __( 'Features', 'chat-widget-for-chatkit' ),
			'cwfc_visibility' => __( 'Where it shows', 'chat-widget-for-chatkit' ),
			'cwfc_privacy'    => __( 'Privacy and consent', 'chat-widget-for-chatkit' ),
			'cwfc_advanced'   => __( 'Advanced', 'chat-widget-for-chatkit' ),
		);
		foreach ( $sections as $id => $title ) {
			add_settings_section( $id, $title, '__return_false', self::PAGE );
		}
		$f = array(
			array( 'api_url', __( 'ChatKit API URL', 'chat-widget-for-chatkit' ), 'cwfc_connection', 'url', __( 'Required. Your ChatKit backend’s endpoint, e.g. https://chat.example.com/chatkit (the reference backend, or any ChatKit Python SDK server). It must allow this site’s origin.', 'chat-widget-for-chatkit' ) ),
			array( 'widget_url', __( 'Widget script URL', 'chat-widget-for-chatkit' ), 'cwfc_connection', 'url', __( 'Leave empty to use the widget bundled with this plugin. Or the URL of a chatkit.js you host yourself (a CDN, your chat server).', 'chat-widget-for-chatkit' ) ),
			array( 'title', __( 'Title', 'chat-widget-for-chatkit' ), 'cwfc_appearance', 'text', __( 'Shown in the chat header. Empty: the conversation’s title.', 'chat-widget-for-chatkit' ) ),
			array( 'greeting', __( 'Greeting', 'chat-widget-for-chatkit' ), 'cwfc_appearance', 'text', __( 'Shown on the start screen. Empty: “What can I help with today?”', 'chat-widget-for-chatkit' ) ),
			array( 'placeholder', __( 'Placeholder', 'chat-widget-for-chatkit' ), 'cwfc_appearance', 'text', __( 'Shown in the empty message box. Empty: “Message the AI”.', 'chat-widget-for-chatkit' ) ),
			array(
				'color_scheme',
				__( 'Colour scheme', 'chat-widget-for-chatkit' ),
				'cwfc_appearance',
				array(
					'light' => __( 'Light', 'chat-widget-for-chatkit' ),
					'dark'  => __( 'Dark', 'chat-widget-for-chatkit' ),
				),
				'',
			),
			array( 'accent', __( 'Accent colour', 'chat-widget-for-chatkit' ), 'cwfc_appearance', 'color', __( 'A hex colour such as #1a73e8. Empty: the widget’s default.', 'chat-widget-for-chatkit' ) ),
			array(
				'side',
				__( 'Side', 'chat-widget-for-chatkit' ),
				'cwfc_appearance',
				array(
					'right' => __( 'Right', 'chat-widget-for-chatkit' ),
					'left'  => __( 'Left', 'chat-widget-for-chatkit' ),
				),
				__( 'Where the floating launcher sits.', 'chat-widget-for-chatkit' ),
			),
			array( 'locale', __( 'Language', 'chat-widget-for-chatkit' ), 'cwfc_appearance', 'text', __( 'A language tag such as de or pt-BR. Empty: the site language.', 'chat-widget-for-chatkit' ) ),
			array( 'history', __( 'Conversation history', 'chat-widget-for-chatkit' ), 'cwfc_features', 'checkbox', __( 'Let visitors see and reopen their earlier conversations.', 'chat-widget-for-chatkit' ) ),
			array( 'attachments', __( 'Attachments', 'chat-widget-for-chatkit' ), 'cwfc_features', 'checkbox', __( 'Let visitors attach files (your backend must accept uploads).', 'chat-widget-for-chatkit' ) ),
			array( 'feedback', __( 'Feedback', 'chat-widget-for-chatkit' ), 'cwfc_features', 'checkbox', __( 'Show thumbs up and down on answers.', 'chat-widget-for-chatkit' ) ),
			array( 'open', __( 'Open on load', 'chat-widget-for-chatkit' ), 'cwfc_features', 'checkbox', __( 'Open the chat panel when a page loads.', 'chat-widget-for-chatkit' ) ),
			array( 'hide_launcher', __( 'Hide the launcher', 'chat-widget-for-chatkit' ), 'cwfc_features', 'checkbox', __( 'No floating button: open the chat from your own button with ChatKit.open().', 'chat-widget-for-chatkit' ) ),
			array(
				'visibility',
				__( 'Show the floating chat', 'chat-widget-for-chatkit' ),
				'cwfc_visibility',
				array(
					'all'    => __( 'On every page', 'chat-widget-for-chatkit' ),
					'only'   => __( 'Only on the pages listed below', 'chat-widget-for-chatkit' ),
					'except' => __( 'On every page except those listed below', 'chat-widget-for-chatkit' ),
				),
				__( 'Never in the admin, in the block editor or in post previews. Inline chats (shortcode, block) show wherever you place them.', 'chat-widget-for-chatkit' ),
			),
			array( 'pages', __( 'Pages', 'chat-widget-for-chatkit' ), 'cwfc_visibility', 'textarea', __( 'One a line: a page or post ID (such as 42), or a path (such as /contact/; /shop/* for everything below /shop/; / for the front page).', 'chat-widget-for-chatkit' ) ),
			array( 'hide_logged_out', __( 'Logged-out visitors', 'chat-widget-for-chatkit' ), 'cwfc_visibility', 'checkbox', __( 'Hide the floating chat from visitors who are not logged in.', 'chat-widget-for-chatkit' ) ),
			array( 'hide_roles', __( 'Hide for roles', 'chat-widget-for-chatkit' ), 'cwfc_visibility', 'roles', __( 'Logged-in users with any of these roles do not see the floating chat.', 'chat-widget-for-chatkit' ) ),
			array(
				'storage',
				__( 'Remember the conversation', 'chat-widget-for-chatkit' ),
				'cwfc_privacy',
				array(
					'local'   => __( 'Across visits (browser local storage)', 'chat-widget-for-chatkit' ),
					'session' => __( 'Until the tab is closed (session storage)', 'chat-widget-for-chatkit' ),
					'none'    => __( 'Not at all (a new conversation on every page)', 'chat-widget-for-chatkit' ),
				),
				__( 'The widget stores only the id of the visitor’s current conversation, on this site, after they first open the chat.', 'chat-widget-for-chatkit' ),
			),
			array( 'consent', __( 'Wait for consent', 'chat-widget-for-chatkit' ), 'cwfc_privacy', 'checkbox', __( 'Store nothing until the visitor consents. Consent plugins call ChatWidgetForChatKit.consent(true); the WP Consent API is followed automatically.', 'chat-widget-for-chatkit' ) ),
			array(
				'consent_category',
				__( 'Consent category', 'chat-widget-for-chatkit' ),
				'cwfc_privacy',
				array(
					'functional'  => __( 'Functional', 'chat-widget-for-chatkit' ),
					'preferences' => __( 'Preferences', 'chat-widget-for-chatkit' ),
					'statistics'  => __( 'Statistics', 'chat-widget-for-chatkit' ),
					'marketing'   => __( 'Marketing', 'chat-widget-for-chatkit' ),
				),
				__( 'The WP Consent API category that allows the chat’s storage.', 'chat-widget-for-chatkit' ),
			),
			array( 'stub', __( 'Early calls', 'chat-widget-for-chatkit' ), 'cwfc_advanced', 'checkbox', __( 'Print the small stub that queues ChatKit.open() and other calls made before the widget has loaded.', 'chat-widget-for-chatkit' ) ),
			array( 'advanced', __( 'Advanced options (JSON)', 'chat-widget-for-chatkit' ), 'cwfc_advanced', 'json', __( 'Any ChatKit options as a JSON object, e.g. {"theme": {"radius": "soft"}, "startScreen": {"prompts": [{"label": "Opening hours", "prompt": "When are you open?"}]}}. The fields above override the same keys.', 'chat-widget-for-chatkit' ) ),
		);
		foreach ( $f as $field ) {
			list( $key, $label, $section, $type, $help ) = $field;
			add_settings_field(
				'cwfc_' . $key,
				$label,
				array( __CLASS__, 'field' ),
				self::PAGE,
				$section,
				array(
					'key'       => $key,
					'type'      => $type,
					'help'      => $help,
					'label_for' => 'roles' === $type ? null : 'cwfc-' . $key,
				)
			);
		}
	}

	/**
	 * Renders one field.
	 *
	 * @param array $args Field arguments.
	 */
	public static function field( $args ) {
		$settings = CWFC_Settings::get();
		$key      = $args['key'];
		$type     = $args['type'];
		$value    = $settings[ $key ];
		$name     = CWFC_Settings::OPTION . '[' . $key . ']';
		$id       = 'cwfc-' . $key;
		$help_id  = $id . '-help';
		$describe = '' !== $args['help'] ? ' aria-describedby="' . esc_attr( $help_id ) . '"' : '';

		if ( is_array( $type ) ) {
			echo '<select id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '"' . $describe . '>'; // phpcs:ignore WordPress.Security.EscapeOutput -- $describe is escaped above.
			foreach ( $type as $option => $label ) {
				echo '<option value="' . esc_attr( $option ) . '"' . selected( $value, $option, false ) . '>' . esc_html( $label ) . '</option>';
			}
			echo '</select>';
		} elseif ( 'checkbox' === $type ) {
			echo '<input type="checkbox" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" value="1"' . checked( $value, true, false ) . $describe . '>'; // phpcs:ignore WordPress.Security.EscapeOutput
		} elseif ( 'textarea' === $type || 'json' === $type ) {
			$class = 'json' === $type ? 'large-text code' : 'regular-text';
			echo '<textarea id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" rows="' . ( 'json' === $type ? 8 : 4 ) . '" class="' . esc_attr( $class ) . '" spellcheck="false"' . $describe . '>' . esc_textarea( $value ) . '</textarea>'; // phpcs:ignore WordPress.Security.EscapeOutput
		} elseif ( 'roles' === $type ) {
			echo '<fieldset' . $describe . '><legend class="screen-reader-text">' . esc_html__( 'Hide for roles', 'chat-widget-for-chatkit' ) . '</legend>'; // phpcs:ignore WordPress.Security.EscapeOutput
			foreach ( wp_roles()->get_names() as $role => $label ) {
				echo '<label class="cwfc-role"><input type="checkbox" name="' . esc_attr( $name ) . '[]" value="' . esc_attr( $role ) . '"' . checked( in_array( $role, (array) $value, true ), true, false ) . '> ' . esc_html( translate_user_role( $label ) ) . '</label> ';
			}
			echo '</fieldset>';
		} else {
			$extra = 'url' === $type ? ' inputmode="url" spellcheck="false"' : '';
			echo '<input type="text" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" value="' . esc_attr( $value ) . '" class="regular-text"' . $extra . $describe . '>'; // phpcs:ignore WordPress.Security.EscapeOutput
		}
		if ( '' !== $args['help'] ) {
			echo '<p class="description" id="' . esc_attr( $help_id ) . '">' . esc_html( $args['help'] ) . '</p>';
		}
	}

	/** The page. */
	public static function page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage these settings.', 'chat-widget-for-chatkit' ) );
		}
		echo '<div class="wrap cwfc-settings"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
		echo '<p>' . esc_html__( 'Inline chats: add the “Chat” block, or the [chatkit_widget] shortcode (height="small|medium|large", title, greeting, placeholder, color_scheme, accent, history).', 'chat-widget-for-chatkit' ) . '</p>';
		// (WordPress prints this page's settings errors above, as on every Settings screen.)
		echo '<form method="post" action="options.php">';
		settings_fields( CWFC_Settings::GROUP );
		do_settings_sections( self::PAGE );
		submit_button();
		echo '</form></div>';
	}
}
