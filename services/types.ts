// Chatwoot's Client API payloads, as the server really sends them (shared/chatwoot/CLIENT_API.md §4, §9.5).

export interface WorkingHour {
  day_of_week: number;
  closed_all_day: boolean;
  open_all_day: boolean;
  open_hour: number | null;
  open_minutes: number | null;
  close_hour: number | null;
  close_minutes: number | null;
}

export interface PublicInbox {
  identifier: string;
  identity_validation_enabled: boolean;
  name: string;
  timezone: string;
  working_hours: WorkingHour[];
  working_hours_enabled: boolean;
  csat_survey_enabled: boolean;
  greeting_enabled: boolean;
}

/** A contact's session in one inbox: `source_id` and `pubsub_token` are its credentials. */
export interface PublicContact {
  id: number;
  source_id: string;
  pubsub_token: string;
  name: string;
  email: string | null;
  phone_number: string | null;
}

/** The whole contact record, as PATCH contact answers and conversations embed it. */
export interface ContactModel {
  id: number;
  name: string;
  email: string | null;
  phone_number: string | null;
  account_id: number;
  created_at: string;
  updated_at: string;
  additional_attributes: Record<string, unknown>;
  identifier: string | null;
  custom_attributes: Record<string, unknown>;
  last_activity_at: string | null;
  contact_type?: string;
  blocked?: boolean;
}

export interface ContactAttributes {
  name?: string;
  email?: string;
  phone_number?: string;
  avatar_url?: string;
  custom_attributes?: Record<string, unknown>;
}

export interface Identity {
  identifier: string;
  identifier_hash?: string;
}

export type FileType = 'image' | 'video' | 'audio' | 'file' | 'location' | 'fallback' | 'contact' | 'embed' | string;

export interface Attachment {
  id: number;
  message_id: number;
  file_type: FileType;
  account_id: number;
  extension?: string | null;
  data_url?: string | null;
  thumb_url?: string;
  file_size?: number;
  width?: number | null;
  height?: number | null;
  transcribed_text?: string;
  coordinates_lat?: number;
  coordinates_long?: number;
  fallback_title?: string | null;
  meta?: Record<string, unknown>;
}

export interface Sender {
  id: number;
  name: string;
  type: 'contact' | 'user' | 'agent_bot' | 'captain_assistant' | string;
  available_name?: string;
  avatar_url?: string | null;
  thumbnail?: string;
  availability_status?: string;
  email?: string | null;
}

/** 0 from the contact, 1 from an agent or bot, 2 activity (never sent to contacts), 3 template. */
export type MessageType = 0 | 1 | 2 | 3;
export type MessageStatus = 'sent' | 'delivered' | 'read' | 'failed';

export type ContentType =
  | 'text' | 'input_text' | 'input_textarea' | 'input_email' | 'input_select' | 'cards' | 'form' | 'article'
  | 'incoming_email' | 'input_csat' | 'integrations' | 'sticker' | 'voice_call';

export interface SubmittedValue {
  name?: string;
  title?: string;
  value?: string | number | boolean;
}

export interface CsatResponse {
  rating: number;
  feedback_message?: string;
}

export type SubmittedValues = SubmittedValue[] | { csat_survey_response: CsatResponse };

/** A message as REST returns it; the cable adds `status`, `echo_id`, `private` and more (MessagePush). */
export interface Message {
  id: number;
  content: string | null;
  message_type: MessageType;
  content_type: ContentType | string;
  content_attributes: Record<string, unknown>;
  created_at: number;
  conversation_id: number;
  attachments?: Attachment[];
  sender?: Sender;
  status?: MessageStatus;
  echo_id?: string;
  private?: boolean;
  updated_at?: string;
}

export type ConversationStatus = 'open' | 'resolved' | 'pending' | 'snoozed';

export interface Conversation {
  id: number;
  uuid?: string;
  inbox_id: number;
  status: ConversationStatus;
  contact_last_seen_at: number;
  agent_last_seen_at: number;
  messages?: Message[];
  contact?: ContactModel;
}

export interface CsatSurvey {
  id: number;
  csat_survey_response: Record<string, unknown> | null;
  display_type: 'emoji' | 'star' | string;
  content: string | null;
  inbox_avatar_url?: string;
  inbox_name?: string;
  locale?: string;
  conversation_id: number;
  created_at: string;
}

/** `data` of `conversation.*` cable events (ConversationPush), the parts a contact needs. */
export interface ConversationPush extends Conversation {
  meta?: { assignee?: Sender | null };
}

export interface TypingPush {
  conversation: ConversationPush;
  user?: Sender;
  is_private?: boolean;
}

export interface PresencePush {
  users: Record<string, 'online' | 'busy' | 'offline' | string>;
}

/** The broadcasts a contact's subscription receives (CLIENT_API.md §9.4). */
export type CableEvent =
  | { event: 'message.created'; data: Message }
  | { event: 'message.updated'; data: Message & { previous_changes?: Record<string, [unknown, unknown]> } }
  | { event: 'conversation.created' | 'conversation.status_changed' | 'conversation.updated'; data: ConversationPush }
  | { event: 'conversation.typing_on' | 'conversation.typing_off'; data: TypingPush }
  | { event: 'presence.update'; data: PresencePush };
