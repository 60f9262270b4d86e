import type { CableStatus } from '../../services/cable-connection.js';
import type { ChatMessage } from '../../services/conversation-store.js';
import type { Conversation, PublicContact } from '../../services/types.js';

/** Every public event of the kit and its `detail`. */
export interface CwEventDetail {
  'cw-ready': { contact: PublicContact; conversation?: Conversation };
  'cw-open-change': { open: boolean };
  'cw-message': { message: ChatMessage };
  'cw-unread-change': { count: number };
  'cw-connection-change': { status: CableStatus };
  'cw-error': { code: string; message: string };
  'cw-postback': { payload: string; title?: string; messageId?: number };
}

type CwEvents = { [K in keyof CwEventDetail]: CustomEvent<CwEventDetail[K]> };
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends CwEvents {}
}

/** The readable text of anything thrown. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Dispatches a bubbling, composed `cw-*` event (none is cancelable: no page can veto what it reports). */
export function emit<K extends keyof CwEventDetail>(host: HTMLElement, type: K, detail: CwEventDetail[K]): void {
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
