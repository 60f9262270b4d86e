// The Svelte example (examples/svelte) in Chromium against the stand-in: see helpers.mjs.
import { describeExample } from './helpers.mjs';

describeExample('svelte', 'Svelte');
