// React 19 and chatwoot-elements: props go to the elements as properties (`inbox`, `maxFiles`) or attributes
// (`base-url`), `oncw-…` props listen to the cw-* events, and a ref reaches the `<cw-chat>`'s methods.
import { useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'chatwoot-elements';
import type { CwChat } from 'chatwoot-elements';
import type {} from 'chatwoot-elements/jsx';

export interface ExampleOptions {
  baseUrl: string;
  inbox: string;
}

function ChatExample({ baseUrl, inbox }: ExampleOptions) {
  const chat = useRef<CwChat>(null);
  const [open, setOpen] = useState(false);
  const [ready, setReady] = useState(false);
  const [lastMessage, setLastMessage] = useState('');
  return (
    <main>
      <h1>chatwoot-elements in React</h1>
      <p className="toolbar">
        <button type="button" onClick={() => chat.current?.open()}>Open chat</button>
        <button type="button" onClick={() => void chat.current?.send('Hello from React')}>Say hello</button>
      </p>
      <p className="status" role="status">{open ? 'The chat is open' : 'The chat is closed'}{ready ? ', connected' : ''}</p>
      <p className="last-message">{lastMessage && `Last message: ${lastMessage}`}</p>
      <cw-chat ref={chat} className="chat-box" base-url={baseUrl} inbox={inbox} storage="none" contact="on-open"
        oncw-open-change={(event) => setOpen(event.detail.open)}
        oncw-ready={() => setReady(true)}
        oncw-message={(event) => setLastMessage(event.detail.message.content ?? '')}>
        <cw-message-list></cw-message-list>
        <cw-composer placeholder="Ask React anything" maxFiles={3}></cw-composer>
      </cw-chat>
    </main>
  );
}

/** Renders the example into `container`; `unmount()` removes it. */
export function mount(container: Element, options: ExampleOptions) {
  const root = createRoot(container);
  root.render(<ChatExample {...options} />);
  return { unmount: () => root.unmount() };
}
