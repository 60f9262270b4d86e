// The services demo: one ChatSession against the stand-in, rendered with plain DOM calls (text only).
import { ChatSession, type ChatMessage } from '../services/index.js';
import { PageLifecycle } from '../components/shared/page-lifecycle.js';

interface Info {
  url: string;
  inboxIdentifier: string;
  accountId: number;
  agentToken: string;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function describe(message: ChatMessage): string {
  if (message.message_type !== 0) return message.sender?.available_name ?? message.sender?.name ?? 'Agent';
  return message.delivery ?? 'sent';
}

function render(session: ChatSession): void {
  const { messages, connection, unreadCount, error } = session.store.state;
  const list = byId<HTMLOListElement>('messages');
  list.replaceChildren(...messages.map((message) => {
    const item = document.createElement('li');
    item.className = message.message_type === 0 ? 'mine' : 'agent';
    item.append(message.content ?? '');
    const meta = document.createElement('small');
    meta.textContent = describe(message);
    item.append(meta);
    return item;
  }));
  list.scrollTop = list.scrollHeight;
  byId('connection').textContent = connection;
  byId('unread').textContent = String(unreadCount);
  byId('error').textContent = error?.message ?? '';
}

async function main(): Promise<void> {
  const info = (await (await fetch('/__standin/info')).json()) as Info;
  const session = new ChatSession({
    baseUrl: info.url, inbox: info.inboxIdentifier, storage: localStorage, lifecycle: new PageLifecycle(),
  });
  session.store.subscribe(() => render(session));
  session.on('error', (error) => (byId('error').textContent = error.message));
  await session.start();
  render(session);

  const visitorInput = byId<HTMLInputElement>('visitor-input');
  visitorInput.addEventListener('input', () => session.noteTyping());
  byId('visitor-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void session.send(visitorInput.value);
    visitorInput.value = '';
  });

  const agentInput = byId<HTMLInputElement>('agent-input');
  byId('agent-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const conversation = session.store.state.conversation;
    if (!conversation || !agentInput.value.trim()) {
      byId('error').textContent = 'The visitor has no conversation yet: send a message as the visitor first.';
      return;
    }
    await fetch(`${info.url}/api/v1/accounts/${info.accountId}/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', api_access_token: info.agentToken },
      body: JSON.stringify({ content: agentInput.value, message_type: 'outgoing' }),
    });
    agentInput.value = '';
  });
  byId('mark-seen').addEventListener('click', () => void session.markSeen());
  byId('reset').addEventListener('click', () => {
    session.reset();
    void session.start();
  });
}

void main();
