// The demo's agent console: acts as the stand-in's agent through Chatwoot's agent API and its cable.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CableStatus } from '../services/cable-connection.js';
import { tokens } from '../components/shared/tokens.styles.js';
import type { ConversationSummary, StandInInfo } from './agent/agent-api.js';
import { AgentDesk } from './agent/agent-desk.js';
import { nameOf, renderSummary } from './agent/conversation-list.js';
import { renderMessage } from './agent/message-view.js';
import { interactiveSamples } from './agent/samples.js';
import styles from './agent/agent-console.styles.js';

const CONNECTION_TEXT: Record<CableStatus, string> = { open: 'Live', connecting: 'Connecting…', closed: 'Offline' };

/**
 * A small agent console for the demo: the account's conversations, one conversation's messages, replies,
 * private notes, typing, resolve and reopen, and one button per interactive message type. Live through the
 * agent's RoomChannel subscription. Reads `/__standin/info` unless `info` is set.
 */
export class CwDemoAgentConsole extends LitElement {
  static override styles = [tokens, styles];

  /** The stand-in's details; fetched from `/__standin/info` when not given. */
  @property({ attribute: false }) info?: StandInInfo;

  @state() private draft = '';
  /** Files to go with the next reply (multipart `attachments[]`). */
  @state() private files: readonly File[] = [];
  @state() private isPrivate = false;
  @state() private busy = false;
  @query('.log') private log?: HTMLElement;
  @query('#conversation-title') private conversationTitle?: HTMLElement;
  private readonly desk = new AgentDesk(this);
  #shownMessages = this.desk.state.messages;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.info && this.hasUpdated) void this.desk.start(this.info);
    else if (!this.info) void this.#loadInfo();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('info') && this.info) void this.desk.start(this.info);
  }

  protected override updated(): void {
    if (this.#shownMessages !== this.desk.state.messages && this.log) this.log.scrollTop = this.log.scrollHeight;
    this.#shownMessages = this.desk.state.messages;
  }

  override render() {
    const { conversations, connection, profile, error } = this.desk.state;
    const open = this.desk.open;
    return html`
      <div class="console ${open ? 'has-selection' : ''}">
        <section class="list" aria-labelledby="list-title">
          <header class="list-header">
            <h2 id="list-title">Conversations</h2>
            <p class="connection ${connection}" role="status">${CONNECTION_TEXT[connection]}</p>
          </header>
          ${profile ? html`<p class="agent">Signed in as ${profile.name}</p>` : nothing}
          ${conversations.length
            ? html`<ul>${conversations.map((summary) => renderSummary(summary, summary.id === open?.id, this.#handleSelect))}</ul>`
            : html`<p class="empty">No conversations yet. Open the product page in another tab and write as a visitor.</p>`}
        </section>
        <section class="pane" aria-labelledby=${open ? 'conversation-title' : nothing}>
          ${open ? this.#renderConversation(open) : html`<p class="empty">Select a conversation to read and reply.</p>`}
        </section>
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}`;
  }

  #renderConversation(open: ConversationSummary) {
    const { messages, loadingMessages, typingIn } = this.desk.state;
    const name = nameOf(open);
    return html`
      <header class="pane-header">
        <button type="button" class="back" @click=${this.#handleBack}>Back<span class="visually-hidden"> to conversations</span></button>
        <h2 id="conversation-title" tabindex="-1">${name}</h2>
        <span class="status ${open.status}">${open.status}</span>
        <button type="button" class="status-button" ?disabled=${this.busy}
          @click=${this.#handleToggleStatus}>${open.status === 'resolved' ? 'Reopen' : 'Resolve'}</button>
      </header>
      <div class="log" role="log" tabindex="0" aria-label="Messages with ${name}" aria-busy=${loadingMessages ? 'true' : 'false'}>
        <ol>${messages.map((message) => renderMessage(message, name))}</ol>
      </div>
      <p class="typing" role="status">${typingIn.has(open.id) ? 'Visitor is typing…' : ''}</p>
      <form class="reply ${this.isPrivate ? 'private' : ''}" @submit=${this.#handleSubmit}>
        <label for="reply">${this.isPrivate ? 'Private note (only agents see it)' : `Reply to ${name}`}</label>
        <textarea id="reply" rows="2" .value=${this.draft} placeholder="Enter sends, Shift+Enter breaks the line"
          @input=${this.#handleInput} @keydown=${this.#handleKeydown}></textarea>
        ${this.files.length ? html`<ul class="reply-files" aria-label="Files to send">${this.files.map((file, index) => html`
          <li>${file.name} <button type="button" value=${index} aria-label="Remove ${file.name}" @click=${this.#handleRemoveFile}>×</button></li>`)}
        </ul>` : nothing}
        <div class="reply-actions">
          <label class="check"><input type="checkbox" .checked=${this.isPrivate} @change=${this.#handlePrivateChange}> Private note</label>
          <label class="attach">Attach files <input type="file" multiple @change=${this.#handleFiles}></label>
          <button type="submit" class="primary" ?disabled=${!this.draft.trim() && !this.files.length}>${this.isPrivate ? 'Add note' : 'Send'}</button>
        </div>
      </form>
      <section class="samples" aria-labelledby="samples-title">
        <h3 id="samples-title">Send an interactive message</h3>
        <div class="sample-buttons">
          ${this.#samples().map((sample) => html`
            <button type="button" value=${sample.contentType} @click=${this.#handleSample}>${sample.label}</button>`)}
        </div>
      </section>`;
  }

  #samples() {
    return this.info ? interactiveSamples(this.info.url) : [];
  }

  async #loadInfo(): Promise<void> {
    try {
      const response = await fetch('/__standin/info');
      if (!response.ok) throw new Error(`GET /__standin/info answered ${response.status}`);
      const info = (await response.json()) as StandInInfo;
      this.info ??= info;
    } catch (error) {
      this.desk.report(error);
    }
  }

  async #sendDraft(): Promise<void> {
    const content = this.draft.trim();
    const files = this.files;
    if (!content && !files.length) return;
    this.draft = '';
    this.files = [];
    const sent = await this.desk.post({ content, message_type: 'outgoing', private: this.isPrivate }, files);
    if (sent) return;
    if (!this.draft) this.draft = content;
    if (!this.files.length) this.files = files;
  }

  #handleFiles(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.files = [...this.files, ...(input.files ?? [])];
    input.value = '';
  }

  #handleRemoveFile(event: Event): void {
    const index = Number((event.currentTarget as HTMLButtonElement).value);
    this.files = this.files.filter((_, position) => position !== index);
  }

  #handleSelect(event: Event): void {
    const button = event.currentTarget as HTMLButtonElement;
    this.draft = '';
    this.files = [];
    void this.desk.openConversation(Number(button.value));
    // narrow layout: the list is hidden now, so focus moves to the conversation it opened
    void this.updateComplete.then(() => {
      if (!button.offsetParent) this.conversationTitle?.focus();
    });
  }

  #handleBack(): void {
    const id = this.desk.state.openId;
    this.desk.closeConversation();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`.summary[value="${id}"]`)?.focus());
  }

  async #handleToggleStatus(): Promise<void> {
    this.busy = true;
    await this.desk.toggleStatus();
    this.busy = false;
  }

  #handleInput(event: Event): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
    if (this.draft.trim()) this.desk.noteTyping(this.isPrivate);
    else this.desk.stopTyping();
  }

  #handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    void this.#sendDraft();
  }

  #handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.#sendDraft();
  }

  #handlePrivateChange(event: Event): void {
    this.isPrivate = (event.target as HTMLInputElement).checked;
    this.desk.stopTyping();
  }

  #handleSample(event: Event): void {
    const sample = this.#samples().find((candidate) => candidate.contentType === (event.currentTarget as HTMLButtonElement).value);
    if (sample) void this.desk.post(sample.message);
  }
}

if (!customElements.get('cw-demo-agent-console')) customElements.define('cw-demo-agent-console', CwDemoAgentConsole);
declare global {
  interface HTMLElementTagNameMap {
    'cw-demo-agent-console': CwDemoAgentConsole;
  }
}
