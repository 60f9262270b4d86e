// RELIABILITY.md §3 G1, G3, G5, G7: identity and storage isolation against the stand-in.
import { expect } from '@open-wc/testing';
import { addFault, clearFaults, pause, standIn, stats, type Stats } from '../helpers/stand-in.js';
import {
  disposeSubjects, ListedStorage, liveConversation, ManualLifecycle, requestsOf, startSubject, waitFor, type Subject,
} from './helpers.js';

const keysOf = (storage: ListedStorage, inbox: string) => [...storage.items.keys()].filter((key) => key.includes(`:${inbox}:`));
const delta = (after: Stats, before: Stats, route: string) => requestsOf(after, route) - requestsOf(before, route);
const failedWith = (subject: Subject, content: string) =>
  subject.session.store.state.messages.find((message) => message.content === content && message.delivery === 'failed');

describe('G identity and storage', () => {
  afterEach(async () => {
    disposeSubjects();
    await clearFaults();
  });

  it('G1: two inboxes on one page with one storage never use each other\'s credentials, through sends and reconnects', async function () {
    this.timeout(40_000);
    const storage = new ListedStorage();
    const subjects = [await startSubject({ storage }), await startSubject({ storage })];
    const conversations = [await liveConversation(subjects[0].session, 'a'), await liveConversation(subjects[1].session, 'b')];
    for (let round = 0; round < 5; round++) {
      for (const [index, subject] of subjects.entries()) {
        await subject.session.send(`${index} round ${round} first`);
        await subject.session.send(`${index} round ${round} second`);
      }
      await addFault({ kind: 'drop-sockets', mode: 'terminate' });
      await waitFor(() => subjects.every((subject) => subject.session.store.state.connection !== 'open'), 'both dropped');
      await waitFor(() => subjects.every((subject) => subject.session.store.state.connection === 'open' && subject.session.outbox.length === 0),
        'both back, everything sent', 10_000);
    }
    const identities = subjects.map((subject, index) => ({
      inbox: subject.inbox, source: subject.session.store.state.contact!.source_id,
      token: subject.session.store.state.contact!.pubsub_token, conversation: conversations[index],
    }));
    for (const [index, subject] of subjects.entries()) {
      const own = identities[index];
      const other = identities[1 - index];
      for (const { url } of subject.requests) {
        const segments = new URL(url).pathname.split('/');
        const after = (name: string) => segments[segments.indexOf(name) + 1];
        expect(after('inboxes'), url).to.equal(own.inbox);
        if (segments.includes('contacts') && after('contacts')) expect(after('contacts'), url).to.equal(own.source);
        if (segments.includes('conversations') && after('conversations')) expect(Number(after('conversations')), url).to.not.equal(other.conversation);
      }
      const subscribes = subject.sockets.flatMap((record) => record.sent.filter((frame) => frame.command === 'subscribe'));
      expect(subscribes.length).to.be.at.least(6);
      for (const frame of subscribes) expect(JSON.parse(frame.identifier).pubsub_token).to.equal(own.token);
      expect(keysOf(storage, own.inbox).length).to.be.at.least(1);
    }
    expect(subjects[1].sockets.some((record) => record.sent.some((frame) => frame.identifier.includes(identities[0].token)))).to.equal(false);
    const otherKeys = new Map(keysOf(storage, identities[1].inbox).map((key) => [key, storage.getItem(key)]));
    subjects[0].session.reset();
    expect(keysOf(storage, identities[0].inbox)).to.deep.equal([]);
    expect(new Map(keysOf(storage, identities[1].inbox).map((key) => [key, storage.getItem(key)]))).to.deep.equal(otherKeys);
  });

  it('G3: a 404 on sending recreates the contact once and delivers the message, with no error shown', async () => {
    const storage = new ListedStorage();
    const subject = await startSubject({ storage });
    await liveConversation(subject.session);
    const oldSource = subject.session.store.state.contact!.source_id;
    const before = await stats();
    await addFault({ kind: 'http', route: 'messages.create', status: 404 });
    await subject.session.send('after a 404');
    await waitFor(() => subject.session.outbox.length === 0, 'the message sent');
    const after = await stats();
    expect([delta(after, before, 'contacts.create'), delta(after, before, 'conversations.create'), delta(after, before, 'messages.create')])
      .to.deep.equal([1, 1, 2]);
    const { contact, error, messages } = subject.session.store.state;
    expect(contact!.source_id).to.not.equal(oldSource);
    expect(error).to.equal(undefined);
    expect(messages.map((message) => [message.content, message.delivery])).to.deep.equal([['after a 404', 'sent']]);
    const [key] = keysOf(storage, subject.inbox).filter((item) => item.endsWith(':contact'));
    expect(JSON.parse(storage.getItem(key)!).source_id).to.equal(contact!.source_id);
  });

  it('G3: a second 404 within 60 s surfaces an error instead of recreating again; after a minute it recreates again', async () => {
    let clock = 1_000_000;
    const subject = await startSubject({ now: () => clock });
    await liveConversation(subject.session);
    const before = await stats();
    await addFault({ kind: 'http', route: 'messages.create', status: 404, count: 3 });
    await subject.session.send('first');
    await waitFor(() => failedWith(subject, 'first'), 'the first to fail');
    clock += 30_000;
    await subject.session.send('second');
    const second = await waitFor(() => failedWith(subject, 'second'), 'the second to fail');
    expect(second.error).to.be.a('string').and.not.equal('');
    const after = await stats();
    expect(delta(after, before, 'contacts.create'), 'contacts created').to.equal(1);
    expect(delta(after, before, 'messages.create'), 'POSTs').to.equal(3);
    clock += 31_000;
    await addFault({ kind: 'http', route: 'messages.create', status: 404 });
    await subject.session.send('third');
    await waitFor(() => subject.session.store.state.messages.some((message) => message.content === 'third' && message.delivery === 'sent'), 'the third sent');
    expect(delta(await stats(), before, 'contacts.create'), 'contacts created after a minute').to.equal(2);
  });

  it('G5: an inbox that answers 404 to contact creation shows a configuration error and gets no contact request for 5 minutes', async () => {
    let clock = 1_000_000;
    const lifecycle = new ManualLifecycle();
    const subject = await startSubject({ inbox: `gone-${Math.random().toString(36).slice(2)}`, now: () => clock, lifecycle });
    expect(subject.session.store.state.phase).to.equal('error');
    expect(subject.session.store.state.error?.code).to.equal('not-found');
    const before = await stats();
    await subject.session.start();
    subject.session.setOpen(true);
    lifecycle.fire('resume');
    lifecycle.fire('online');
    await subject.session.send('is anyone there?');
    await waitFor(() => failedWith(subject, 'is anyone there?'), 'the message to fail');
    clock += 5 * 60_000 - 1000;
    await subject.session.start();
    await pause(300);
    expect(delta(await stats(), before, 'contacts.create'), 'contact creations within 5 minutes').to.equal(0);
    expect(subject.session.store.state.error?.code).to.equal('not-found');
    clock += 2000;
    await subject.session.start();
    expect(delta(await stats(), before, 'contacts.create'), 'contact creations after 5 minutes').to.equal(1);
  });

  it('G7: storage holds only the credentials, the conversation id and the outbox, and reset leaves nothing', async () => {
    const { url } = await standIn();
    const storage = new ListedStorage();
    const lifecycle = new ManualLifecycle();
    const subject = await startSubject({ storage, lifecycle, identity: { identifier: 'user-7' } });
    await liveConversation(subject.session);
    lifecycle.fire('offline');
    await subject.session.send('waiting');
    const prefix = `cw:${new URL(url).origin}:${subject.inbox}:`;
    expect([...storage.items.keys()].sort()).to.deep.equal([`${prefix}contact`, `${prefix}outbox`]);
    const contact = JSON.parse(storage.getItem(`${prefix}contact`)!) as Record<string, unknown>;
    expect(Object.keys(contact)).to.have.members(['source_id', 'pubsub_token', 'contact_id', 'identifier', 'conversation_id']);
    const outbox = JSON.parse(storage.getItem(`${prefix}outbox`)!) as Record<string, unknown>[];
    expect(outbox.map((entry) => entry.content)).to.deep.equal(['waiting']);
    for (const entry of outbox) expect(Object.keys(entry)).to.satisfy((keys: string[]) => keys.every((key) => ['echo_id', 'content', 'queued_at', 'state', 'error', 'after_id'].includes(key)));
    subject.session.reset();
    expect(storage.items.size).to.equal(0);
  });
});
