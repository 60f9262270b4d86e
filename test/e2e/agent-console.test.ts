import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChatSession } from '../../services/chat-session.js';
import { MemoryStorage } from '../../services/session-storage.js';
import type { CwDemoAgentConsole } from '../../demo/agent-console.js';
import type { StandInInfo } from '../../demo/agent/agent-api.js';
import '../../demo/agent-console.js';
import { freshInbox, standIn, waitFor } from '../helpers/stand-in.js';

const sessions: ChatSession[] = [];
const FIRST = 'Hello, does the Aurora come in black?';

async function mountConsole(info?: StandInInfo): Promise<CwDemoAgentConsole> {
  const details = info ?? (await standIn());
  return fixture<CwDemoAgentConsole>(html`<cw-demo-agent-console .info=${details}></cw-demo-agent-console>`);
}

/** A visitor on a fresh inbox who has written once; resolves once that message is on the server. */
async function startVisitor() {
  const { url } = await standIn();
  const { inboxIdentifier } = await freshInbox();
  const session = new ChatSession({ baseUrl: url, inbox: inboxIdentifier, storage: new MemoryStorage(), attributes: { name: 'Ada Visitor' } });
  sessions.push(session);
  await session.start();
  await session.send(FIRST);
  const conversation = await waitFor(
    () => (session.store.state.messages[0]?.id ? session.store.state.conversation : undefined), 'the first message to be sent');
  await waitFor(() => session.store.state.connection === 'open', "the visitor's live connection");
  return { session, conversationId: conversation.id };
}

const part = <T extends Element>(agentConsole: CwDemoAgentConsole, selector: string) =>
  agentConsole.shadowRoot!.querySelector<T>(selector);
const summaryOf = (agentConsole: CwDemoAgentConsole, id: number) => part<HTMLButtonElement>(agentConsole, `.summary[value="${id}"]`);
const logText = (agentConsole: CwDemoAgentConsole) => part(agentConsole, '.log')?.textContent ?? '';
const isLive = (agentConsole: CwDemoAgentConsole) => waitFor(() => part(agentConsole, '.connection.open'), 'the console to be live');
const contents = (session: ChatSession) => session.store.state.messages.map((message) => message.content);

/** A live console with the visitor's conversation selected and its first message shown. */
async function openConversation() {
  const agentConsole = await mountConsole();
  await isLive(agentConsole);
  const visitor = await startVisitor();
  const summary = await waitFor(() => summaryOf(agentConsole, visitor.conversationId), 'the conversation in the list');
  summary.click();
  await waitFor(() => logText(agentConsole).includes(FIRST), 'the first message in the log');
  return { agentConsole, ...visitor };
}

async function typeReply(agentConsole: CwDemoAgentConsole, text: string) {
  part<HTMLTextAreaElement>(agentConsole, '#reply')!.focus();
  await sendKeys({ type: text });
}

