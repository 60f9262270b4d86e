// Custom Elements Manifest (`cem analyze`): the elements' API read from their JSDoc and Lit decorators, into
// ./custom-elements.json (package.json's `customElements` field; Storybook's autodocs read it too).
import { readFileSync } from 'node:fs';
import { buildSync } from 'esbuild';

/** Parts an element passes on from the elements inside it (`exportparts`), as `inner part → outer name`. */
function exportedParts() {
  const list = readFileSync('components/message-list/message-list.ts', 'utf8').match(/const MESSAGE_PARTS = '([^']*)'/);
  const { outputFiles } = buildSync({ entryPoints: ['components/widget/panel-names.ts'], bundle: true, format: 'cjs', write: false });
  const module = { exports: {} };
  new Function('module', 'exports', outputFiles[0].text)(module, module.exports);
  const pairs = (text) => text.split(',').map((pair) => pair.split(':').map((name) => name.trim())).map(([inner, outer]) => [inner, outer ?? inner]);
  const names = module.exports.EXPORTED_PARTS;
  return {
    'cw-message-list': [['cw-message', pairs(list?.[1] ?? '')]],
    'cw-widget': [
      ['cw-launcher', pairs(names.launcher)], ['cw-message-list', pairs(names.messageList)],
      ['cw-composer', pairs(names.composer)], ['cw-contact-form', pairs(names.contactForm)],
    ],
  };
}

/** Lists each exported part on the outer element, described by the inner element's own description of it. */
function exportedPartsPlugin() {
  return {
    name: 'cw-exported-parts',
    packageLinkPhase({ customElementsManifest }) {
      const elements = new Map(customElementsManifest.modules.flatMap((module) => module.declarations ?? [])
        .filter((declaration) => declaration.customElement).map((declaration) => [declaration.tagName, declaration]));
      // inner elements first: the widget passes on parts that the message list passes on from cw-message
      for (const [tag, sources] of Object.entries(exportedParts())) {
        const element = elements.get(tag);
        element.cssParts ??= [];
        for (const [innerTag, pairs] of sources) {
          const inner = elements.get(innerTag)?.cssParts ?? [];
          for (const [innerName, outerName] of pairs) {
            if (element.cssParts.some((part) => part.name === outerName)) continue;
            const source = inner.find((part) => part.name === innerName);
            element.cssParts.push({ name: outerName, description: `\`${innerName}\` of the inner \`${innerTag}\`: ${source?.description ?? ''}`.trim() });
          }
        }
      }
    },
  };
}

/** Keeps the public API only: element modules, named by the file the package publishes; public members. */
function publishedModulesPlugin() {
  return {
    name: 'cw-published-modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules = customElementsManifest.modules.filter((module) =>
        module.declarations?.some((declaration) => declaration.customElement));
      for (const module of customElementsManifest.modules) {
        const published = module.path.replace(/^components\/([\w-]+)\/\1\.ts$/, 'dist/lib/$1.js');
        for (const declaration of module.declarations) {
          declaration.members = declaration.members?.filter((member) => member.privacy === undefined
            && !member.name.startsWith('#') && !(member.static && member.name === 'shadowRootOptions'));
        }
        for (const entry of module.exports ?? []) {
          if (entry.declaration?.module === module.path) entry.declaration.module = published;
        }
        module.path = published;
      }
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.styles.ts', '**/*.test.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // the analyzer would otherwise write the `customElements` field into package.json itself
  packagejson: false,
  plugins: [exportedPartsPlugin(), publishedModulesPlugin()],
};
