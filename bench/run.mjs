// `npm run bench [-- --runs N] [-- --only size,startup,scale,long-history,latency,reconnect]`: builds the drop-in as
// `npm run build` does, starts the stand-in Chatwoot and headless Chromium, runs each section, prints its table and
// writes bench/results.json (with `--only`, the sections run replace theirs and the others are kept, each with
// the date it was measured). A section is `{ name, title, run(context), table(result), details?(result) }`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, buildDropIn } from './lib/build.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { benchStandIn } from './lib/stand-in.mjs';
import { latency } from './latency.mjs';
import { longHistory } from './long-history.mjs';
import { reconnect } from './reconnect.mjs';
import { scale } from './scale-section.mjs';
import { size } from './size.mjs';
import { startup } from './startup.mjs';

const SECTIONS = [size, startup, scale, longHistory, latency, reconnect];

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, only: { type: 'string' } } });
const runs = Number(values.runs);
const only = values.only?.split(',');
const sections = SECTIONS.filter((section) => !only || only.includes(section.name));

const dir = mkdtempSync(join(tmpdir(), 'cw-bench-'));
const log = (text) => process.stderr.write(`${text}\n`);
let server;
let browser;
try {
  log(`Building the drop-in into ${dir}…`);
  const build = await buildDropIn(dir);
  server = await benchStandIn([dir]);
  const chromium = await launchChromium();
  browser = chromium.browser;
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`, node: process.version, chromium: chromium.version,
  };
  const context = { build, pagesDir: dir, server, browser, chromePath: chromium.executablePath, runs, log };
  const resultsFile = join(ROOT, 'bench', 'results.json');
  // a partial run keeps the other sections' last figures
  const kept = only && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).sections ?? {} : {};
  const results = { date: new Date().toISOString(), runs, machine, sections: kept };
  const report = [`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, `
    + `Node ${machine.node}, headless Chromium ${machine.chromium}; timed figures are medians of ${runs} runs.`];
  for (const section of sections) {
    log(`Running ${section.name}…`);
    const result = await section.run(context);
    results.sections[section.name] = { measured: new Date().toISOString(), runs, ...result };
    report.push(`\n## ${section.title}\n`, section.table(result));
    if (section.details) report.push('', section.details(result));
  }
  process.stdout.write(`${report.join('\n')}\n`);
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  log('Wrote bench/results.json');
} finally {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
}
