// Type-checked by typings.test.mjs against the packed typings (chatwoot-elements/jsx): what React code may
// write, and (@ts-expect-error) what it may not. TypeScript lets any undeclared prop with a dash through on an
// intrinsic element (as for data-*), so a misspelt `oncw-…` is not caught; the declared ones are typed.
import { useRef } from 'react';
import type { CwChat, CwComposer } from 'chatwoot-elements';
import type {} from 'chatwoot-elements/jsx';

export function Usage() {
  const chat = useRef<CwChat>(null);
  const composer = useRef<CwComposer>(null);
  return (
    <>
      <cw-chat ref={chat} base-url="https://chat.example" inbox="abc" storage="session" isOpen theme="dark" contactMode="on-send"
        unread-in-title oncw-open-change={(event) => event.detail.open satisfies boolean}
        oncw-message={(event) => event.detail.message.content} oncw-error={(event) => event.detail.code.toUpperCase()}
        oncw-connection-change={(event) => event.detail.status}>
        <cw-message-list oncw-postback={(event) => event.detail.payload}></cw-message-list>
        <cw-composer ref={composer} placeholder="Ask" disabled={false} maxFiles={3} max-file-size="10MB" accept="image/*"></cw-composer>
        <cw-contact-form fields="name email" required required-fields="email"></cw-contact-form>
        <cw-launcher position="left" label="Chat with us" hide-when-open></cw-launcher>
      </cw-chat>
      <cw-widget baseUrl="https://chat.example" inbox="abc" headerTitle="Help" pre-chat-fields="name" launcherLabel="Chat"
        oncw-ready={(event) => event.detail.contact.source_id} oncw-postback={(event) => event.detail.title}></cw-widget>
      <cw-message message={{ content: 'Hi', message_type: 1, content_type: 'text', content_attributes: {}, created_at: 0, conversation_id: 1 }} grouped></cw-message>

      {/* @ts-expect-error storage takes local, session or none */}
      <cw-chat storage="cookie"></cw-chat>
      {/* @ts-expect-error maxFiles is a number */}
      <cw-composer maxFiles="three"></cw-composer>
      {/* open and contact, passed as properties, are taken as the attributes are */}
      <cw-chat open contact="on-send"></cw-chat>
      {/* @ts-expect-error contact takes on-open or on-send */}
      <cw-chat contact="never"></cw-chat>
      {/* @ts-expect-error the detail of cw-open-change has no count */}
      <cw-chat oncw-open-change={(event) => event.detail.count}></cw-chat>
      {/* @ts-expect-error React 19 listens to "CwOpenChange" for this prop, which nothing fires */}
      <cw-chat onCwOpenChange={() => undefined}></cw-chat>
    </>
  );
}
