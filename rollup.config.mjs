// Two builds into dist/:
// 1. the drop-in dist/chatwoot-elements.js (lit bundled) with the chunks it loads later: `session` (the
//    service layer, on opening or at once for a returning visitor) and `parts` (panel, list, composer, form,
//    markdown, attachments: on first opening). Built alone so no chunk is shared with the demo.
// 2. dist/services.js (the service layer alone) and the demo's scripts under dist/demo/.
// TypeScript goes through esbuild (TS 7 has no JS API for rollup plugins).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { transformSync } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { minifyHtmlTemplates } from './scripts/minify-html-templates.mjs';
import { reconnectingWebSocketSource } from './scripts/reconnecting-websocket-source.mjs';

/** A Lit `css` template with no `${…}`, backtick or backslash inside: safe to minify as plain CSS. */
const CSS_TEMPLATE = /\bcss`([^`$\\]*)`/g;

/**
 * Minifies the CSS in the components' `css` templates (terser leaves template text alone). Done when the
 * file is loaded, so the source maps point at the loaded text, whose CSS is minified.
 */
function minifyCssTemplates() {
  return {
    name: 'minify-css-templates',
    async load(id) {
      if (!/[\\/]components[\\/].*\.ts$/.test(id)) return null;
      const source = await readFile(id, 'utf8');
      if (!source.includes('css`')) return null;
      return source.replace(CSS_TEMPLATE, (_, text) => {
        const { code, warnings } = transformSync(text, { loader: 'css', minify: true });
        for (const warning of warnings) this.warn(`${id}: ${warning.text}`);
        return `css\`${code.trim()}\``;
      });
    },
  };
}

const plugins = () => [
  minifyCssTemplates(),
  reconnectingWebSocketSource(),
  nodeResolve({ browser: true, exportConditions: ['production'] }),
  esbuild({ tsconfig: './tsconfig.json', target: 'es2022', exclude: /node_modules[\\/](?!reconnecting-websocket[\\/])/ }),
  minifyHtmlTemplates(),
  // reconnecting-websocket's `_debug` calls log only with its `debug` option, which the kit never sets
  terser({ module: true, ecma: 2022, format: { comments: false }, compress: { pure_funcs: ['this._debug'] } }),
];

const output = {
  dir: 'dist',
  format: 'es',
  sourcemap: true,
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
};

/** Everything the entry needs before the launcher shows, by module id. */
function firstLoadOf(entryId, getModuleInfo) {
  const reached = new Set();
  const visit = (id) => {
    if (reached.has(id)) return;
    reached.add(id);
    for (const imported of getModuleInfo(id)?.importedIds ?? []) visit(imported);
  };
  visit(entryId);
  return reached;
}

/** What `<cw-chat>` loads to start a session (the rest of what loads later is the panel's code). */
const SESSION_CODE = /[\\/](services|reconnecting-websocket)[\\/]|[\\/](session-code|page-lifecycle)\.ts$/;
/** Loaded on its own, only by a page that asks for it (`notify-sound`, a locale other than English). */
const OWN_CHUNK = /[\\/]notification-sound\.ts$|[\\/]shared[\\/]locales[\\/]/;

/** Groups what loads later into two chunks, so opening the chat costs two requests rather than ten. */
function laterChunks() {
  let firstLoad;
  let graph; // one build's module graph: the first load is worked out once per build
  return (id, { getModuleInfo, getModuleIds }) => {
    if (graph !== getModuleInfo) {
      graph = getModuleInfo;
      firstLoad = firstLoadOf([...getModuleIds()].find((moduleId) => getModuleInfo(moduleId).isEntry), getModuleInfo);
    }
    if (firstLoad.has(id) || OWN_CHUNK.test(id)) return undefined;
    return SESSION_CODE.test(id) ? 'session' : 'parts';
  };
}

export default [
  {
    input: { 'chatwoot-elements': 'components/chatwoot-elements.ts' },
    output: { ...output, manualChunks: laterChunks(), onlyExplicitManualChunks: true },
    // the later chunks import lit and the shared code from the entry itself, rather than from a third file
    preserveEntrySignatures: 'allow-extension',
    plugins: plugins(),
  },
  {
    input: {
      services: 'services/index.ts',
      'demo/services-demo': 'demo/services-demo.ts',
      'demo/agent-console': 'demo/agent-console.ts',
      'demo/index-page': 'demo/index-page.ts',
      'demo/bespoke-page': 'demo/bespoke-page.ts',
    },
    output,
    plugins: plugins(),
  },
];
