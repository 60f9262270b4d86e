import { LitElement, adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { ContextEvent } from '@lit/context';
import '../chat/chat.js';
import '../launcher/launcher.js';
import type { CwChat } from '../chat/chat.js';
import { chatProperties, localeOf } from '../chat/chat-properties.js';
import type { CwLauncher } from '../launcher/launcher.js';
import { chatIcon } from '../launcher/icons.js';
import type { CableStatus } from '../../services/cable-connection.js';
import type { ChatSession } from '../../services/chat-session.js';
import type { ChatMessage } from '../../services/conversation-store.js';
import type { ContactAttributes, Conversation, PublicContact } from '../../services/types.js';
import { sessionContext, stringsContext } from '../shared/context.js';
import { emit, errorMessage } from '../shared/events.js';
import { en, type Strings } from '../shared/strings.js';
import { tokens } from '../shared/tokens.styles.js';
import { kebabAttributes } from '../shared/attributes.js';
import { EXPORTED_PARTS, PANEL_ID } from './panel-names.js';
import type { renderPanel } from './panel.js';
import type { EndView } from './conversation-end.js';
import styles from './widget.styles.js';

const CLOCK_MS = 60_000;

/**
 * The drop-in chat: a launcher and a panel with a header (inbox name, availability from the inbox's working
 * hours), an optional pre-chat form, the messages and the composer. The panel's parts load the first time it
 * opens. On screens up to 600px wide the panel fills the screen. Takes the attributes of `<cw-chat>`, whose
 * events bubble out of it unchanged, and offers the same properties and methods.
 *
 * @slot launcher-icon - Replaces the launcher's chat icon.
 * @csspart panel - The chat panel (`role="dialog"`).
 * @csspart header - The panel's header.
 * @csspart title - The inbox name (or `header-title`).
 * @csspart status - Online or away, and when the team is back.
 * @csspart reply-time - The `reply-time` text.
 * @csspart close-button - The button that closes the panel.
 * @csspart body - The box around the form, the messages and the composer.
 * @csspart end-button - "End conversation" in the header, while a conversation is open.
 * @csspart end-confirm - The confirmation shown before ending the conversation.
 * @csspart ended - The line shown once the conversation is resolved, with "Start a new conversation".
 * @csspart launcher-button - The launcher's button; also `launcher-icon`, `launcher-label`, `launcher-badge`.
 * @csspart message-list-log - Every part of `cw-message-list` (messages included) as `message-list-<part>`,
 *   of `cw-composer` as `composer-<part>` and of `cw-contact-form` as `contact-form-<part>`.
 * @csspart error - `<cw-chat>`'s error box (and `retry-button`).
 * @cssprop --cw-widget-width - Width of the panel (default min(400px, viewport width − 2 × offset)).
 * @cssprop --cw-widget-height - Height of the panel (default min(640px, what fits above the launcher)).
 * @cssprop --cw-launcher-size - Diameter of the launcher; the panel sits above it.
 * @cssprop --cw-launcher-offset - Distance of the launcher and the panel from the viewport's edges.
 * @event {CustomEvent<{ contact: PublicContact; conversation?: Conversation }>} cw-ready - The session started.
 * @event {CustomEvent<{ open: boolean }>} cw-open-change - The chat was opened or closed (not fired for the `open` attribute).
 * @event {CustomEvent<{ message: ChatMessage }>} cw-message - A new message arrived in the active conversation.
 * @event {CustomEvent<{ count: number }>} cw-unread-change - The number of unread agent messages changed.
 * @event {CustomEvent<{ status: 'connecting' | 'open' | 'closed' }>} cw-connection-change - The live connection changed.
 * @event {CustomEvent<{ code: string; message: string }>} cw-error - Something failed; `message` is readable.
 */
export class CwWidget extends LitElement {
  static override styles = [tokens, styles];
  // the manifest takes the attributes from the fields' JSDoc (`@attr`); kebabAttributes names them the same way
  static override properties = kebabAttributes({
    ...chatProperties,
    position: { reflect: true },
    headerTitle: {},
    replyTime: {},
    preChatFields: {},
    preChatRequired: { type: Boolean },
    launcherLabel: {},
    confirmingEnd: { state: true },
    endBusy: { state: true },
  });

  /**
   * Chatwoot's address, e.g. `https://chat.example.com`.
   * @attr base-url
   */
  baseUrl = '';
  /**
   * The identifier of the API-channel inbox.
   * @attr
   */
  inbox = '';
  /**
   * The site's id for a signed-in visitor.
   * @attr
   */
  identifier = '';
  /**
   * HMAC-SHA256 of `identifier` with the inbox's HMAC token, computed by the site's backend.
   * @attr identifier-hash
   */
  identifierHash = '';
  /**
   * The visitor's name, used when the contact is created.
   * @attr
   */
  name = '';
  /**
   * The visitor's e-mail address, used when the contact is created.
   * @attr
   */
  email = '';
  /**
   * The visitor's phone number (E.164, e.g. `+14155550123`), used when the contact is created.
   * @attr
   */
  phone = '';
  /**
   * Language of the texts (BCP 47); defaults to the page's `lang`, then English.
   * @attr
   */
  locale = '';
  /**
   * Where the visitor's credentials are kept: `local` (default), `session` or `none`.
   * @attr
   */
  storage: 'local' | 'session' | 'none' = 'local';
  /**
   * Whether the chat is open. Reflected to the `open` attribute; setting it fires no event.
   * @attr open
   * @reflect
   */
  isOpen = false;
  /**
   * `light` or `dark` fixes the colour scheme; by default it follows the visitor's preference.
   * @attr
   * @reflect
   */
  theme: '' | 'light' | 'dark' = '';
  /**
   * `right` or `left` pins the launcher and panel to that physical side; empty follows the text direction.
   * @attr
   * @reflect
   */
  position: '' | 'right' | 'left' = '';
  /**
   * Text of the panel's header; the inbox's name by default.
   * @attr header-title
   */
  headerTitle = '';
  /**
   * Text shown under the title, e.g. "Typically replies in a few minutes".
   * @attr reply-time
   */
  replyTime = '';
  /**
   * The fields of a pre-chat form (`<cw-contact-form fields>`); no form when empty.
   * @attr pre-chat-fields
   */
  preChatFields = '';
  /**
   * The visitor must fill in the pre-chat form before sending a message.
   * @attr pre-chat-required
   */
  preChatRequired = false;
  /**
   * Text beside the launcher's icon, for an expanded launcher.
   * @attr launcher-label
   */
  launcherLabel = '';
  /**
   * As on `<cw-chat>`: `on-open` (default) or `on-send`, when a new visitor's contact is created.
   * @attr contact
   */
  contactMode: 'on-open' | 'on-send' = 'on-open';
  /**
   * As on `<cw-chat>`: the unread count in front of the page's title.
   * @attr unread-in-title
   */
  unreadInTitle = false;
  /**
   * As on `<cw-chat>`: a chime for agent replies while the page is hidden.
   * @attr notify-sound
   */
  notifySound = false;
  private confirmingEnd = false;
  private endBusy = false;

  #session?: ChatSession;
  /** The inner `<cw-chat>`, once rendered. */
  get #chat(): CwChat | null {
    return this.renderRoot?.querySelector('cw-chat');
  }

  get #launcher(): CwLauncher | null {
    return this.renderRoot?.querySelector('cw-launcher');
  }

  #unsubscribeStore?: () => void;
  #parts?: Promise<void>;
  #renderPanel?: typeof renderPanel;
  /** Whether the session's inbox (name, working hours) was asked for: once per session, when the panel opens. */
  #inboxRequested = false;
  #clock?: ReturnType<typeof setInterval>;
  /** The inner `<cw-chat>`'s strings: English until its locale has loaded. */
  #strings: Strings = en;

  /** The session, for pages that drive it directly. */
  get session(): ChatSession | undefined {
    return this.#chat?.session;
  }

  /**
   * The visitor's Chatwoot contact, once the session has started. Setting it sets `contactMode`: React 19,
   * Vue and Svelte pass the `contact` attribute (`on-open` or `on-send`) as this property.
   */
  get contact(): PublicContact | undefined {
    return this.#chat?.contact;
  }

  set contact(mode: 'on-open' | 'on-send') {
    this.contactMode = mode;
  }

  /** The active conversation, once there is one. */
  get conversation(): Conversation | undefined {
    return this.#chat?.conversation;
  }

  /** The active conversation's messages in order; a message still being sent has no `id` yet. */
  get messages(): readonly ChatMessage[] {
    return this.#chat?.messages ?? [];
  }

  /** The live connection: `connecting`, `open` or `closed`. */
  get connection(): CableStatus {
    return this.#chat?.connection ?? 'closed';
  }

  /** The number of agent messages the visitor has not seen yet. */
  get unreadCount(): number {
    return this.#chat?.unreadCount ?? 0;
  }

  /**
   * `open()` opens the chat and fires `cw-open-change`. Setting `open` to true or false does what the `open`
   * attribute does (no event): React 19, Vue and Svelte pass the attribute as this property.
   */
  get open(): () => void {
    return this.#open;
  }

  set open(value: boolean) {
    this.isOpen = Boolean(value);
  }

  readonly #open = (): void => {
    if (this.#chat) this.#chat.open();
    else this.isOpen = true;
  };

  /** Closes the chat; fires `cw-open-change`. */
  close(): void {
    if (this.#chat) this.#chat.close();
    else this.isOpen = false;
  }

  /** Opens the chat if it is closed, closes it otherwise; fires `cw-open-change`. */
  toggle(): void {
    if (this.#chat) this.#chat.toggle();
    else this.isOpen = !this.isOpen;
  }

  /** Sends a message as the visitor (the same path as the composer). */
  async send(text: string): Promise<void> {
    await (await this.#ready()).send(text);
  }

  /** Identifies the visitor as the site's user; `attributes.identifier_hash` verifies it (HMAC). */
  async setUser(identifier: string, attributes: ContactAttributes & { identifier_hash?: string } = {}): Promise<void> {
    const chat = await this.#ready();
    this.identifier = identifier;
    this.identifierHash = attributes.identifier_hash ?? '';
    await chat.setUser(identifier, attributes);
  }

  /** Sets custom attributes on the visitor's Chatwoot contact. */
  async setCustomAttributes(customAttributes: Record<string, unknown>): Promise<void> {
    await (await this.#ready()).setCustomAttributes(customAttributes);
  }

  /** Forgets the visitor on this device (contact, conversation, unsent messages), as on logout. */
  reset(): void {
    this.#chat?.reset();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#runClock(this.isOpen);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#runClock(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('isOpen') && this.isOpen) void this.#loadParts();
  }

  /** The launcher shows before the session exists; the panel once its code has loaded (first opening). */
  override render() {
    return html`
      <cw-chat exportparts="error, retry-button" panel-id=${PANEL_ID} @cw-open-change=${this.#handleOpenChange}>
        <cw-launcher exportparts=${EXPORTED_PARTS.launcher} position=${this.position} label=${this.launcherLabel}>
          <slot name="launcher-icon" slot="icon">${chatIcon}</slot>
        </cw-launcher>
        ${this.#renderPanel ? this.#renderPanel(this, this.#endView()) : nothing}
      </cw-chat>`;
  }

  protected override firstUpdated(): void {
    // The session lives in the inner <cw-chat>, below this element: ask for it from inside, from the launcher.
    const asker = this.#launcher!;
    asker.dispatchEvent(new ContextEvent(sessionContext, asker, this.#handleSession, true));
    asker.dispatchEvent(new ContextEvent(stringsContext, asker, this.#handleStrings, true));
  }

  protected override updated(): void {
    // The inner <cw-chat> takes each shared attribute from this element (before its own update, which follows).
    const chat = this.#chat as unknown as Record<string, unknown>;
    for (const key in chatProperties) chat[key] = key === 'locale' ? localeOf(this) : this[key as keyof this];
    this.#runClock(this.isOpen);
    if (this.isOpen && this.#session && !this.#inboxRequested) {
      this.#inboxRequested = true;
      void this.#session.loadInbox();
    }
  }

  #handleOpenChange(event: CustomEvent<{ open: boolean }>): void {
    if (event.target !== this.#chat) return;
    const focusWasInPanel = this.renderRoot.querySelector(`#${PANEL_ID}:focus-within`) !== null;
    this.isOpen = event.detail.open;
    if (this.isOpen) void this.#focusPanel();
    else if (focusWasInPanel) void this.#focusLauncher();
  }

  #endView(): EndView {
    return {
      state: this.#session?.store.state, strings: this.#strings, confirming: this.confirmingEnd, busy: this.endBusy,
      onAsk: () => (this.confirmingEnd = true),
      onCancel: () => (this.confirmingEnd = false),
      onConfirm: () => void this.#runEndAction(async (session) => {
        await session.resolve();
        this.confirmingEnd = false;
      }),
      onStartNew: () => void this.#runEndAction(async (session) => {
        await session.startNewConversation();
        void this.#focusPanel();
      }),
    };
  }

  /** Runs an end-of-conversation action; a failure reaches the page as a cw-error. */
  async #runEndAction(action: (session: ChatSession) => Promise<void>): Promise<void> {
    const session = this.#session;
    if (!session || this.endBusy) return;
    this.endBusy = true;
    try {
      await action(session);
    } catch (error) {
      const { describeError } = await import('../shared/session-code.js');
      emit(this, 'cw-error', describeError(error, this.baseUrl));
    } finally {
      this.endBusy = false;
    }
  }

  readonly #handleStrings = (strings: Strings): void => {
    if (strings === this.#strings) return;
    this.#strings = strings;
    this.requestUpdate();
  };

  readonly #handleSession = (session: ChatSession | undefined): void => {
    if (session === this.#session) return;
    this.#unsubscribeStore?.();
    this.#session = session;
    this.#inboxRequested = false;
    this.#unsubscribeStore = session?.store.subscribe(() => this.requestUpdate());
    this.requestUpdate();
  };

  /**
   * The panel and its parts load the first time the chat opens. The parts import `english.ts`, so the English
   * strings the panel shows are complete before it renders.
   */
  #loadParts(): Promise<void> {
    this.#parts ??= import('./panel.js').then((panel) => {
      adoptStyles(this.renderRoot as ShadowRoot, [...CwWidget.elementStyles, panel.panelStyles]);
      this.#renderPanel = panel.renderPanel;
      this.requestUpdate();
      // The launcher links its button to the panel by reference: tell it once the panel exists.
      void this.updateComplete.then(() => this.#launcher?.requestUpdate());
    }, (error: unknown) => {
      this.#parts = undefined;
      emit(this, 'cw-error', { code: 'load', message: errorMessage(error) });
    });
    return this.#parts;
  }

  /** Focus goes to the pre-chat form while it must be filled in first, otherwise to the composer. */
  async #focusPanel(): Promise<void> {
    await this.#loadParts();
    await this.updateComplete;
    const form = this.renderRoot.querySelector('cw-contact-form');
    await form?.updateComplete;
    if (!this.isOpen) return;
    // the session's code may still be loading when the panel's has: a required form holds sending until filled
    const session = this.#session;
    const blocked = session ? session.store.state.sendBlockedBy === 'contact-form' : form?.required;
    const target = blocked && form ? form : this.renderRoot.querySelector('cw-composer');
    await target?.updateComplete;
    if (this.isOpen) target?.focus();
  }

  async #focusLauncher(): Promise<void> {
    await this.updateComplete;
    await this.#launcher?.updateComplete;
    if (!this.isOpen) this.#launcher?.focus();
  }

  /** The inner `<cw-chat>`, rendered by the widget's first update (which waits until it is connected). */
  async #ready(): Promise<CwChat> {
    await this.updateComplete;
    const chat = this.#chat!;
    await chat.updateComplete;
    return chat;
  }

  /** While the panel is open, a re-render each minute keeps "Away · Back at …" true across an opening time. */
  #runClock(run: boolean): void {
    if (run) {
      this.#clock ??= setInterval(() => this.requestUpdate(), CLOCK_MS);
    } else {
      clearInterval(this.#clock);
      this.#clock = undefined;
    }
  }
}

if (!customElements.get('cw-widget')) customElements.define('cw-widget', CwWidget);
declare global {
  interface HTMLElementTagNameMap {
    'cw-widget': CwWidget;
  }
}
