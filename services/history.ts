import { ApiError, unreadableAnswer } from './api-error.js';
import { RECOVERY_WAITS_MS, sleep } from './backoff.js';
import type { ClientApi } from './client-api.js';
import type { Message } from './types.js';
import { readMessagePage } from './validate.js';

export type HistoryApi = Pick<ClientApi, 'listMessages'>;

/** Chatwoot's page size for the Client API message list. */
export const PAGE_SIZE = 20;
/** Gap recovery pages back at most this far (10 pages = 200 messages: RELIABILITY.md §5). */
export const MAX_CATCH_UP_PAGES = 10;

export interface Page {
  messages: Message[];
  /** Fewer than a full page came back: nothing older exists. */
  complete: boolean;
}

/** One page, oldest first: the latest, or the one before message `before`. */
export async function fetchPage(api: HistoryApi, contact: string, conversation: number, before?: number): Promise<Page> {
  const raw: unknown = await api.listMessages(contact, conversation, before);
  const messages = readMessagePage(raw);
  if (!messages) throw unreadableAnswer('The message list is not an array');
  return { messages, complete: (raw as unknown[]).length < PAGE_SIZE };
}

export interface CatchUp {
  messages: Message[];
  /** The pages reached a message already held (or the start of the conversation). */
  overlapped: boolean;
  /** Nothing older than the oldest fetched page exists. */
  complete: boolean;
}

/**
 * The Client API has no `after`: fetch the latest page, then page back with `before` until the pages hold a
 * full page of messages at or below `newestHeld` (a message id already held), the start of the conversation,
 * or the page cap. The extra overlap recovers a message that the broadcast delivered out of order just
 * before the socket dropped (held: 150; lost: 148). With nothing held, only the latest page.
 */
export async function fetchSince(
  api: HistoryApi, contact: string, conversation: number, newestHeld: number | undefined, maxPages = MAX_CATCH_UP_PAGES,
): Promise<CatchUp> {
  const result: CatchUp = { messages: [], overlapped: newestHeld === undefined, complete: false };
  let before: number | undefined;
  let known = 0;
  for (let pages = 0; pages < (newestHeld === undefined ? 1 : maxPages); pages++) {
    const page = await fetchPage(api, contact, conversation, before);
    result.messages.unshift(...page.messages);
    const oldest = page.messages[0]?.id;
    if (page.complete || oldest === undefined) {
      result.complete = true;
      result.overlapped = true;
      return result;
    }
    if (newestHeld !== undefined) {
      known += page.messages.filter((message) => message.id <= newestHeld).length;
      result.overlapped ||= known > 0;
      if (known >= PAGE_SIZE) return result;
    }
    before = oldest;
  }
  return result;
}

/**
 * Runs `attempt` up to three times, waiting 0.5 s and then 1 s between tries. Stops early (with the last
 * error) once `wanted()` turns false: a session that was disposed or changed visitor asks nothing more.
 */
export async function withRecoveryRetries<T>(attempt: () => Promise<T>, wanted: () => boolean): Promise<T> {
  for (const wait of RECOVERY_WAITS_MS) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof ApiError && !error.retryable) throw error;
      await sleep(wait);
      if (!wanted()) throw error;
    }
  }
  return attempt();
}
