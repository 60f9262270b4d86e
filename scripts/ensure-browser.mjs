// Finds a Chrome or Chromium for the browser tests; installs Debian's chromium when none is found
// and apt-get can be used as root. Returns the executable's path.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

function findBrowser() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

function canUseApt() {
  return process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
}

function aptInstallChromium() {
  process.stderr.write('No Chrome or Chromium found: installing Debian\'s chromium with apt-get…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const options = { stdio: ['ignore', process.stderr, process.stderr], env };
  return spawnSync('apt-get', ['update'], options).status === 0
    && spawnSync('apt-get', ['install', '-y', 'chromium'], options).status === 0;
}

export function ensureBrowser() {
  let path = findBrowser();
  if (!path && !process.env.CHROME_PATH && canUseApt() && aptInstallChromium()) path = findBrowser();
  if (!path) {
    process.stderr.write(
      'The browser tests need Chrome or Chromium: install Debian\'s "chromium" package (apt-get install chromium) '
        + 'or set CHROME_PATH to the executable of an installed Chrome or Chromium.\n',
    );
    process.exit(1);
  }
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${ensureBrowser()}\n`);
