// The Vue example (examples/vue) in Chromium against the stand-in: see helpers.mjs.
import { describeExample } from './helpers.mjs';

describeExample('vue', 'Vue');
