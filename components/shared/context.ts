import { createContext } from '@lit/context';
import type { ChatSession } from '../../services/chat-session.js';
import type { Strings } from './strings.js';

/** What `<cw-chat>` offers the parts inside it besides the session: opening and closing the chat. */
export interface ChatHost {
  open(): void;
  close(): void;
  toggle(): void;
  /** The id of the element the launcher controls (for `aria-controls`), when there is one. */
  readonly panelId?: string;
}

/** The session, provided by `<cw-chat>`. */
export const sessionContext = createContext<ChatSession>(Symbol('cw-session'));
/** Open, close and toggle, provided by `<cw-chat>`. */
export const chatContext = createContext<ChatHost>(Symbol('cw-chat'));
/** The strings of the chat's locale; elements fall back to English. */
export const stringsContext = createContext<Strings>(Symbol('cw-strings'));
