import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/widget/widget.js';
import type { CwWidget } from '../../components/widget/widget.js';
import { agent, freshInbox, standIn, waitFor } from '../helpers/stand-in.js';
import { deepActiveElement, deepQuery, deepText } from '../helpers/deep-query.js';

/** `selector` inside the first `host` element found below `root`. */
function inside<T extends Element = HTMLElement>(root: Element, host: string, selector: string): T | null {
  const element = deepQuery(root, host);
  return element ? deepQuery<T>(element, selector) : null;
}


describe('the drop-in widget, end to end', () => {
  it('opens, takes the contact form, sends, gets the reply, counts unread while closed, and clears on reopen', async () => {
    const { url } = await standIn();
    const { inboxIdentifier } = await freshInbox({ name: 'Acme Support' });
    const widget = await fixture<CwWidget>(html`
      <cw-widget base-url=${url} inbox=${inboxIdentifier} storage="none" pre-chat-fields="name email" pre-chat-required></cw-widget>`);

    const launcher = await waitFor(() => deepQuery<HTMLButtonElement>(widget, 'cw-launcher'), 'the launcher');
    const launcherButton = await waitFor(() => deepQuery<HTMLButtonElement>(launcher, 'button'), 'the launcher button');
    launcherButton.click();
    await waitFor(() => inside(widget, 'cw-contact-form', 'input'), 'the contact form', 10_000);
    // the header's name comes from inbox.show, which runs beside the form's loading: either may land first
    await waitFor(() => deepQuery(widget, '[role="dialog"]')?.textContent?.includes('Acme Support'), 'the inbox name in the header');

    inside<HTMLInputElement>(widget, 'cw-contact-form', 'input')!.focus();
    await sendKeys({ type: 'Ada Lovelace' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'ada@example.com' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => inside(widget, 'cw-contact-form', '[role="status"]')?.textContent?.trim(), 'the form to be saved');

    const textarea = await waitFor(() => inside<HTMLTextAreaElement>(widget, 'cw-composer', 'textarea:not([disabled])'), 'the composer to unlock');
    textarea.focus();
    await sendKeys({ type: 'Hello, I need help' });
    await sendKeys({ press: 'Enter' });
    const conversation = await waitFor(() => widget.conversation, 'the conversation');
    await waitFor(async () => (await agent.messages(conversation.id)).some((message) => message.content === 'Hello, I need help'), 'the message on the server');

    await agent.reply(conversation.id, 'Hi Ada, happy to help');
    await waitFor(() => deepText(deepQuery(widget, 'cw-message-list')!).includes('Hi Ada, happy to help'), 'the reply in the list');
    await waitFor(() => widget.unreadCount === 0, 'the open chat to mark the reply seen');

    await sendKeys({ press: 'Escape' });
    await waitFor(() => !widget.isOpen, 'the panel to close');
    expect(deepActiveElement()).to.equal(launcherButton);

    await agent.reply(conversation.id, 'Anything else?');
    await waitFor(() => widget.unreadCount === 1, 'the closed chat to count the reply as unread');
    const badge = await waitFor(() => deepQuery(launcher, '[part~="badge"]'), 'the unread badge');
    expect(badge.textContent!.trim()).to.equal('1');

    launcherButton.click();
    await waitFor(() => widget.unreadCount === 0 && !deepQuery(launcher, '[part~="badge"]'), 'reopening to clear the badge');
  });
});
