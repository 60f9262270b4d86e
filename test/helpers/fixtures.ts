// Renders an element under a real ChatSession as <cw-chat> would provide it.
import { ContextProvider } from '@lit/context';
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { ChatSession } from '../../services/chat-session.js';
import { MemoryStorage } from '../../services/session-storage.js';
import { chatContext, sessionContext, type ChatHost } from '../../components/shared/context.js';
import { freshInbox, standIn } from './stand-in.js';

/** A session on a fresh inbox of the stand-in (not started). */
export async function createTestSession(options: { inbox?: string } = {}): Promise<ChatSession> {
  const { url } = await standIn();
  const inbox = options.inbox ?? (await freshInbox()).inboxIdentifier;
  return new ChatSession({ baseUrl: url, inbox, storage: new MemoryStorage() });
}

/** A ChatHost that records what was asked of it and keeps the session's `open` in step. */
export function createTestHost(session: ChatSession): ChatHost & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    open: () => { calls.push('open'); session.setOpen(true); },
    close: () => { calls.push('close'); session.setOpen(false); },
    toggle: () => { calls.push('toggle'); session.setOpen(!session.store.state.open); },
  };
}

/** Renders `template` inside a provider of `session` (and of `host`, if given), as <cw-chat> would. */
export async function fixtureWithSession<T extends Element>(template: TemplateResult, session: ChatSession, host?: ChatHost): Promise<T> {
  const parent = document.createElement('div');
  new ContextProvider(parent, { context: sessionContext, initialValue: session });
  if (host) new ContextProvider(parent, { context: chatContext, initialValue: host });
  document.body.append(parent);
  return fixture<T>(template, { parentNode: parent });
}
