// Sizes measured one way for every subject: esbuild `--bundle --minify --format=esm` (as in
// the peers survey), then `gzip -9` and brotli quality 11 of the result.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT } from './build.mjs';

/** The `gzip` program when there is one (as the peers survey was measured; `-n` keeps no name or time), else zlib. */
function gzipSize(bytes) {
  try {
    return execFileSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 64 * 1024 * 1024 }).length;
  } catch {
    return gzipSync(bytes, { level: 9 }).length;
  }
}

/** @typedef {{ min: number, gzip: number, brotli: number }} Size */

/** @param {Uint8Array} bytes @returns {Size} */
export function compressed(bytes) {
  return {
    min: bytes.length,
    gzip: gzipSize(bytes),
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/** Files served one by one (each compressed on its own), added up. @param {Uint8Array[]} files @returns {Size} */
export function served(files) {
  return files.map(compressed).reduce((sum, size) => ({
    min: sum.min + size.min, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli,
  }), { min: 0, gzip: 0, brotli: 0 });
}

/**
 * One esbuild bundle in one file (dynamic imports included), from a file or from module source.
 * @param {{ entry?: string, source?: string, external?: string[] }} subject
 * @returns {Promise<Uint8Array>}
 */
export async function bundled({ entry, source, external = [], plugins = [] }) {
  const result = await build({
    ...(entry ? { entryPoints: [entry] } : { stdin: { contents: source, resolveDir: ROOT, loader: 'ts' } }),
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external,
    plugins,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

/** Kilobytes as the budgets count them: 1 KB = 1,000 bytes. */
export const KB = 1000;
export const formatBytes = (bytes) => bytes.toLocaleString('en-US');
export const formatKB = (bytes) => `${Number((bytes / KB).toFixed(1))} KB`;
