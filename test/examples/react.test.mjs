// The React example (examples/react) in Chromium against the stand-in: see helpers.mjs.
import { describeExample } from './helpers.mjs';

describeExample('react', 'React');
