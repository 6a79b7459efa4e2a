/**
 * The Chat block in the editor: its settings in the sidebar, and the server's render as the preview (the server
 * renders a placeholder there, never the live chat). Plain ES5 on the wp.* globals, so the plugin has no build step.
 */
( function ( wp ) {
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var c = wp.components;
	var ServerSideRender = wp.serverSideRender;

	function text( props, key, label ) {
		return el( c.TextControl, {
			label: label,
			value: props.attributes[ key ],
			onChange: function ( value ) {
				var next = {};
				next[ key ] = value;
				props.setAttributes( next );
			},
		} );
	}

	wp.blocks.registerBlockType( 'chat-widget-for-chatkit/chat', {
		edit: function ( props ) {
			var a = props.attributes;
			return el(
				'div',
				useBlockProps(),
				el(
					InspectorControls,
					null,
					el(
						c.PanelBody,
						{ title: __( 'Chat', 'chat-widget-for-chatkit' ) },
						el( c.SelectControl, {
							label: __( 'Height', 'chat-widget-for-chatkit' ),
							value: a.height,
							options: [
								{ value: 'small', label: __( 'Small (420 px)', 'chat-widget-for-chatkit' ) },
								{ value: 'medium', label: __( 'Medium (600 px)', 'chat-widget-for-chatkit' ) },
								{ value: 'large', label: __( 'Large (800 px)', 'chat-widget-for-chatkit' ) },
							],
							onChange: function ( value ) {
								props.setAttributes( { height: value } );
							},
						} ),
						text( props, 'title', __( 'Title', 'chat-widget-for-chatkit' ) ),
						text( props, 'greeting', __( 'Greeting', 'chat-widget-for-chatkit' ) ),
						text( props, 'placeholder', __( 'Placeholder', 'chat-widget-for-chatkit' ) ),
						el( c.SelectControl, {
							label: __( 'Colour scheme', 'chat-widget-for-chatkit' ),
							value: a.colorScheme,
							options: [
								{ value: '', label: __( 'As in the settings', 'chat-widget-for-chatkit' ) },
								{ value: 'light', label: __( 'Light', 'chat-widget-for-chatkit' ) },
								{ value: 'dark', label: __( 'Dark', 'chat-widget-for-chatkit' ) },
							],
							onChange: function ( value ) {
								props.setAttributes( { colorScheme: value } );
							},
						} ),
						text( props, 'accent', __( 'Accent colour (hex, e.g. #1a73e8)', 'chat-widget-for-chatkit' ) )
					)
				),
				el( ServerSideRender, { block: 'chat-widget-for-chatkit/chat', attributes: a } )
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp );
