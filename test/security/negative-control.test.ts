// RELIABILITY.md §4 negative control: the harness must see executions when nothing sanitises. The kit has no
// HTML path to switch off, so the payloads go through innerHTML (test code only) into a throwaway shadow root,
// each in its own sandboxed frame (scripts and same-origin, but no modals, forms, popups or top navigation:
// a stray unhooked alert in a nested frame cannot block the run), then the same hooks and sweep run.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/message/message.js';
import type { CwMessage } from '../../components/message/message.js';
import { audit } from './audit.js';
import { loadCorpus, type Payload } from './corpora.js';
import { deepElements, inspect, installHooks, settle, sweep, type Hooks } from './harness.js';

interface Frame {
  payload: Payload;
  hooks: Hooks;
  host: HTMLElement;
}

/** A same-origin sandboxed frame with the hooks installed and the payload set as a shadow root's innerHTML. */
function unsanitised(payload: Payload, container: HTMLElement): Frame {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-scripts');
  container.append(frame);
  const view = frame.contentWindow as Window & typeof globalThis;
  const hooks = installHooks(view, [location.origin]);
  const host = view.document.createElement('div');
  view.document.body.append(host);
  host.attachShadow({ mode: 'open' }).innerHTML = payload.text;
  return { payload, hooks, host };
}

describe('content security: negative control', () => {
  it('sees at least 40 DOMPurify corpus payloads execute when they are rendered unsanitised', async function () {
    this.timeout(120_000);
    const payloads = await loadCorpus('dompurify');
    const container = document.createElement('div');
    document.body.append(container);
    const frames = payloads.map((payload) => unsanitised(payload, container));
    await settle(window, 500);
    let dangerous = 0;
    for (const frame of frames) {
      const elements = deepElements(frame.host);
      if (inspect(elements, [location.origin]).dangerous.length) dangerous++;
      sweep(elements);
    }
    await settle(window, 1000);
    const executed = frames.filter((frame) => frame.hooks.calls.length > 0);
    const foreign = frames.filter((frame) => frame.hooks.foreign.length > 0);
    console.log(`[negative control] payloads=${payloads.length} executed=${executed.length} dangerous=${dangerous} foreign=${foreign.length}`);
    for (const frame of frames) frame.hooks.dispose();
    container.remove();
    expect(executed.length, executed.map((frame) => frame.payload.id).join(' ')).to.be.at.least(40);
    expect(dangerous).to.be.at.least(100);
    // and the request log sees what the payloads fetch from elsewhere
    expect(foreign.length).to.be.at.least(1);
  });

  it('sees an execution, a dangerous node, an unsafe link and a style planted inside a rendered <cw-message>', async () => {
    const element = await fixture<CwMessage>(html`<cw-message .message=${{
      id: 1, content: 'planted', message_type: 1, content_type: 'text', content_attributes: {}, created_at: 1_700_000_000, conversation_id: 1,
    }}></cw-message>`);
    const hooks = installHooks(window, [location.origin]);
    const bubble = element.shadowRoot!.querySelector('.markdown')!;
    const image = document.createElement('img');
    image.setAttribute('onmouseover', "alert('planted-handler')");
    image.setAttribute('style', 'outline: 1px solid');
    const link = document.createElement('a');
    link.setAttribute('href', "javascript:alert('planted-link')");
    bubble.append(image, link);
    const payload: Payload = { id: 'planted', corpus: 'markdown', text: 'planted' };
    const counts = await audit([{ element, payload }], hooks, [location.origin]);
    hooks.dispose();
    expect(counts.executions).to.equal(2);
    expect(hooks.calls).to.deep.equal(["alert(planted-handler)", "alert(planted-link)"]);
    expect([counts.dangerous, counts.unsafeUrls, counts.styles]).to.deep.equal([1, 1, 1]);
  });
});
