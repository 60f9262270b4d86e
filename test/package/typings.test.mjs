// The typings an app gets: the package's declarations (tsconfig.build.json) and its framework typings
// (types/jsx.d.ts for React 19, types/vue.d.ts for Vue) in a scratch install, and TypeScript run over the
// React and Vue examples and over typings/*.tsx, which also list (@ts-expect-error) what must not compile.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, installScratchPackage, root, run } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof installScratchPackage>>} */
let scratch;

before(async () => {
  scratch = await installScratchPackage();
  cpSync(join(root, 'types'), join(scratch.packageDir, 'types'), { recursive: true });
  run(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', join(scratch.packageDir, 'dist', 'lib', 'types')]);
  const sources = join(scratch.folder, 'src');
  mkdirSync(sources);
  cpSync(join(root, 'examples', 'react', 'app.tsx'), join(sources, 'react-app.tsx'));
  cpSync(join(root, 'examples', 'vue', 'app.ts'), join(sources, 'vue-app.ts'));
  cpSync(join(root, 'test', 'package', 'typings'), sources, { recursive: true });
  // without @types/react-dom installed, the one function the example uses
  writeFileSync(join(sources, 'react-dom-client.d.ts'), "declare module 'react-dom/client' {\n"
    + "  export function createRoot(container: Element): { render(node: import('react').ReactNode): void; unmount(): void };\n}\n");
  writeFileSync(join(scratch.folder, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], jsx: 'react-jsx',
      strict: true, noEmit: true, skipLibCheck: false, types: [],
    },
    include: ['src'],
  }));
});

after(() => scratch?.remove());

test('the React and Vue examples and the typing checks compile against the packed typings', () => {
  const result = spawnSync(bin('tsc'), ['-p', join(scratch.folder, 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});
