import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { ChatSession } from '../../services/chat-session.js';
import type { CableStatus } from '../../services/cable-connection.js';
import type { ChatError, ChatMessage } from '../../services/conversation-store.js';
import { MemoryStorage, type KeyValueStorage } from '../../services/session-storage.js';
import type { ContactAttributes, Conversation, PublicContact } from '../../services/types.js';
import { chatContext, sessionContext, stringsContext, type ChatHost } from '../shared/context.js';
import { emit } from '../shared/events.js';
import { NotificationSound } from '../shared/notification-sound.js';
import { PageLifecycle } from '../shared/page-lifecycle.js';
import { TitleBadge } from '../shared/title-badge.js';
import { stringsFor, type Strings } from '../shared/strings.js';
import { tokens } from '../shared/tokens.styles.js';
import styles from './chat.styles.js';

/**
 * The root of a chat: creates one session for a Chatwoot inbox and shares it with every `cw-*` element
 * inside it. Lays out nothing itself: put the parts in it in any layout.
 *
 * @slot - The chat's parts (`cw-launcher`, `cw-message-list`, `cw-composer`, `cw-contact-form`, …) in any layout.
 * @csspart error - The box that explains a configuration or connection error.
 * @csspart retry-button - The button in that box that tries again.
 * @event {CustomEvent<{ contact: PublicContact; conversation?: Conversation }>} cw-ready - The session started.
 * @event {CustomEvent<{ open: boolean }>} cw-open-change - The chat was opened or closed.
 * @event {CustomEvent<{ message: ChatMessage }>} cw-message - A new message arrived in the active conversation.
 * @event {CustomEvent<{ count: number }>} cw-unread-change - The number of unread agent messages changed.
 * @event {CustomEvent<{ status: 'connecting' | 'open' | 'closed' }>} cw-connection-change - The live connection changed.
 * @event {CustomEvent<{ code: string; message: string }>} cw-error - Something failed; `message` is readable.
 */
export class CwChat extends LitElement implements ChatHost {
  static override styles = [tokens, styles];

  /** Chatwoot's address, e.g. `https://chat.example.com`. */
  @property({ attribute: 'base-url' }) baseUrl = '';
  /** The identifier of the API-channel inbox. */
  @property() inbox = '';
  /** The site's id for a signed-in visitor. */
  @property() identifier = '';
  /** HMAC-SHA256 of `identifier` with the inbox's HMAC token, computed by the site's backend. */
  @property({ attribute: 'identifier-hash' }) identifierHash = '';
  /** The visitor's name, e-mail and phone, used when the contact is created. */
  @property() name = '';
  @property() email = '';
  @property() phone = '';
  /** Language of the texts (BCP 47); defaults to the page's `lang`, then English. */
  @property() locale = '';
  /** Where the visitor's credentials are kept: `local` (default), `session` or `none`. */
  @property() storage: 'local' | 'session' | 'none' = 'local';
  /** Whether the chat is open. Reflected to the `open` attribute. */
  @property({ type: Boolean, reflect: true, attribute: 'open' }) isOpen = false;
  /** `light` or `dark` fixes the colour scheme; by default it follows the visitor's preference. */
  @property({ reflect: true }) theme: '' | 'light' | 'dark' = '';
  /**
   * When a new visitor's Chatwoot contact is created: `on-open` (default, when the chat is first opened) or
   * `on-send` (with the first message, so visitors who only look create nothing). Before that, no request.
   */
  @property({ attribute: 'contact' }) contactMode: 'on-open' | 'on-send' = 'on-open';
  /** Shows the unread count in front of the page's title, e.g. "(2) Shop". */
  @property({ type: Boolean, attribute: 'unread-in-title' }) unreadInTitle = false;
  /** Plays a short chime when an agent replies while the page is hidden (after the visitor's first interaction). */
  @property({ type: Boolean, attribute: 'notify-sound' }) notifySound = false;
  /** The id of the panel a launcher controls (set by `cw-widget`). */
  @property({ attribute: 'panel-id' }) panelId = '';

  #session?: ChatSession;
  #unsubscribe: (() => void)[] = [];
  readonly #sessionProvider = new ContextProvider(this, { context: sessionContext });
  readonly #stringsProvider = new ContextProvider(this, { context: stringsContext, initialValue: stringsFor(undefined) });
  readonly #hostProvider = new ContextProvider(this, { context: chatContext, initialValue: this });
  #configError = '';
  readonly #titleBadge = new TitleBadge();
  #sound?: NotificationSound;

  /** The session, for pages that drive it directly. */
  get session(): ChatSession | undefined {
    return this.#session;
  }

  get contact(): PublicContact | undefined {
    return this.#session?.store.state.contact;
  }

  get conversation(): Conversation | undefined {
    return this.#session?.store.state.conversation;
  }

  /** The active conversation's messages in order; a message still being sent has no `id` yet. */
  get messages(): readonly ChatMessage[] {
    return this.#session?.store.state.messages ?? [];
  }

  get connection(): CableStatus {
    return this.#session?.store.state.connection ?? 'closed';
  }

  get unreadCount(): number {
    return this.#session?.store.state.unreadCount ?? 0;
  }

  open(): void {
    this.#setOpen(true);
  }

  close(): void {
    this.#setOpen(false);
  }

  toggle(): void {
    this.#setOpen(!this.isOpen);
  }

  /** Sends a message as the visitor (the same path as the composer). */
  async send(text: string): Promise<void> {
    await this.#requireSession().send(text);
  }

  /** Identifies the visitor as the site's user; `attributes.identifier_hash` verifies it (HMAC). */
  async setUser(identifier: string, attributes: ContactAttributes & { identifier_hash?: string } = {}): Promise<void> {
    const { identifier_hash: identifierHash, ...contact } = attributes;
    this.identifier = identifier;
    this.identifierHash = identifierHash ?? '';
    await this.#requireSession().setUser({ identifier, identifier_hash: identifierHash }, contact);
  }