describe('<cw-demo-agent-console>', () => {
  afterEach(() => {
    for (const session of sessions.splice(0)) session.dispose();
  });

  it('lists a new visitor conversation with the contact name and last message', async () => {
    const agentConsole = await mountConsole();
    await isLive(agentConsole);
    const { conversationId } = await startVisitor();
    const summary = await waitFor(() => summaryOf(agentConsole, conversationId), 'the conversation in the list');
    await waitFor(() => summary.textContent?.includes(FIRST), 'the last message in the list');
    expect(summary.querySelector('.name')!.textContent).to.equal('Ada Visitor');
    expect(summary.querySelector('.status')!.textContent).to.equal('open');
  });

  it('opens a conversation from the keyboard and shows its messages', async () => {
    const agentConsole = await mountConsole();
    const { conversationId } = await startVisitor();
    const summary = await waitFor(() => summaryOf(agentConsole, conversationId), 'the conversation in the list');
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => logText(agentConsole).includes(FIRST), 'the first message in the log');
    expect(summary.getAttribute('aria-current')).to.equal('true');
    expect(part(agentConsole, '.message.incoming')!.textContent).to.include('Ada Visitor');
  });

  it('sends a reply typed in the console to the visitor over the cable', async () => {
    const { agentConsole, session } = await openConversation();
    await typeReply(agentConsole, 'Yes, in matte black too.');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => contents(session).includes('Yes, in matte black too.'), 'the reply at the visitor');
    expect(part<HTMLTextAreaElement>(agentConsole, '#reply')!.value).to.equal('');
    await waitFor(() => part(agentConsole, '.message.outgoing'), 'the reply in the log');
  });

  it("shows the visitor's next message live", async () => {
    const { agentConsole, session } = await openConversation();
    await session.send('And how long is the cable?');
    await waitFor(() => logText(agentConsole).includes('And how long is the cable?'), 'the second message in the log');
    expect(agentConsole.shadowRoot!.querySelectorAll('.message.incoming')).to.have.length(2);
  });

  it('shows that the visitor is typing', async () => {
    const { agentConsole, session } = await openConversation();
    session.noteTyping();
    await waitFor(() => part(agentConsole, '.typing')!.textContent === 'Visitor is typing…', 'the typing notice');
    session.stopTyping();
    await waitFor(() => part(agentConsole, '.typing')!.textContent === '', 'the typing notice to go');
  });

  it('turns typing on for the visitor while the agent types and off on send', async () => {
    const { agentConsole, session } = await openConversation();
    await typeReply(agentConsole, 'Let me check');
    await waitFor(() => session.store.state.typing, 'the agent typing at the visitor');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !session.store.state.typing && contents(session).includes('Let me check'), 'typing off and the reply');
  });

  it("turns the agent's typing off after 4 s without a keystroke", async () => {
    const { agentConsole, session } = await openConversation();
    await typeReply(agentConsole, 'Hmm');
    await waitFor(() => session.store.state.typing, 'the agent typing at the visitor');
    const started = performance.now();
    await waitFor(() => !session.store.state.typing, 'typing to stop', 8000);
    expect(performance.now() - started).to.be.greaterThan(3000);
  });

  it('sends a private note that is marked and never reaches the visitor', async () => {
    const { agentConsole, session } = await openConversation();
    part<HTMLInputElement>(agentConsole, '.check input')!.click();
    await typeReply(agentConsole, 'VIP customer');
    await sendKeys({ press: 'Enter' });
    const note = await waitFor(() => part(agentConsole, '.message.private'), 'the note in the log');
    expect(note.textContent).to.include('Private note').and.include('VIP customer');
    part<HTMLInputElement>(agentConsole, '.check input')!.click();
    await typeReply(agentConsole, 'Public answer');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => contents(session).includes('Public answer'), 'the public reply at the visitor');
    expect(contents(session)).not.to.include('VIP customer');
  });

  it('sends an input_select message that the visitor receives', async () => {
    const { agentConsole, session } = await openConversation();
    part<HTMLButtonElement>(agentConsole, 'button[value="input_select"]')!.click();
    const received = await waitFor(
      () => session.store.state.messages.find((message) => message.content_type === 'input_select'), 'the options at the visitor');
    expect(received.content_attributes.items).to.have.length(3);
    await waitFor(() => logText(agentConsole).includes('Enterprise'), 'the options in the log');
  });

  it("shows the visitor's answer when the message is updated", async () => {
    const { agentConsole, session } = await openConversation();
    part<HTMLButtonElement>(agentConsole, 'button[value="input_select"]')!.click();
    const received = await waitFor(
      () => session.store.state.messages.find((message) => message.content_type === 'input_select'), 'the options at the visitor');
    await session.answer(received.id!, [{ title: 'Team', value: 'team' }]);
    const answer = await waitFor(() => part(agentConsole, '.answer'), 'the answer in the log');
    expect(answer.textContent).to.include('Team');
  });

  it('sends every interactive sample without a validation error', async () => {
    const { agentConsole, session } = await openConversation();
    const buttons = [...agentConsole.shadowRoot!.querySelectorAll<HTMLButtonElement>('.sample-buttons button')];
    for (const button of buttons) button.click();
    const types = buttons.map((button) => button.value);
    await waitFor(() => types.every((type) => session.store.state.messages.some((message) => message.content_type === type)), 'every sample at the visitor');
    expect(types).to.deep.equal(['input_select', 'cards', 'form', 'input_csat', 'article', 'input_email']);
    expect(part(agentConsole, '[role="alert"]')).to.equal(null);
  });

  it("resolves the visitor's conversation and offers to reopen it", async () => {
    const { agentConsole, session } = await openConversation();
    const statusButton = part<HTMLButtonElement>(agentConsole, '.status-button')!;
    expect(statusButton.textContent).to.equal('Resolve');
    statusButton.click();
    await waitFor(() => session.store.state.conversation?.status === 'resolved', 'the visitor to see it resolved');
    await waitFor(() => statusButton.textContent === 'Reopen', 'the button to offer reopening');
  });

  it('is accessible with no conversation selected', async () => {
    const agentConsole = await mountConsole();
    await isLive(agentConsole);
    await expect(agentConsole).to.be.accessible();
  });

  it('is accessible with a conversation open, interactive messages included', async () => {
    const { agentConsole } = await openConversation();
    part<HTMLButtonElement>(agentConsole, 'button[value="cards"]')!.click();
    await waitFor(() => logText(agentConsole).includes('Aurora kettle'), 'the cards in the log');
    await expect(agentConsole).to.be.accessible();
  });

  it('explains a rejected agent token', async () => {
    const info = await standIn();
    const agentConsole = await mountConsole({ ...info, agentToken: 'not-a-token' });
    const alert = await waitFor(() => part(agentConsole, '[role="alert"]'), 'the error');
    expect(alert.textContent).to.include('401');
  });
});
