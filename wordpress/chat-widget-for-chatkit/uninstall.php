<?php
/**
 * Removes everything the plugin stored: its one option, on every site of a network.
 *
 * @package ChatWidgetForChatKit
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $cwfc_site ) {
		switch_to_blog( $cwfc_site );
		delete_option( 'cwfc_settings' );
		restore_current_blog();
	}
} else {
	delete_option( 'cwfc_settings' );
}
