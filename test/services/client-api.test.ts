import { expect } from '@open-wc/testing';
import { ApiError } from '../../services/api-error.js';
import { ClientApi, CLIENT_API_ROUTES, DEFAULT_RETRY_AFTER_MS } from '../../services/client-api.js';
import { addFault, agent, clearFaults, freshInbox, standIn } from '../helpers/stand-in.js';

async function apiForFreshInbox(options: Partial<ConstructorParameters<typeof ClientApi>[0]> = {}) {
  const { url } = await standIn();
  const { inboxIdentifier } = await freshInbox();
  return new ClientApi({ baseUrl: url, inbox: inboxIdentifier, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('ClientApi', () => {
  afterEach(() => clearFaults());

  it('has a method for every path and method in Chatwoot\'s OpenAPI spec', async () => {
    const spec = await (await fetch('/__shared/chatwoot/client-api.openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(CLIENT_API_ROUTES).map(([name, [method, path]]) => ({ name, key: `${method} ${path}` }));
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const method of Object.keys(operations).filter((key) => key !== 'parameters')) {
        const key = `${method.toUpperCase()} ${path}`;
        const route = routes.find((item) => item.key === key);
        if (!route || typeof (ClientApi.prototype as unknown as Record<string, unknown>)[route.name] !== 'function') missing.push(key);
      }
    }
    expect(missing).to.deep.equal([]);
    expect(Object.keys(spec.paths).length).to.be.greaterThan(5);
  });

  it('calls every route against the stand-in and reads Chatwoot\'s shapes', async () => {
    const api = await apiForFreshInbox();
    const inbox = await api.getInbox();
    expect(inbox.identifier).to.equal(api.inbox);
    const contact = await api.createContact({ name: 'Ada', email: 'ada@example.com' });
    expect(contact.source_id).to.be.a('string');
    expect((await api.getContact(contact.source_id)).id).to.equal(contact.id);
    const updated = await api.updateContact(contact.source_id, { name: 'Ada L.' });
    expect(updated.name).to.equal('Ada L.');
    const conversation = await api.createConversation(contact.source_id);
    expect(conversation.status).to.equal('open');
    expect((await api.listConversations(contact.source_id)).map((item) => item.id)).to.deep.equal([conversation.id]);
    expect((await api.getConversation(contact.source_id, conversation.id)).id).to.equal(conversation.id);
    await api.toggleTyping(contact.source_id, conversation.id, 'on');
    const sent = await api.createMessage(contact.source_id, conversation.id, { content: 'hello', echoId: 'echo-1' });
    expect(sent).to.include({ content: 'hello', message_type: 0 });
    await api.updateLastSeen(contact.source_id, conversation.id);
    const select = await agent.reply(conversation.id, 'Pick one', {
      content_type: 'input_select', content_attributes: { items: [{ title: 'Yes', value: 'yes' }] },
    });
    const answered = await api.updateMessage(contact.source_id, conversation.id, select.id, [{ title: 'Yes', value: 'yes' }]);
    expect(answered.content_attributes.submitted_values).to.deep.equal([{ title: 'Yes', value: 'yes' }]);
    expect((await api.listMessages(contact.source_id, conversation.id)).map((item) => item.content)).to.deep.equal(['hello', 'Pick one']);
    const resolved = await api.resolveConversation(contact.source_id, conversation.id);
    expect(resolved.status).to.equal('resolved');
    const uuid = (await api.getConversation(contact.source_id, conversation.id)).uuid!;
    const csatMessage = await agent.reply(conversation.id, 'Rate us', { content_type: 'input_csat', message_type: 'template' });
    expect(csatMessage.id).to.be.a('number');
    expect((await api.getCsatSurvey(uuid)).display_type).to.be.a('string');
    expect((await api.updateCsatSurvey(uuid, { rating: 5, feedback_message: 'great' })).csat_survey_response).to.not.equal(null);
  });

  it('fails with an ApiError carrying the status and body', async () => {
    const api = await apiForFreshInbox();
    const notFound = await rejection(api.getContact('no-such-contact'));
    expect(notFound.status).to.equal(404);
    expect(JSON.parse(notFound.body)).to.deep.equal({ status: 404, error: 'Not Found' });
    const invalid = await rejection(api.createContact({ email: 'not an e-mail' }));
    expect(invalid.status).to.equal(422);
    expect(invalid.attributes).to.include('email');
    expect(invalid.serverMessage).to.contain('Email');
  });

  it('times out a request that gets no answer', async () => {
    const api = await apiForFreshInbox({ timeoutMs: 300 });
    await addFault({ kind: 'http', route: 'inbox.show', delay_ms: 2000 });
    const error = await rejection(api.getInbox());
    expect(error.kind).to.equal('timeout');
    expect(error.ambiguous).to.equal(true);
  });

  it('waits for a readable Retry-After before the next request and repeats a throttled read', async () => {
    const api = await apiForFreshInbox();
    // as a proxy in front of Chatwoot could: Chatwoot itself exposes no headers to other origins
    const headers = { 'retry-after': '3', 'access-control-expose-headers': 'Retry-After' };
    await addFault({ kind: 'http', route: 'inbox.show', status: 429, headers, body: 'Retry later' });
    const started = performance.now();
    const inbox = await api.getInbox();
    expect(inbox.identifier).to.equal(api.inbox);
    expect(performance.now() - started).to.be.at.least(2950);
  });

  it('holds back after a 429 whose Retry-After it cannot read', async () => {
    const api = await apiForFreshInbox();
    await addFault({ kind: 'http', route: 'inbox.show', status: 429, headers: { 'retry-after': '30' }, body: 'Retry later' });
    const started = performance.now();
    await api.getInbox();
    expect(performance.now() - started).to.be.within(DEFAULT_RETRY_AFTER_MS - 50, 10_000);
  });

  it('reports an answer that is not JSON as an invalid response', async () => {
    const api = await apiForFreshInbox();
    await addFault({ kind: 'http', route: 'inbox.show', status: 200, body: '<html>proxy page</html>' });
    const error = await rejection(api.getInbox());
    expect(error.kind).to.equal('invalid-response');
  });
});
