// Storybook 10 with Vite 8 (TOOLCHAIN.md §6). The decorators are TypeScript's experimental ones
// (tsconfig.json), which Vite's transform handles. The Custom Elements Manifest that preview.ts reads is
// generated here, from the current sources, each time Storybook starts or builds.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(join(root, 'node_modules', '.bin', 'cem'), ['analyze', '--quiet'], { cwd: root, stdio: 'inherit' });

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|js)'],
  // autodocs: a Docs page per element, its API tables filled from the manifest (preview.ts)
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // the picture the stories' messages show, served from the demo's files
  staticDirs: [{ from: '../demo', to: '/demo' }],
};
export default config;
