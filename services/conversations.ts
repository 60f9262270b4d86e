import { ApiError, unreadableAnswer } from './api-error.js';
import type { ClientApi } from './client-api.js';
import type { ContactManager } from './contact-manager.js';
import type { Conversation, PublicContact } from './types.js';
import { readConversation } from './validate.js';

/** A conversation as the server sent it (`raw`, with its embedded messages) and as validated. */
export interface PickedConversation {
  raw: Conversation;
  conversation: Conversation;
}

/** Starts a new conversation for the contact (creating the contact first if needed). */
export async function createConversation(
  api: Pick<ClientApi, 'createConversation'>, contacts: Pick<ContactManager, 'ensure'>,
): Promise<Conversation> {
  const contact = await contacts.ensure();
  const created = readConversation(await api.createConversation(contact.source_id));
  if (!created) throw unreadableAnswer('Unexpected conversation shape');
  return created;
}

/**
 * The conversation a returning contact goes back to: the one stored on this device while the server still
 * has it, otherwise the newest open one of the contact's, otherwise the newest. None for a contact just created.
 */
export async function pickConversation(
  api: Pick<ClientApi, 'getConversation' | 'listConversations'>,
  contacts: Pick<ContactManager, 'takeNewlyCreated' | 'storedConversation'>, contact: PublicContact,
): Promise<PickedConversation | undefined> {
  if (contacts.takeNewlyCreated(contact)) return undefined;
  const stored = contacts.storedConversation();
  let candidates: Conversation[] = [];
  if (stored !== undefined) {
    try {
      candidates = [await api.getConversation(contact.source_id, stored)];
    } catch (error) {
      if (!(error instanceof ApiError && error.notFound)) throw error;
    }
  }
  if (candidates.length === 0) candidates = await api.listConversations(contact.source_id);
  const conversations = candidates.map((raw) => ({ raw, conversation: readConversation(raw) }))
    .filter((item): item is PickedConversation => !!item.conversation)
    .sort((a, b) => b.conversation.id - a.conversation.id);
  return conversations.find((item) => item.conversation.status !== 'resolved') ?? conversations[0];
}
