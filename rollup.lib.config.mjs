// The npm library build (`dist/lib/`): one ES module per element plus `index` (every element) and `services`
// (no DOM, no element registration), for apps that bundle the kit themselves. Dependencies stay external so
// the app's bundler dedupes Lit; nothing is minified (the app's bundler does that). Shared code goes into
// chunks that register no element, so package.json's `sideEffects` can list the entry files only.
// Declarations come from `tsc -p tsconfig.build.json` (TS 7 has no JS API for a rollup plugin).
import { rmSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { minifyHtmlTemplates } from './scripts/minify-html-templates.mjs';

export const LIBRARY_ENTRIES = {
  index: 'components/index.ts',
  chat: 'components/chat/chat.ts',
  launcher: 'components/launcher/launcher.ts',
  'message-list': 'components/message-list/message-list.ts',
  message: 'components/message/message.ts',
  composer: 'components/composer/composer.ts',
  'contact-form': 'components/contact-form/contact-form.ts',
  widget: 'components/widget/widget.ts',
  services: 'services/index.ts',
};

/** The runtime dependencies (package.json `dependencies`), with their subpaths such as `lit/decorators.js`. */
const EXTERNAL = /^(lit|@lit\/[^/]+|@lit-labs\/[^/]+|reconnecting-websocket)(\/|$)/;

const OUTPUT = 'dist/lib';

/** Empties the output folder first: a file left from an earlier build would be published. */
function cleanOutput() {
  return { name: 'clean-output', renderStart: ({ dir }) => rmSync(dir, { recursive: true, force: true }) };
}

export default {
  input: LIBRARY_ENTRIES,
  external: (id) => EXTERNAL.test(id),
  // an element module stays in its entry file, which others import (the widget imports chat and launcher):
  // so each registration is in a file that `sideEffects` names, never in a shared chunk
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: OUTPUT,
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    // no bare `import './shared/x.js'` lines for load order: bundlers warn about them, as the chunks are
    // declared free of side effects
    hoistTransitiveImports: false,
    chunkFileNames: (chunk) => (/[\\/]locales[\\/]/.test(chunk.facadeModuleId ?? '') ? 'locales/[name]-[hash].js' : 'shared/[name]-[hash].js'),
  },
  // the templates' indentation would be a text node in every rendered copy: dropped here too
  plugins: [cleanOutput(), esbuild({ tsconfig: './tsconfig.json', target: 'es2022' }), minifyHtmlTemplates()],
};
