// Builds the drop-in exactly as `npm run build` does (the first config of rollup.config.mjs), into any
// directory, and describes the files it wrote: which file imports which, statically or on demand.
import { rollup } from 'rollup';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ENTRY = 'chatwoot-elements.js';

/**
 * @typedef {{ fileName: string, code: Buffer, imports: string[], dynamicImports: string[],
 *   modules: { id: string, renderedLength: number }[] }} BuiltFile
 * @typedef {{ dir: string, files: Map<string, BuiltFile> }} DropInBuild
 */

/** @param {string} outDir @returns {Promise<DropInBuild>} */
export async function buildDropIn(outDir) {
  process.chdir(ROOT); // the config's paths (inputs, tsconfig) are relative to the project
  const configs = (await import(pathToFileURL(resolve(ROOT, 'rollup.config.mjs')).href)).default;
  const config = configs.find((candidate) => 'chatwoot-elements' in candidate.input);
  const bundle = await rollup({ ...config, onwarn: (warning) => { throw new Error(warning.message); } });
  try {
    const { output } = await bundle.write({ ...config.output, dir: outDir });
    const files = new Map();
    for (const item of output) {
      if (item.type !== 'chunk') continue;
      const modules = Object.entries(item.modules).map(([id, info]) => ({ id, renderedLength: info.renderedLength }));
      files.set(item.fileName, {
        fileName: item.fileName, imports: item.imports, dynamicImports: item.dynamicImports, modules,
        code: await readFile(join(outDir, item.fileName)), // byte for byte what a browser downloads
      });
    }
    return { dir: outDir, files };
  } finally {
    await bundle.close();
  }
}

/** `chunks/parts-a1B2c3D4.js` → `chunks/parts.js` (rollup's hash is 8 characters). */
export function withoutHash(path) {
  return path.replace(/((?:^|\/)chunks\/.+)-[\w-]{8}\.js$/, '$1.js');
}

/** The files a page fetches before anything runs: `start` and everything it imports statically. */
export function staticClosure(build, start = ENTRY) {
  const reached = new Set();
  const visit = (name) => {
    if (reached.has(name)) return;
    reached.add(name);
    for (const imported of build.files.get(name)?.imports ?? []) visit(imported);
  };
  visit(start);
  return [...reached].map((name) => build.files.get(name));
}

/** Every file the drop-in can ever load, static or on demand. */
export function everything(build, start = ENTRY) {
  const reached = new Set();
  const visit = (name) => {
    if (reached.has(name)) return;
    reached.add(name);
    const file = build.files.get(name);
    for (const imported of [...(file?.imports ?? []), ...(file?.dynamicImports ?? [])]) visit(imported);
  };
  visit(start);
  return [...reached].map((name) => build.files.get(name));
}
