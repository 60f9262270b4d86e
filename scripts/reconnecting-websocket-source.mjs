// A rollup plugin (the web test runner takes it through @web/dev-server-rollup's `fromRollup`): reconnecting-websocket
// from the TypeScript source its package ships, compiled like our own code for ES2022, rather than its ES5 build
// (prototype getters through Object.defineProperty, a class helper): the same code, about 1 KB less gzipped. The
// drop-in's build and the browser tests both use it, so the tests run the code the drop-in ships.
import { fileURLToPath } from 'node:url';

export const RECONNECTING_WEBSOCKET = fileURLToPath(new URL('../node_modules/reconnecting-websocket/', import.meta.url));

export function reconnectingWebSocketSource() {
  return {
    name: 'reconnecting-websocket-source',
    resolveId(source, importer) {
      if (source === 'reconnecting-websocket') return `${RECONNECTING_WEBSOCKET}reconnecting-websocket.ts`;
      if (source === './events' && importer?.startsWith(RECONNECTING_WEBSOCKET)) return `${RECONNECTING_WEBSOCKET}events.ts`;
      return null;
    },
  };
}
