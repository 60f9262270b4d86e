// The stand-in Chatwoot for the bench, serving the built drop-in and the bench pages as static files, and
// a small client for its control and agent APIs.
import { startStandIn } from '../../server/index.js';

/** @param {string[]} staticDirs */
export async function benchStandIn(staticDirs) {
  const server = await startStandIn({ host: '127.0.0.1', port: 0, seed: 'bench', staticDirs });
  const { url, agentToken, accountId } = server.info;
  const call = async (path, method = 'GET', body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', api_access_token: agentToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
    return response.json();
  };
  return {
    info: server.info,
    close: () => server.close(),
    /** A fresh API inbox, so runs never share a contact. */
    freshInbox: (options = {}) => call('/__standin/inboxes', 'POST', { name: 'Bench', ...options }),
    /** Bulk history without broadcasts (`{ count, content_prefix?, interval_seconds?, … }`, see server/README.md). */
    seedMessages: (conversationId, body) => call(`/__standin/conversations/${conversationId}/seed`, 'POST', body),
    /** Client API requests by route key, and socket counters. */
    stats: () => call('/__standin/stats'),
    agentReply: (conversationId, content) =>
      call(`/api/v1/accounts/${accountId}/conversations/${conversationId}/messages`, 'POST', { content, message_type: 'outgoing' }),
    /** Turns one fault on (server/README.md, "Faults"): `{ kind: 'drop-sockets', token }`, `{ kind: 'silence' }`, … */
    fault: (spec) => call('/__standin/faults', 'POST', spec),
    /** Every fault off; silenced sockets hear again. */
    clearFaults: () => call('/__standin/faults', 'DELETE'),
  };
}

/** Requests made between two `stats()` answers, Client API routes only (the agent's own calls left out). */
export function clientRequests(before, after) {
  const counts = {};
  for (const [key, count] of Object.entries(after.requests)) {
    const made = count - (before.requests[key] ?? 0);
    if (made > 0 && !key.startsWith('agent.')) counts[key] = made;
  }
  return { counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0), sockets: after.sockets.opened - before.sockets.opened };
}
