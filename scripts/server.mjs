// `npm run server -- --port N [--seed S] [--hmac-mandatory]`: installs what is missing, then runs the stand-in.
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();
await import('../server/main.js');
