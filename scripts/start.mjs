// `npm start [-- --port N]`: installs what is missing, builds, starts the stand-in Chatwoot with the demo
// pages, and prints the URL.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const portArgument = process.argv.indexOf('--port');
const wanted = Number(portArgument > 0 ? process.argv[portArgument + 1] : process.env.PORT ?? 4000);

ensureDeps();
process.stdout.write('Building…\n');
const build = spawnSync(`${root}node_modules/.bin/rollup`, ['-c', 'rollup.config.mjs', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { startStandIn } = await import('../server/index.js');
const staticDirs = [`${root}demo`, `${root}dist`];
let standIn;
try {
  standIn = await startStandIn({ host: '127.0.0.1', port: wanted, staticDirs });
} catch (error) {
  if (error?.code !== 'EADDRINUSE') throw error;
  standIn = await startStandIn({ host: '127.0.0.1', port: 0, staticDirs });
}
const { url } = standIn.info;
process.stdout.write(`\nchatwoot-elements demo running against the stand-in Chatwoot:\n\n  ${url}/\n\n`);
process.stdout.write(`Stand-in details: ${JSON.stringify(standIn.info)}\nPress Ctrl+C to stop.\n`);
const stop = async () => {
  await standIn.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
