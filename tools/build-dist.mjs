// The production site: dist/ with content-hashed, minified assets that any
// static host can serve. Bundles web/ (after `just build` made web/pkg); the
// code editor (web/pkg/editor.js, already one minified module) is copied
// under a hashed name, loaded after the first run, and counted apart.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const WEB = new URL('../web/', import.meta.url);
const DIST = new URL('../dist/', import.meta.url);

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

async function emit(name, ext, bytes) {
  const file = `assets/${name}-${hash(bytes)}.${ext}`;
  await writeFile(new URL(file, DIST), bytes);
  return file;
}

await rm(DIST, { recursive: true, force: true });
await mkdir(new URL('assets/', DIST), { recursive: true });

const js = await build({
  entryPoints: [new URL('main.js', WEB).pathname],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  write: false,
  legalComments: 'none',
});
const css = await build({
  entryPoints: [new URL('style.css', WEB).pathname],
  bundle: true,
  minify: true,
  write: false,
});
const files = {
  'main.js': await emit('main', 'js', js.outputFiles[0].contents),
  'style.css': await emit('style', 'css', css.outputFiles[0].contents),
  'pkg/playground_bg.wasm': await emit('playground', 'wasm', await readFile(new URL('pkg/playground_bg.wasm', WEB))),
  'pkg/editor.js': await emit('editor', 'js', await readFile(new URL('pkg/editor.js', WEB))),
};

let html = await readFile(new URL('index.html', WEB), 'utf8');
for (const [from, to] of Object.entries(files)) {
  const before = html;
  html = html.replace(`"${from}"`, `"${to}"`);
  if (html === before) throw new Error(`index.html does not reference ${from}`);
}
html = html.replace(/\n\s+/g, '\n');
await writeFile(new URL('index.html', DIST), html);

// Sizes, for the README and the benchmarks: the page until its first run,
// then the editor it loads after.
const row = (name, raw, gz) => `  ${name.padEnd(36)} ${String(raw).padStart(8)} B ${String(gz).padStart(8)} B gzipped`;
const totals = { page: [0, 0], editor: [0, 0] };
const rows = [];
for (const file of ['index.html', ...(await readdir(new URL('assets/', DIST))).map((f) => `assets/${f}`)]) {
  const bytes = await readFile(new URL(file, DIST));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const part = file === files['pkg/editor.js'] ? totals.editor : totals.page;
  part[0] += bytes.length;
  part[1] += gz;
  rows.push(row(file, bytes.length, gz));
}
console.log(`dist/:\n${rows.join('\n')}`);
console.log(row('before the editor (first run)', ...totals.page));
console.log(row('the editor (after the first run)', ...totals.editor));
console.log(row('total', totals.page[0] + totals.editor[0], totals.page[1] + totals.editor[1]));
