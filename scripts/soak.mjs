// `npm run test:soak`: the long reliability runs through web-test-runner, with the stand-in as in `npm test`:
// the B1 chaos test over 20 seeds (N = 200 at 5/s, 10 kills), 100 drop cycles for A9/A10, the 180 s refusal
// for A3 and the B8 soak. The tests read these settings from test/reliability/mode.ts, which this runner
// serves from the environment:
//   CW_RELIABILITY_SEEDS    chaos seeds, "1-20" (default) or "3,7,11"
//   CW_RELIABILITY_MINUTES  length of the B8 soak in minutes (default 10; the nightly bar is 120)
//   CW_RELIABILITY_FILES    which of them, e.g. "chaos" to repeat a chaos seed (default chaos,connection,long-run)
import { startTestRunner } from '@web/test-runner';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureBrowser } from './ensure-browser.mjs';

function seedsFrom(text = '1-20') {
  return text.split(',').flatMap((part) => {
    const [from, to = from] = part.split('-').map(Number);
    return Array.from({ length: to - from + 1 }, (_, index) => from + index);
  }).filter(Number.isInteger);
}

ensureDeps();
process.env.CHROME_PATH = ensureBrowser();
const { default: base } = await import('../web-test-runner.config.mjs');
const mode = { soak: true, seeds: seedsFrom(process.env.CW_RELIABILITY_SEEDS), minutes: Number(process.env.CW_RELIABILITY_MINUTES ?? 10) };
process.stdout.write(`soak: chaos seeds ${mode.seeds.join(', ')}; B8 for ${mode.minutes} min\n`);

const FILES = {
  chaos: 'test/reliability/chaos.test.ts',
  connection: 'test/reliability/connection.test.ts',
  'long-run': 'test/reliability/long-run.soak.ts',
};

const modePlugin = {
  name: 'reliability-mode',
  serve(context) {
    if (context.path === '/test/reliability/mode.ts') return { body: `export const mode = ${JSON.stringify(mode)};\n`, type: 'js' };
    return undefined;
  },
};

await startTestRunner({
  readCliArgs: false,
  readFileConfig: false,
  config: {
    ...base,
    files: (process.env.CW_RELIABILITY_FILES ?? 'chaos,connection,long-run').split(',').map((name) => FILES[name.trim()]).filter(Boolean),
    plugins: [modePlugin, ...base.plugins],
    testFramework: { config: { timeout: 10 * 60_000 } },
    testsFinishTimeout: (mode.minutes + 120) * 60_000,
  },
});
