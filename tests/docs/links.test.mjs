// Every relative link and picture in the README and docs/ names a file of
// the repository that is committed, not one a build or a test run makes
// (the README once linked its screenshots under tests/artifacts/, which is
// ignored: a reader of the repository saw broken links).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The files git tracks, or will once added (not ignored). */
const tracked = new Set(execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n').filter(Boolean));

test('relative links in the README and docs/ name committed files', async () => {
  const pages = ['README.md', ...(await readdir(join(ROOT, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const broken = [];
  let checked = 0;
  for (const page of pages) {
    const text = await readFile(join(ROOT, page), 'utf8');
    // [text](target) and ![alt](target), outside code; the target up to a space, `)` or `#`.
    const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
    for (const [, target] of prose.matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      checked += 1;
      const file = normalize(join(dirname(page), target)).replace(/\/$/, '');
      const exists = tracked.has(file) || [...tracked].some((f) => f.startsWith(`${file}/`));
      if (!exists) broken.push(`${page}: ${target}`);
    }
  }
  assert.ok(checked > 10, `only ${checked} links found: is the pattern right?`);
  assert.deepEqual(broken, []);
});
