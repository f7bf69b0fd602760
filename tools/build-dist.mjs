// The production site: dist/ with content-hashed, minified assets that any
// static host can serve. Bundles web/ (after `just build` made web/pkg): the
// page (index.html, main.js) and the embed (embed.html, embed.js), which
// share the first run's wasm, the stylesheet, and what is loaded after the
// first run and counted apart: the code editor (web/pkg/editor.js, already one
// minified module, copied under a hashed name) and the program text's wasm
// module (web/pkg/playground_text.js, minified, and its wasm); the GIF
// encoder (web/pkg/gif.js), loaded only to export a replay as a GIF; and the
// spawn_local lane's wasm module (web/pkg/playground_spawn_local.js, minified,
// its wasm, and web/lanes/spawn-local-realm.js, which loads it into its realm),
// loaded only when the comparison is turned on. The page's main.js is split
// by esbuild: the tour is a chunk loaded when it opens (assets/tour-*.js),
// and what it shares with the page a chunk (assets/chunk-*.js) preloaded.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { pageWeight } from './page-weight.mjs';

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

/**
 * @param {string} entry
 * @param {import('esbuild').BuildOptions} [more] options beside the shared ones
 */
const bundle = (entry, more = {}) => build({
  entryPoints: [new URL(entry, WEB).pathname],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  write: false,
  legalComments: 'none',
  ...more,
});
// The page's bundle is split: the tour (web/tour/tour.js, imported when it
// first opens: after the first run, unless a link opens a chapter) is a
// chunk of its own. esbuild puts what the tour shares with the page in a
// chunk both import; the page names it in a modulepreload link, so it
// loads beside main.js (and counts in the page's weight).
const pageBuild = await bundle('main.js', {
  splitting: true,
  outdir: new URL('assets/', DIST).pathname,
  entryNames: 'main',
  chunkNames: '[name]-[hash]',
  metafile: true,
});
const mainOut = new URL('assets/main.js', DIST).pathname;
const js = pageBuild.outputFiles.find((f) => f.path === mainOut);
if (!js) throw new Error('esbuild wrote no main.js');
// The chunks keep esbuild's content-hashed names: main.js imports them by those.
for (const chunk of pageBuild.outputFiles.filter((f) => f !== js)) await writeFile(chunk.path, chunk.contents);
const preloads = Object.entries(pageBuild.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith('web/main.js'))?.[1].imports
  .filter((i) => i.kind === 'import-statement').map((i) => `assets/${i.path.split('/').at(-1)}`) ?? [];
const textJs = await bundle('pkg/playground_text.js');
const embedJs = await bundle('embed.js');
const spawnLocalJs = await bundle('pkg/playground_spawn_local.js');
const realmJs = await bundle('lanes/spawn-local-realm.js');
const css = await build({
  entryPoints: [new URL('style.css', WEB).pathname],
  bundle: true,
  minify: true,
  write: false,
});
const files = {
  'main.js': await emit('main', 'js', js.contents),
  'embed.js': await emit('embed', 'js', embedJs.outputFiles[0].contents),
  'style.css': await emit('style', 'css', css.outputFiles[0].contents),
  'pkg/playground_bg.wasm': await emit('playground', 'wasm', await readFile(new URL('pkg/playground_bg.wasm', WEB))),
  'pkg/editor.js': await emit('editor', 'js', await readFile(new URL('pkg/editor.js', WEB))),
  'pkg/gif.js': await emit('gif', 'js', await readFile(new URL('pkg/gif.js', WEB))),
  'pkg/playground_text.js': await emit('text', 'js', textJs.outputFiles[0].contents),
  'pkg/playground_text_bg.wasm': await emit('text', 'wasm', await readFile(new URL('pkg/playground_text_bg.wasm', WEB))),
  'pkg/playground_spawn_local.js': await emit('spawn-local', 'js', spawnLocalJs.outputFiles[0].contents),
  'pkg/playground_spawn_local_bg.wasm': await emit('spawn-local', 'wasm', await readFile(new URL('pkg/playground_spawn_local_bg.wasm', WEB))),
  'lanes/spawn-local-realm.js': await emit('spawn-local-realm', 'js', realmJs.outputFiles[0].contents),
};

/** Each page, its assets renamed to their hashed names. */
for (const page of ['index.html', 'embed.html']) {
  let html = await readFile(new URL(page, WEB), 'utf8');
  for (const [from, to] of Object.entries(files)) {
    html = html.replace(`"${from}"`, `"${to}"`);
  }
  if (page === 'index.html') {
    const script = `<script type="module" src="${files['main.js']}"></script>`;
    if (!html.includes(script)) throw new Error('index.html has no main.js script to preload its chunks beside');
    html = html.replace(script, [...preloads.map((href) => `<link rel="modulepreload" href="${href}">`), script].join('\n'));
  }
  for (const [, from] of html.matchAll(/(?:src|href|content)="((?!assets\/|data:|#)[^"]+\.(?:js|css|wasm))"/g)) {
    throw new Error(`${page} references ${from}, which is not built`);
  }
  await writeFile(new URL(page, DIST), html.replace(/\n\s+/g, '\n'));
}

// Sizes, for the README and the benchmarks: each file; each page until its
// first run (its HTML and what it references, but the editor and the text
// module); the editor; the text module.
const row = (name, raw, gz) => `  ${name.padEnd(36)} ${String(raw).padStart(8)} B ${String(gz).padStart(8)} B gzipped`;
/** @type {Map<string, [number, number]>} */
const sizes = new Map();
for (const file of ['index.html', 'embed.html', ...(await readdir(new URL('assets/', DIST))).map((f) => `assets/${f}`)]) {
  const bytes = await readFile(new URL(file, DIST));
  sizes.set(file, [bytes.length, gzipSync(bytes, { level: 9 }).length]);
}
console.log(`dist/:\n${[...sizes].map(([file, [raw, gz]]) => row(file, raw, gz)).join('\n')}`);
for (const page of ['index.html', 'embed.html']) {
  const { raw, gzipped } = await pageWeight(DIST, page);
  console.log(row(`${page} before its first run`, raw, gzipped));
}
console.log(row('the editor (after the first run)', ...sizes.get(files['pkg/editor.js'])));
const [textRaw, textGz] = ['pkg/playground_text.js', 'pkg/playground_text_bg.wasm']
  .map((f) => sizes.get(files[f])).reduce(([r, g], [r2, g2]) => [r + r2, g + g2], [0, 0]);
console.log(row('the text module (with the editor)', textRaw, textGz));
const [slRaw, slGz] = ['pkg/playground_spawn_local.js', 'pkg/playground_spawn_local_bg.wasm', 'lanes/spawn-local-realm.js']
  .map((f) => sizes.get(files[f])).reduce(([r, g], [r2, g2]) => [r + r2, g + g2], [0, 0]);
console.log(row('the spawn_local lane (when compared)', slRaw, slGz));
