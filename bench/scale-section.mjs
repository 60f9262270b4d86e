// bench/scale.mjs (what visitors cost the Chatwoot server, SCALING.md) as a section of `npm run bench`,
// against the drop-in built for this run. Its figures are counts, from one pass.
import { chromium } from 'playwright-core';
import { startStandIn } from '../server/index.js';
import { measureScale } from './scale.mjs';
import { markdownTable } from './lib/table.mjs';

/** `{ requests: 0, sockets: 1 }` → "requests 0, sockets 1". */
const describe = (figures) => Object.entries(figures ?? {})
  .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join('/') : typeof value === 'number' ? Math.round(value) : value}`)
  .join(', ');

export const scale = {
  name: 'scale',
  title: 'What visitors cost the Chatwoot server (details in SCALING.md)',
  run: ({ build, chromePath }) => measureScale({ startStandIn, chromium, chromePath, distDir: build.dir }),
  table(result) {
    const rows = Object.entries(result).map(([scenario, { kit, chatwootWidget, views }]) => [
      views ? `${scenario} (${views} page views)` : scenario, describe(kit), describe(chatwootWidget),
    ]);
    return markdownTable(['scenario', 'chatwoot-elements', "Chatwoot's widget (documented behaviour)"], rows, ['l', 'l', 'l']);
  },
};
