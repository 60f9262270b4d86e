// Talks to the stand-in Chatwoot started by web-test-runner.config.mjs: its details, fresh inboxes,
// faults, counters, and an agent acting through the agent API.
import type { Message } from '../../services/types.js';

export interface StandInInfo {
  url: string;
  inboxIdentifier: string;
  accountId: number;
  agentToken: string;
  hmacToken: string;
}

export interface Inbox {
  inboxIdentifier: string;
  inboxId: number;
  hmacToken: string;
}

export interface Stats {
  requests: Record<string, number>;
  sockets: { open: number; opened: number; subscribes: number; commands: number };
  broadcasts: number;
}

let cached: Promise<StandInInfo> | undefined;

export function standIn(): Promise<StandInInfo> {
  cached ??= fetch('/__standin.json').then((response) => response.json() as Promise<StandInInfo>);
  return cached;
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const info = await standIn();
  const response = await fetch(`${info.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', api_access_token: info.agentToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A new API inbox, so each test starts from nothing. */
export function freshInbox(options: Record<string, unknown> = {}): Promise<Inbox> {
  return control('POST', '/__standin/inboxes', { name: 'Test inbox', ...options });
}

export function addFault(fault: Record<string, unknown>): Promise<{ id: string }> {
  return control('POST', '/__standin/faults', fault);
}

export function clearFaults(): Promise<void> {
  return control('DELETE', '/__standin/faults');
}

/** Every agent and contact offline (presence is account-wide, so other tests' agents would count). */
export function clearPresence(): Promise<void> {
  return control('DELETE', '/__standin/presence');
}

export function stats(): Promise<Stats> {
  return control('GET', '/__standin/stats');
}

export function seedMessages(conversationId: number, body: Record<string, unknown>): Promise<{ first_id: number; last_id: number }> {
  return control('POST', `/__standin/conversations/${conversationId}/seed`, body);
}

/** The agent side, through Chatwoot's agent (Application) API. */
export const agent = {
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const info = await standIn();
    const response = await fetch(`${info.url}/api/v1/accounts/${info.accountId}${path}`, {
      method,
      headers: { 'content-type': 'application/json', api_access_token: info.agentToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  },
  reply(conversationId: number, content: string, extra: Record<string, unknown> = {}): Promise<Message> {
    return this.request('POST', `/conversations/${conversationId}/messages`, { content, message_type: 'outgoing', ...extra });
  },
  async messages(conversationId: number): Promise<Message[]> {
    const result = await this.request<{ payload: Message[] }>('GET', `/conversations/${conversationId}/messages`);
    return result.payload;
  },
  typing(conversationId: number, status: 'on' | 'off', isPrivate = false): Promise<void> {
    return this.request('POST', `/conversations/${conversationId}/toggle_typing_status`, { typing_status: status, is_private: isPrivate });
  },
  conversation(conversationId: number): Promise<Record<string, unknown> & { meta: Record<string, unknown> }> {
    return this.request('GET', `/conversations/${conversationId}`);
  },
};

/** Polls until `check` returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 8000): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** HMAC-SHA256 hex, as a site's backend computes `identifier_hash`. */
export async function hmacHex(key: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message));
  return [...new Uint8Array(signature)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
