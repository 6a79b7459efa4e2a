<?php
/**
 * Plugin Name:       Chat Widget for ChatKit
 * Description:       Adds an AI chat (the open-source chatkit-embed widget) to your site: a floating launcher, or an inline chat through a shortcode or a block, talking to your ChatKit-compatible backend.
 * Version:           0.1.0
 * Requires at least: 6.2
 * Requires PHP:      7.4
 * Author:            chatkit-embed contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       chat-widget-for-chatkit
 * Domain Path:       /languages
 *
 * @package ChatWidgetForChatKit
 */

defined( 'ABSPATH' ) || exit;

define( 'CWFC_VERSION', '0.1.0' );
define( 'CWFC_FILE', __FILE__ );
define( 'CWFC_DIR', plugin_dir_path( __FILE__ ) );

require_once CWFC_DIR . 'includes/class-cwfc-settings.php';
require_once CWFC_DIR . 'includes/class-cwfc-visibility.php';
require_once CWFC_DIR . 'includes/class-cwfc-output.php';
require_once CWFC_DIR . 'includes/class-cwfc-inline.php';
if ( is_admin() ) {
	require_once CWFC_DIR . 'includes/class-cwfc-admin.php';
	CWFC_Admin::init();
}

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'chat-widget-for-chatkit', false, dirname( plugin_basename( CWFC_FILE ) ) . '/languages' );
	}
);
CWFC_Settings::init();
CWFC_Output::init();
CWFC_Inline::init();

// Stored once on activation, so the first save from the settings page is an update (sanitized once).
register_activation_hook( __FILE__, array( 'CWFC_Settings', 'activate' ) );
