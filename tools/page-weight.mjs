// What a page of dist/ sends before its first run: its HTML and every asset
// it references, but the code editor and the program text's wasm module
// (loaded after the first run, or first for a link with a text), the GIF
// encoder (loaded to make a GIF) and the spawn_local lane (loaded when the
// comparison is on), gzipped
// at level 9 as the budget counts it. build-dist.mjs prints it; the
// benchmarks report it.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/**
 * @param {URL} dist the dist/ directory
 * @param {string} page 'index.html' or 'embed.html'
 * @returns {Promise<{raw: number, gzipped: number, files: string[]}>}
 */
export async function pageWeight(dist, page) {
  const html = await readFile(new URL(page, dist), 'utf8');
  const assets = [...html.matchAll(/"(assets\/[^"]+)"/g)].map((m) => m[1]).filter((f) => !/^assets\/(editor|text|gif|spawn-local(-realm)?)-/.test(f));
  const files = [page, ...new Set(assets)];
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const bytes = await readFile(new URL(file, dist));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzipped, files };
}
