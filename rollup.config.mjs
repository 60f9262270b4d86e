// dist/chatwoot-elements.js (everything, lit bundled), dist/services.js (the service layer alone) and the
// demo's scripts under dist/demo/. TypeScript goes through esbuild (TS 7 has no JS API for rollup plugins).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';

export default {
  input: {
    'chatwoot-elements': 'components/chatwoot-elements.ts',
    services: 'services/index.ts',
    'demo/services-demo': 'demo/services-demo.ts',
    'demo/agent-console': 'demo/agent-console.ts',
    'demo/index-page': 'demo/index-page.ts',
    'demo/bespoke-page': 'demo/bespoke-page.ts',
  },
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    esbuild({ tsconfig: './tsconfig.json', target: 'es2022' }),
    terser({ module: true, ecma: 2022, format: { comments: false } }),
  ],
};