  async setCustomAttributes(customAttributes: Record<string, unknown>): Promise<void> {
    await this.#requireSession().setCustomAttributes(customAttributes);
  }

  /** Forgets the visitor on this device (contact, conversation, unsent messages), as on logout. */
  reset(): void {
    this.#session?.reset();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#createSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#disposeSession();
    this.#sound?.dispose();
    this.#sound = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('notifySound') && this.notifySound) this.#sound ??= new NotificationSound();
    if (changed.has('unreadInTitle')) this.#showUnreadInTitle(this.unreadCount);
    if (changed.has('locale') || !this.hasUpdated) {
      this.#stringsProvider.setValue(stringsFor(this.locale || this.closest('[lang]')?.getAttribute('lang') || undefined));
    }
    const identity = ['baseUrl', 'inbox', 'storage', 'contactMode'] as const;
    if (!this.hasUpdated || identity.some((key) => changed.has(key))) this.#createSession();
    else if (changed.has('identifier') && this.#session && this.identifier) {
      void this.#session.setUser({ identifier: this.identifier, identifier_hash: this.identifierHash || undefined });
    }
    if (changed.has('isOpen')) this.#session?.setOpen(this.isOpen);
  }

  override render() {
    const strings = this.#stringsProvider.value;
    const state = this.#session?.store.state;
    const problem = this.#configError || (state?.phase === 'error' ? state.error?.message : '');
    return html`
      ${problem ? this.#renderError(problem, strings, !this.#configError) : nothing}
      <slot></slot>`;
  }

  #renderError(message: string, strings: Strings, canRetry: boolean) {
    return html`
      <div part="error" class="error" role="alert">
        <strong>${strings.errorTitle}</strong>
        <span>${message}</span>
        ${canRetry ? html`<button part="retry-button" type="button" @click=${this.#handleRetry}>${strings.retry}</button>` : nothing}
      </div>`;
  }

  #handleRetry(): void {
    void this.#session?.start();
  }

  #setOpen(open: boolean): void {
    if (open === this.isOpen) return;
    this.isOpen = open;
    this.#session?.setOpen(open);
    emit(this, 'cw-open-change', { open });
  }

  #requireSession(): ChatSession {
    if (!this.#session) throw new Error(this.#configError || 'The chat has no session yet');
    return this.#session;
  }

  #createSession(): void {
    this.#disposeSession();
    const missing = [!this.baseUrl && 'base-url', !this.inbox && 'inbox'].filter(Boolean).join(' and ');
    this.#configError = missing ? this.#stringsProvider.value.configMissing(missing) : '';
    if (missing) {
      emit(this, 'cw-error', { code: 'config', message: this.#configError });
      return;
    }
    let session: ChatSession;
    try {
      session = new ChatSession({
        baseUrl: this.baseUrl, inbox: this.inbox, storage: this.#storage(), lifecycle: new PageLifecycle(),
        createContact: this.contactMode === 'on-send' ? 'on-send' : 'on-open',
        identity: this.identifier ? { identifier: this.identifier, identifier_hash: this.identifierHash || undefined } : undefined,
        attributes: this.#attributes(),
      });
    } catch (error) {
      this.#configError = error instanceof Error ? error.message : String(error);
      emit(this, 'cw-error', { code: 'config', message: this.#configError });
      return;
    }
    this.#session = session;
    this.#unsubscribe = [
      session.store.subscribe(() => this.requestUpdate()),
      session.on('ready', (detail) => emit(this, 'cw-ready', detail)),
      session.on('message', (detail) => {
        this.#notify(detail.message);
        emit(this, 'cw-message', detail);
      }),
      session.on('unread', (detail) => {
        this.#showUnreadInTitle(detail.count);
        emit(this, 'cw-unread-change', detail);
      }),
      session.on('connection', (detail) => emit(this, 'cw-connection-change', detail)),
      session.on('error', (detail: ChatError) => emit(this, 'cw-error', detail)),
    ];
    this.#sessionProvider.setValue(session);
    this.#hostProvider.setValue(this, true);
    if (this.isOpen) session.setOpen(true);
    else void session.resume();
  }

  #showUnreadInTitle(count: number): void {
    if (this.unreadInTitle && count > 0) this.#titleBadge.show(this.#stringsProvider.value.titleUnread(count));
    else this.#titleBadge.clear();
  }

  /** A human agent's reply while the page is hidden: the opt-in chime. */
  #notify(message: ChatMessage): void {
    if (!this.notifySound || document.visibilityState !== 'hidden') return;
    if (message.message_type !== 1 || message.sender?.type !== 'user') return;
    this.#sound ??= new NotificationSound();
    this.#sound.play();
  }

  #disposeSession(): void {
    this.#titleBadge.clear();
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.#session?.dispose();
    this.#session = undefined;
  }

  #storage(): KeyValueStorage {
    try {
      if (this.storage === 'session') return sessionStorage;
      if (this.storage !== 'none') return localStorage;
    } catch {
      // storage blocked (privacy settings, sandboxed frame): keep the session for this page only
    }
    return new MemoryStorage();
  }

  #attributes(): ContactAttributes {
    const attributes: ContactAttributes = {};
    if (this.name) attributes.name = this.name;
    if (this.email) attributes.email = this.email;
    if (this.phone) attributes.phone_number = this.phone;
    return attributes;
  }
}

if (!customElements.get('cw-chat')) customElements.define('cw-chat', CwChat);
declare global {
  interface HTMLElementTagNameMap {
    'cw-chat': CwChat;
  }
}
