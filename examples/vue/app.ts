// Vue 3 and chatwoot-elements, with the runtime template compiler (no single-file components): the cw-* tags
// are declared custom elements, bound props become element properties (`:base-url` sets `baseUrl`),
// `@cw-…` listens to the cw-* events, and a template ref reaches the `<cw-chat>`'s methods.
import { createApp, defineComponent, ref } from 'vue';
import 'chatwoot-elements';
import type { CwChat } from 'chatwoot-elements';
import type {} from 'chatwoot-elements/vue';

export interface ExampleOptions {
  baseUrl: string;
  inbox: string;
}

const ChatExample = defineComponent({
  props: { baseUrl: { type: String, required: true }, inbox: { type: String, required: true } },
  setup() {
    const chat = ref<CwChat>();
    const open = ref(false);
    const ready = ref(false);
    const lastMessage = ref('');
    return { chat, open, ready, lastMessage };
  },
  template: `
    <main>
      <h1>chatwoot-elements in Vue</h1>
      <p class="toolbar">
        <button type="button" @click="chat?.open()">Open chat</button>
        <button type="button" @click="chat?.send('Hello from Vue')">Say hello</button>
      </p>
      <p class="status" role="status">{{ open ? 'The chat is open' : 'The chat is closed' }}{{ ready ? ', connected' : '' }}</p>
      <p class="last-message">{{ lastMessage && 'Last message: ' + lastMessage }}</p>
      <cw-chat ref="chat" class="chat-box" :base-url="baseUrl" :inbox="inbox" storage="none" contact="on-open"
        @cw-open-change="open = $event.detail.open"
        @cw-ready="ready = true"
        @cw-message="lastMessage = $event.detail.message.content ?? ''">
        <cw-message-list></cw-message-list>
        <cw-composer placeholder="Ask Vue anything" :max-files="3"></cw-composer>
      </cw-chat>
    </main>`,
});

/** Renders the example into `container`; `unmount()` removes it. */
export function mount(container: Element, options: ExampleOptions) {
  const app = createApp(ChatExample, { ...options });
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('cw-');
  app.mount(container);
  return { unmount: () => app.unmount() };
}
