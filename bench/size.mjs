// Bundle sizes, every subject measured the same way in the same run (lib/sizes.mjs): the drop-in (all-in,
// first load, what loads later), each element's module, deep-chat, and the floor (lit, @lit/context,
// reconnecting-websocket). Sizes do not vary between runs: each is measured once.
import { BUDGETS, measureDropIn } from './lib/drop-in.mjs';
import { bundled, compressed, formatBytes, formatKB } from './lib/sizes.mjs';
import { markdownTable } from './lib/table.mjs';
import { withoutHash } from './lib/build.mjs';

const RUNTIME = ['lit', 'lit/*', '@lit/context', 'reconnecting-websocket'];
const ELEMENTS = ['chat', 'launcher', 'widget', 'message-list', 'message', 'composer', 'contact-form'];

export const PEERS = {
  deepChat: { label: 'deep-chat 2.4.2 (one pre-bundled file)', source: "export * from 'deep-chat';" },
  floor: {
    label: 'floor: lit + @lit/context + reconnecting-websocket',
    source: "export * from 'lit'; export * from 'lit/decorators.js'; export * from '@lit/context';\n"
      + "export { default as ReconnectingWebSocket } from 'reconnecting-websocket';",
  },
  lit: { label: 'lit 3.3.3 alone', source: "export * from 'lit';" },
};

export const size = {
  name: 'size',
  title: 'Bundle size (esbuild --bundle --minify --format=esm, then gzip -9; brotli beside it)',
  /** @param {{ build: import('./lib/build.mjs').DropInBuild }} context */
  async run({ build }) {
    const dropIn = await measureDropIn(build);
    const peers = {
      deepChat: compressed(await bundled({ source: PEERS.deepChat.source })),
      floor: compressed(await bundled({ source: PEERS.floor.source })),
      lit: compressed(await bundled({ source: PEERS.lit.source })),
    };
    const elements = {};
    for (const name of ELEMENTS) {
      const entry = `components/${name}/${name}.ts`;
      elements[name] = {
        alone: compressed(await bundled({ entry })),
        ownCode: compressed(await bundled({ entry, external: RUNTIME })),
      };
    }
    return { dropIn, peers, elements, budgets: BUDGETS };
  },

  table({ dropIn, peers, elements }) {
    const row = (label, size, note = '') => [label, formatBytes(size.min), formatBytes(size.gzip), formatBytes(size.brotli), note];
    const ratio = (a, b) => `${(a / b).toFixed(1)}×`;
    const later = dropIn.files.filter((file) => !file.firstLoad);
    const main = [
      row('**chatwoot-elements drop-in, all-in**', dropIn.allIn,
        `enforced ${formatKB(BUDGETS.allIn.limit)} (goal ${formatKB(BUDGETS.allIn.goal)} not met yet), one locale counted, aim ${formatKB(BUDGETS.allIn.aim)}; deep-chat is ${ratio(peers.deepChat.gzip, dropIn.allIn.gzip)} bigger`),
      row('**chatwoot-elements, first load** (before the launcher shows)', dropIn.firstLoad,
        `budget ${formatKB(BUDGETS.firstLoad.limit)}, aim ${formatKB(BUDGETS.firstLoad.aim)}; ${dropIn.firstLoadFiles.length} file, as served; ${ratio(dropIn.firstLoad.gzip, peers.floor.gzip)} the floor`),
      ...later.map((file) => row(`later: ${withoutHash(file.file)}`, file,
        file.file.includes('session') ? 'on opening (new visitor) or at once (returning visitor)'
          : file.file.includes('parts') ? 'on first opening'
            : file.file.includes('notification-sound') ? 'only with notify-sound' : 'only for that language')),
      row(PEERS.deepChat.label, peers.deepChat, `${ratio(peers.deepChat.gzip, dropIn.allIn.gzip)} our all-in`),
      row(PEERS.floor.label, peers.floor, 'what any Lit kit on this transport starts from'),
      row(PEERS.lit.label, peers.lit),
    ];
    const perElement = ELEMENTS.map((name) => [
      `components/${name}/${name}.ts`, formatBytes(elements[name].alone.gzip), formatBytes(elements[name].ownCode.gzip),
      formatBytes(elements[name].ownCode.brotli),
    ]);
    return [
      markdownTable(['subject', 'min bytes', 'gzip -9', 'brotli', 'note'], main, ['l', 'r', 'r', 'r', 'l']),
      '',
      'Each element\'s module on its own (bundled with everything it imports, dynamic imports included):',
      '',
      markdownTable(['module', 'gzip -9, with lit', 'gzip -9, own code (lit, @lit/context, reconnecting-websocket external)', 'brotli, own code'], perElement),
    ].join('\n');
  },
};
