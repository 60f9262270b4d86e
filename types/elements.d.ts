// What each cw-* tag takes in a framework: its reactive properties and the events it fires (its own, and
// those that bubble out of the elements inside it). Shared by jsx.d.ts (React) and vue.d.ts (Vue).
// `open` and `contact` of `<cw-chat>` / `<cw-widget>` are also the `open()` method and the `contact` read-out.
// React 19, Vue and Svelte set a property when the element has one by that name: the elements accept
// `open = true | false` and `contact = 'on-open' | 'on-send'` for that, as the attributes do.
import type {
  CwChat, CwComposer, CwContactForm, CwEventDetail, CwLauncher, CwMessage, CwMessageList, CwWidget,
} from '../dist/lib/types/components/index.js';

export type { CwChat, CwComposer, CwContactForm, CwEventDetail, CwLauncher, CwMessage, CwMessageList, CwWidget };

export type ChatEvents = 'cw-ready' | 'cw-open-change' | 'cw-message' | 'cw-unread-change' | 'cw-connection-change' | 'cw-error';
export type MessageEvents = 'cw-postback' | 'cw-error';

type IdentityProperties = 'baseUrl' | 'inbox' | 'identifier' | 'identifierHash' | 'name' | 'email' | 'phone' | 'locale' | 'storage'
  | 'isOpen' | 'theme' | 'contactMode' | 'unreadInTitle' | 'notifySound';

/** Per tag: the element's class, the properties a framework may set, and the events it may listen to. */
export interface CwElements {
  'cw-chat': { element: CwChat; properties: IdentityProperties | 'panelId'; events: ChatEvents };
  'cw-launcher': { element: CwLauncher; properties: 'position' | 'label' | 'hideWhenOpen'; events: never };
  'cw-message-list': { element: CwMessageList; properties: never; events: MessageEvents };
  'cw-message': { element: CwMessage; properties: 'message' | 'grouped'; events: MessageEvents };
  'cw-composer': { element: CwComposer; properties: 'placeholder' | 'disabled' | 'accept' | 'maxFileSize' | 'maxFiles'; events: never };
  'cw-contact-form': { element: CwContactForm; properties: 'fields' | 'requiredFields' | 'required'; events: never };
  'cw-widget': {
    element: CwWidget;
    properties: IdentityProperties | 'position' | 'headerTitle' | 'replyTime' | 'preChatFields' | 'preChatRequired' | 'launcherLabel';
    events: ChatEvents | 'cw-postback';
  };
}

/** The kebab-case attributes of each tag whose names differ from their property's (strings and booleans). */
export interface CwAttributes {
  'cw-chat': IdentityAttributes & { 'panel-id'?: string };
  'cw-launcher': { 'hide-when-open'?: boolean };
  'cw-message-list': object;
  'cw-message': object;
  'cw-composer': { 'max-file-size'?: string | number; 'max-files'?: number };
  'cw-contact-form': { 'required-fields'?: string };
  'cw-widget': IdentityAttributes & {
    'header-title'?: string;
    'reply-time'?: string;
    'pre-chat-fields'?: string;
    'pre-chat-required'?: boolean;
    'launcher-label'?: string;
  };
}

interface IdentityAttributes {
  open?: boolean;
  contact?: 'on-open' | 'on-send';
  'base-url'?: string;
  'identifier-hash'?: string;
  'unread-in-title'?: boolean;
  'notify-sound'?: boolean;
}

/** The settable properties of a tag, all optional. */
export type CwProperties<Tag extends keyof CwElements> =
  Partial<Pick<CwElements[Tag]['element'], Extract<CwElements[Tag]['properties'], keyof CwElements[Tag]['element']>>>;
