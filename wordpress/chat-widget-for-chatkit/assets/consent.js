/**
 * Chat Widget for ChatKit: consent. Loaded when the owner requires consent before the chat stores anything;
 * the widget starts with data-storage="none" and this switches it to the owner's choice (data-storage of this
 * script: local or session) once the visitor consents, and back to none (which clears what was stored) when
 * consent is withdrawn.
 *
 * For consent plugins:
 *   window.ChatWidgetForChatKit.consent(true);   // or false
 *   document.dispatchEvent(new CustomEvent('cwfc:consent', { detail: { granted: true } }));
 * Sites using the WP Consent API need nothing: its `wp_listen_for_consent_change` event and `wp_has_consent()`
 * are followed for the category chosen in the settings (data-category).
 */
( function ( w, d ) {
	var script = d.currentScript;
	var granted = script && script.getAttribute( 'data-storage' ) === 'session' ? 'session' : 'local';
	var category = ( script && script.getAttribute( 'data-category' ) ) || 'functional';
	var state = null;

	// The README's stub, so calls made before chatkit.js has loaded are queued and replayed in order.
	if ( ! w.ChatKit ) {
		var q = [];
		var k = ( w.ChatKit = { q: q } );
		'open close toggle setOptions off destroy focusComposer setThreadId sendUserMessage setComposerValue fetchUpdates sendCustomAction showHistory hideHistory setStorage'
			.split( ' ' )
			.forEach( function ( m ) {
				k[ m ] = function () {
					var a = arguments;
					return new Promise( function ( r, j ) {
						q.push( [ m, a, r, j ] );
					} );
				};
			} );
		k.on = function ( n, f ) {
			q.push( [ 'on', [ n, f ] ] );
			return function () {
				return w.ChatKit.off( n, f );
			};
		};
	}

	function apply( mode ) {
		var k = w.ChatKit;
		if ( k && typeof k.setStorage === 'function' ) {
			k.setStorage( mode ).catch( function () {} );
		}
		// Inline chats (<openai-chatkit>) have their own instance.
		var elements = d.querySelectorAll( 'openai-chatkit' );
		for ( var i = 0; i < elements.length; i++ ) {
			var el = elements[ i ];
			el.setAttribute( 'data-storage', mode );
			if ( typeof el.setStorage === 'function' ) {
				Promise.resolve( el.setStorage( mode ) ).catch( function () {} );
			}
		}
	}

	/** Grants (true) or withdraws (false) consent for the chat's storage. */
	function consent( yes ) {
		var mode = yes ? granted : 'none';
		if ( mode === state ) {
			return;
		}
		state = mode;
		if ( d.readyState === 'loading' ) {
			d.addEventListener( 'DOMContentLoaded', function () {
				apply( state );
			} );
		} else {
			apply( mode );
		}
	}

	w.ChatWidgetForChatKit = { consent: consent };
	d.addEventListener( 'cwfc:consent', function ( e ) {
		consent( !! ( e.detail && e.detail.granted ) );
	} );
	// WP Consent API (https://wordpress.org/plugins/wp-consent-api/).
	d.addEventListener( 'wp_listen_for_consent_change', function ( e ) {
		if ( e.detail && category in e.detail ) {
			consent( e.detail[ category ] === 'allow' );
		}
	} );
	if ( typeof w.wp_has_consent === 'function' && w.wp_has_consent( category ) ) {
		consent( true );
	}
} )( window, document );
