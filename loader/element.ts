/**
 * `<openai-chatkit>`: the custom element `@openai/chatkit-react` renders. Registering the same tag name is what
 * lets a React app built for ChatKit run unchanged with our loader on the page: it waits for the element to be
 * defined, calls `setOptions`, calls the methods, and listens for `chatkit.*` DOM events. The class (with
 * `setOptions` and the methods, which must exist as soon as it is defined) lives here; mounting the inline
 * widget into it is done by the host chunk (./extension.ts `mount`), loaded when an element connects.
 */
import { METHODS } from './api.ts';
import type { Mount, Widget } from './widget.ts';

/** The platform's Promise, whatever the host did to `window.Promise`. */
const Promise = (async () => undefined)().constructor as PromiseConstructor;

/** An `<openai-chatkit>` instance: its widget once mounted, and the last options given. */
export type ChatKitElement = HTMLElement & { w?: Widget; o?: unknown };

/** Defines `openai-chatkit` once. */
export function defineElement(m: Pick<Mount, 'src' | 'ext'>): void {
  if (customElements.get('openai-chatkit')) return;
  const Base = class extends HTMLElement {
    connectedCallback(this: ChatKitElement): void {
      // Connected again before the host chunk arrived (React StrictMode mounts twice): mount only once.
      void m.ext().then((x) => this.isConnected && !this.w && x.mount(this, m));
    }
    disconnectedCallback(this: ChatKitElement): void {
      this.w?.destroy();
      this.w = undefined;
    }
  };
  const proto = Base.prototype as unknown as Record<string, unknown>;
  proto.setOptions = function (this: ChatKitElement, options: unknown) {
    this.o = options;
    return this.w?.setOptions(options);
  };
  for (const name of METHODS) {
    proto[name] = function (this: ChatKitElement, ...args: unknown[]) {
      return this.w ? this.w.call(name, args) : Promise.reject(Error('openai-chatkit is not connected'));
    };
  }
  customElements.define('openai-chatkit', Base);
}
