import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { chatContext, stringsContext } from '../shared/context.js';
import { SessionController } from '../shared/session-controller.js';
import { en, type Strings } from '../shared/strings.js';
import { tokens } from '../shared/tokens.styles.js';
import { kebabAttributes } from '../shared/attributes.js';
import { chatIcon, closeIcon } from './icons.js';
import styles from './launcher.styles.js';

/**
 * Floating bubble that opens and closes the nearest `<cw-chat>`, with a badge counting unread agent messages.
 * It sits fixed at the bottom inline-end corner of the viewport (bottom-left in right-to-left pages); to place
 * it in the page flow instead, style it from outside (`cw-launcher { position: static }`).
 *
 * @slot icon - Replaces the chat icon shown while the chat is closed.
 * @slot close-icon - Replaces the close icon shown while the chat is open.
 * @csspart button - The `<button>`.
 * @csspart icon - The box around the icon.
 * @csspart label - The text of an expanded bubble (`label`).
 * @csspart badge - The unread count.
 * @cssprop --cw-launcher-size - Diameter of the bubble (default 56px).
 * @cssprop --cw-launcher-offset - Distance from the viewport's edges (default 20px).
 */
export class CwLauncher extends LitElement {
  static override styles = [tokens, styles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  // the manifest takes the attributes from the fields' JSDoc (`@attr`); kebabAttributes names them the same way
  static override properties = kebabAttributes({
    position: { reflect: true },
    label: {},
    hideWhenOpen: { type: Boolean, reflect: true },
  });

  /**
   * `right` or `left` pins the bubble to that physical corner whatever the text direction, as Chatwoot's
   * widget does; empty (the default) follows the text direction (right in LTR, left in RTL).
   * @attr
   * @reflect
   */
  position: '' | 'right' | 'left' = '';
  /**
   * Text beside the icon, for an expanded bubble such as "Chat with us"; it also names the button.
   * @attr
   */
  label = '';
  /**
   * Hides the bubble while the chat is open, for layouts whose panel has its own close button and should not
   * be covered. By default the bubble stays and shows a close icon.
   * @attr hide-when-open
   * @reflect
   */
  hideWhenOpen = false;

  // A consumer re-renders the launcher when its value changes.
  readonly #host = new ContextConsumer(this, { context: chatContext, subscribe: true });
  readonly #stringsConsumer = new ContextConsumer(this, { context: stringsContext, subscribe: true });
  get #strings(): Strings {
    return this.#stringsConsumer.value ?? en;
  }
  readonly #chat = new SessionController(this);

  override render() {
    const strings = this.#strings;
    const open = this.#chat.state?.open ?? false;
    const unread = this.#chat.state?.unreadCount ?? 0;
    const showLabel = Boolean(this.label) && !open;
    const action = open ? strings.closeChat : this.label || strings.openChat;
    const number = new Intl.NumberFormat(strings.$locale);
    return html`
      <button part="button" aria-expanded=${open}
        aria-label=${unread > 0 ? `${action}, ${strings.unread(unread)}` : action} @click=${this.#handleClick}>
        <span part="icon">
          ${open ? html`<slot name="close-icon">${closeIcon}</slot>` : html`<slot name="icon">${chatIcon}</slot>`}
        </span>
        ${showLabel ? html`<span part="label">${this.label}</span>` : nothing}
        ${unread > 0 ? html`<span part="badge" aria-hidden="true">${unread > 9 ? `${number.format(9)}+` : number.format(unread)}</span>` : nothing}
      </button>`;
  }

  #handleClick(): void {
    this.#host.value?.toggle();
  }

  /**
   * `aria-controls` by id cannot reach out of this shadow root, so the panel is linked by element reference
   * (ARIA element reflection), which may point into any ancestor tree. A browser without it keeps the
   * property as a plain one, which does no harm.
   */
  protected override updated(): void {
    const button = this.renderRoot.querySelector('button')!;
    const id = this.#host.value?.panelId;
    const root = this.getRootNode() as Document | ShadowRoot;
    const panel = id ? root.getElementById(id) : null;
    button.ariaControlsElements = panel ? [panel] : null;
  }
}

if (!customElements.get('cw-launcher')) customElements.define('cw-launcher', CwLauncher);
declare global {
  interface HTMLElementTagNameMap {
    'cw-launcher': CwLauncher;
  }
}
