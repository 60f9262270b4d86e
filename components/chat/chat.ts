import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import type { ChatSession } from '../../services/chat-session.js';
import type { CableStatus } from '../../services/cable-connection.js';
import type { ChatError, ChatMessage } from '../../services/conversation-store.js';
import { MemoryStorage, SessionStorage, type KeyValueStorage } from '../../services/session-storage.js';
import type { ContactAttributes, Conversation, PublicContact } from '../../services/types.js';
import { chatContext, sessionContext, stringsContext, type ChatHost } from '../shared/context.js';
import { emit, errorMessage } from '../shared/events.js';
import type { NotificationSound } from '../shared/notification-sound.js';
import { TitleBadge } from '../shared/title-badge.js';
import { en, loadStrings } from '../shared/strings.js';
import { tokens } from '../shared/tokens.styles.js';
import { kebabAttributes } from '../shared/attributes.js';
import { chatProperties, localeOf } from './chat-properties.js';
import styles from './chat.styles.js';

/** The session code loads when a chat needs it: a visitor who never opens the chat never downloads it. */
const loadSessionModule = () => import('../shared/session-code.js');

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

  // the manifest takes the attributes from the fields' JSDoc (`@attr`); kebabAttributes names them the same way
  static override properties = kebabAttributes({ ...chatProperties, panelId: {} });

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
   * Whether the chat is open. Reflected to the `open` attribute.
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
   * When a new visitor's Chatwoot contact is created: `on-open` (default, when the chat is first opened) or
   * `on-send` (with the first message, so visitors who only look create nothing). Before that, no request.
   * @attr contact
   */
  contactMode: 'on-open' | 'on-send' = 'on-open';
  /**
   * Shows the unread count in front of the page's title, e.g. "(2) Shop".
   * @attr unread-in-title
   */
  unreadInTitle = false;
  /**
   * Plays a short chime when an agent replies while the page is hidden (after the visitor's first interaction).
   * @attr notify-sound
   */
  notifySound = false;
  /**
   * The id of the panel a launcher controls (set by `cw-widget`).
   * @attr panel-id
   */
  panelId = '';

  #session?: ChatSession;
  #starting?: Promise<ChatSession | undefined>;
  /** Bumped when the session is disposed: a session whose code arrives after that is not created. */
  #generation = 0;
  #unsubscribe: (() => void)[] = [];
  readonly #sessionProvider = new ContextProvider(this, { context: sessionContext });
  readonly #stringsProvider = new ContextProvider(this, { context: stringsContext, initialValue: en });
  readonly #hostProvider = new ContextProvider(this, { context: chatContext, initialValue: this });
  #configError = '';
  readonly #titleBadge = new TitleBadge();
  #sound?: NotificationSound;

  /**
   * The session, for pages that drive it directly. Its code loads when the chat first opens (at once for a
   * returning visitor): until then it is undefined; `send()` and `setUser()` wait for it.
   */
  get session(): ChatSession | undefined {
    return this.#session;
  }

  /**
   * The visitor's Chatwoot contact, once the session has started. Setting it sets `contactMode`: React 19,
   * Vue and Svelte pass the `contact` attribute (`on-open` or `on-send`) as this property.
   */
  get contact(): PublicContact | undefined {
    return this.#session?.store.state.contact;
  }

  set contact(mode: 'on-open' | 'on-send') {
    this.contactMode = mode;
  }

  /** The active conversation, once there is one. */
  get conversation(): Conversation | undefined {
    return this.#session?.store.state.conversation;
  }

  /** The active conversation's messages in order; a message still being sent has no `id` yet. */
  get messages(): readonly ChatMessage[] {
    return this.#session?.store.state.messages ?? [];
  }

  /** The live connection: `connecting`, `open` or `closed`. */
  get connection(): CableStatus {
    return this.#session?.store.state.connection ?? 'closed';
  }

  /** The number of agent messages the visitor has not seen yet. */
  get unreadCount(): number {
    return this.#session?.store.state.unreadCount ?? 0;
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

  readonly #open = (): void => this.#setOpen(true);

  /** Closes the chat; fires `cw-open-change`. */
  close(): void {
    this.#setOpen(false);
  }

  /** Opens the chat if it is closed, closes it otherwise; fires `cw-open-change`. */
  toggle(): void {
    this.#setOpen(!this.isOpen);
  }

  /** Sends a message as the visitor (the same path as the composer). */
  async send(text: string): Promise<void> {
    await (await this.#requireSession()).send(text);
  }

  /** Identifies the visitor as the site's user; `attributes.identifier_hash` verifies it (HMAC). */
  async setUser(identifier: string, attributes: ContactAttributes & { identifier_hash?: string } = {}): Promise<void> {
    const { identifier_hash: identifierHash, ...contact } = attributes;
    this.identifier = identifier;
    this.identifierHash = identifierHash ?? '';
    await (await this.#requireSession()).setUser({ identifier, identifier_hash: identifierHash }, contact);
  }

  /** Sets custom attributes on the visitor's Chatwoot contact. */
  async setCustomAttributes(customAttributes: Record<string, unknown>): Promise<void> {
    await (await this.#requireSession()).setCustomAttributes(customAttributes);
  }

  /** Forgets the visitor on this device (contact, conversation, unsent messages), as on logout. */
  reset(): void {
    if (this.#session) this.#session.reset();
    else void this.#starting?.then((session) => session?.reset());
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
    if (changed.has('notifySound') && this.notifySound) void this.#loadSound();
    if (changed.has('unreadInTitle')) this.#showUnreadInTitle(this.unreadCount);
    // the first update has every property in `changed` (each starts from undefined)
    if (changed.has('locale')) void this.#loadStrings();
    const identity = ['baseUrl', 'inbox', 'storage', 'contactMode'] as const;
    if (identity.some((key) => changed.has(key))) this.#createSession();
    else if (changed.has('identifier') && this.#session && this.identifier) {
      void this.#session.setUser({ identifier: this.identifier, identifier_hash: this.identifierHash || undefined });
    }
    if (changed.has('isOpen')) this.#session?.setOpen(this.isOpen);
    if (changed.has('isOpen') && this.isOpen) void this.#startSession();
  }

  override render() {
    const strings = this.#stringsProvider.value;
    const state = this.#session?.store.state;
    const problem = this.#configError || (state?.phase === 'error' ? state.error?.message : '');
    // A configuration error stays until the attributes change; a failed start can be tried again.
    return html`
      ${problem ? html`
        <div part="error" role="alert">
          <strong>${strings.errorTitle}</strong>
          ${problem}
          ${this.#configError ? nothing : html`<button part="retry-button" @click=${this.#handleRetry}>${strings.retry}</button>`}
        </div>` : nothing}
      <slot></slot>`;
  }

  /** The locale's strings replace English once their module has loaded, unless the locale changed meanwhile. */
  async #loadStrings(): Promise<void> {
    const asked = localeOf(this);
    const strings = await loadStrings(asked);
    if (asked !== localeOf(this)) return;
    this.#stringsProvider.setValue(strings);
    this.requestUpdate(); // the error box
  }

  #handleRetry(): void {
    void this.#startSession().then((session) => session?.start());
  }

  #setOpen(open: boolean): void {
    if (open === this.isOpen) return;
    this.isOpen = open;
    this.#session?.setOpen(open);
    emit(this, 'cw-open-change', { open });
  }

  async #requireSession(): Promise<ChatSession> {
    const session = await this.#startSession();
    if (!session) throw new Error(this.#configError || 'The chat has no session yet');
    return session;
  }

  #createSession(): void {
    this.#disposeSession();
    const missing = [!this.baseUrl && 'base-url', !this.inbox && 'inbox'].filter(Boolean).join(' and ');
    this.#configError = '';
    if (missing) return this.#failConfig(this.#stringsProvider.value.configMissing(missing));
    // A returning visitor's session starts at once (unread count); a new visitor's when the chat opens.
    if (this.isOpen || new SessionStorage(this.#storage(), this.baseUrl, this.inbox).readCredentials()) {
      void this.#startSession();
    }
  }

  /** Creates the session once its code has loaded; callers share one. Undefined when it cannot be created. */
  #startSession(): Promise<ChatSession | undefined> {
    if (this.#configError) return Promise.resolve(undefined);
    const generation = this.#generation;
    this.#starting ??= loadSessionModule().then(({ ChatSession, PageLifecycle }) => {
      if (generation !== this.#generation) return undefined;
      try {
        return this.#attachSession(new ChatSession({
          baseUrl: this.baseUrl, inbox: this.inbox, storage: this.#storage(), lifecycle: new PageLifecycle(),
          createContact: this.contactMode === 'on-send' ? 'on-send' : 'on-open',
          identity: this.identifier ? { identifier: this.identifier, identifier_hash: this.identifierHash || undefined } : undefined,
          attributes: this.#attributes(),
        }));
      } catch (error) {
        return this.#failConfig(errorMessage(error));
      }
    }, (error: unknown) => {
      if (generation !== this.#generation) return undefined;
      this.#starting = undefined; // the code could not be downloaded: the next opening tries again
      emit(this, 'cw-error', { code: 'load', message: errorMessage(error) });
      return undefined;
    });
    return this.#starting;
  }

  /** A configuration the session cannot start with: shown in the error box, reported as a `cw-error`. */
  #failConfig(message: string): undefined {
    this.#configError = message;
    this.requestUpdate();
    emit(this, 'cw-error', { code: 'config', message });
    return undefined;
  }


  #attachSession(session: ChatSession): ChatSession {
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
    return session;
  }

  #showUnreadInTitle(count: number): void {
    if (this.unreadInTitle && count > 0) this.#titleBadge.show(this.#stringsProvider.value.titleUnread(count));
    else this.#titleBadge.clear();
  }

  /** A human agent's reply while the page is hidden: the opt-in chime. */
  #notify(message: ChatMessage): void {
    if (!this.notifySound || document.visibilityState !== 'hidden') return;
    if (message.message_type !== 1 || message.sender?.type !== 'user') return;
    if (this.#sound) this.#sound.play();
    else void this.#loadSound();
  }

  /** The chime's code loads only for a page that asks for it. */
  async #loadSound(): Promise<void> {
    const { NotificationSound } = await import('../shared/notification-sound.js');
    if (this.notifySound && this.isConnected) this.#sound ??= new NotificationSound();
  }

  #disposeSession(): void {
    this.#titleBadge.clear();
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.#session?.dispose();
    this.#session = undefined;
    this.#starting = undefined;
    this.#generation++;
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

  /** The visitor's details the page gave, the empty ones left out. */
  #attributes(): ContactAttributes {
    return Object.fromEntries(Object.entries({ name: this.name, email: this.email, phone_number: this.phone })
      .filter(([, value]) => value));
  }
}

if (!customElements.get('cw-chat')) customElements.define('cw-chat', CwChat);
declare global {
  interface HTMLElementTagNameMap {
    'cw-chat': CwChat;
  }
}
