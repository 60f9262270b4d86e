process.chdir('/work/main');
import { rollup } from 'rollup';
import { transformSync } from 'esbuild';
import { gzipSync } from 'node:zlib';
const configs = (await import('/work/main/rollup.config.mjs')).default;
const config = configs.find((c) => 'chatwoot-elements' in c.input);
const bundle = await rollup({ ...config, onwarn(){} });
const { output } = await bundle.generate({ ...config.output });
const rows = []; const byDir = {};
for (const item of output) {
  if (item.type !== 'chunk' || /locales|\/(ar|de|es|fr|he|it|ja|nl|pl|pt|ru|tr|zh)-/.test(item.fileName)) continue;
  for (const [id, m] of Object.entries(item.modules)) {
    if (!m.code) continue;
    const min = transformSync(m.code, { minify: true, loader: 'js' }).code;
    const gz = gzipSync(min, { level: 9 }).length;
    const name = id.replace('/work/main/', '').replace('node_modules/', 'nm:');
    rows.push([gz, min.length, name, item.fileName.slice(0, 12)]);
    const dir = name.split('/').slice(0, 2).join('/');
    byDir[dir] = (byDir[dir] ?? 0) + gz;
  }
}
rows.sort((a, b) => b[0] - a[0]);
console.log('sum gz', rows.reduce((s, r) => s + r[0], 0));
for (const r of rows.slice(0, 50)) console.log(String(r[0]).padStart(6), String(r[1]).padStart(7), r[3].padEnd(13), r[2]);
console.log(Object.entries(byDir).sort((a, b) => b[1] - a[1]));
