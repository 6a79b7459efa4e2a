<?php
/**
 * Dependencies of the block's editor script (no build step: editor.js uses the wp.* globals these provide).
 *
 * @package ChatWidgetForChatKit
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-server-side-render' ),
	'version'      => '0.1.0',
);
