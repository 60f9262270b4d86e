// Builds each example app with esbuild into examples/<name>/dist/app.js (git-ignored), importing the
// package by its name as an app would: inside this repository that name resolves to the repository itself,
// so run `npm run build:lib` first. `node examples/build.mjs [folder]` builds the examples in another folder
// (the tests copy them next to a scratch install of the package).
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { compile } from 'svelte/compiler';

const here = dirname(fileURLToPath(import.meta.url));

/** Each example's entry module, by folder. */
export const EXAMPLES = { react: 'app.tsx', vue: 'app.ts', svelte: 'main.js' };

/** Compiles `.svelte` files with Svelte 5's compiler (client output, styles injected by the component). */
function sveltePlugin() {
  return {
    name: 'svelte',
    setup(builder) {
      builder.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
        const { js, warnings } = compile(await readFile(path, 'utf8'), { filename: path, generate: 'client', css: 'injected' });
        return { contents: js.code, loader: 'js', resolveDir: dirname(path), warnings: warnings.map((warning) => ({ text: warning.message })) };
      });
    },
  };
}

/** Builds the example `name` found in `folder`; returns the path of the bundle. */
export async function buildExample(name, folder = here) {
  const outfile = join(folder, name, 'dist', 'app.js');
  await build({
    entryPoints: [join(folder, name, EXAMPLES[name])],
    outfile,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    sourcemap: true,
    minify: true,
    jsx: 'automatic',
    logLevel: 'warning',
    conditions: ['svelte'],
    // Vue's full build compiles the example's template string in the browser
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [sveltePlugin()],
  });
  return outfile;
}

/** Builds every example in `folder`. */
export async function buildExamples(folder = here) {
  const built = [];
  for (const name of Object.keys(EXAMPLES)) built.push(await buildExample(name, folder));
  return built;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of await buildExamples(process.argv[2] ?? here)) process.stdout.write(`built ${relative(process.cwd(), file)}\n`);
}
