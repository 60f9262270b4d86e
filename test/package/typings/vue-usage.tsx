// Type-checked by typings.test.mjs against the packed typings (chatwoot-elements/vue): the props and listeners
// Vue's tooling checks a template's cw-* tags against, and (@ts-expect-error) what it rejects.
import type { GlobalComponents } from 'vue';
import type {} from 'chatwoot-elements/vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const chat: Props<'cw-chat'> = {
  baseUrl: 'https://chat.example', inbox: 'abc', storage: 'none', isOpen: true,
  onCwOpenChange: (event) => event.detail.open, onCwMessage: (event) => event.detail.message.content,
  onCwUnreadChange: (event) => event.detail.count,
};
export const composer: Props<'cw-composer'> = { placeholder: 'Ask', maxFiles: 3, maxFileSize: '10MB' };
export const widget: Props<'cw-widget'> = { headerTitle: 'Help', preChatRequired: true, onCwPostback: (event) => event.detail.payload };

// @ts-expect-error maxFiles is a number
export const wrongType: Props<'cw-composer'> = { maxFiles: 'three' };
// @ts-expect-error the detail of cw-open-change has no count
export const wrongDetail: Props<'cw-chat'> = { onCwOpenChange: (event) => event.detail.count };
