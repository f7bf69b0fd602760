// The dev server under hostile requests: it never serves a byte from outside
// its root, answers bad input with 4xx, and is still up afterwards. Requests
// go over raw sockets, so that no client normalises `..` or escapes first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP, EMBED_CSP, serve } from '../../tools/serve.mjs';

const SECRET = 'SECRET-0f9e8d7c-must-never-be-served';
const INDEX = '<!doctype html><title>root index</title>';
const WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const TIMEOUT = 5000; // ms for any one request
const CLI = fileURLToPath(new URL('../../tools/serve.mjs', import.meta.url));

// tmp/secret.txt (outside the root) and tmp/root/ with index.html, x.wasm,
// sub/index.html, leak.txt -> ../secret.txt, out -> .. (a directory outside),
// alias.html -> index.html (a symlink that stays inside, and must work).
let tmp, root, server, port;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'serve-test-'));
  root = join(tmp, 'root');
  await mkdir(join(root, 'sub'), { recursive: true });
  await writeFile(join(tmp, 'secret.txt'), SECRET);
  await writeFile(join(root, 'index.html'), INDEX);
  await writeFile(join(root, 'x.wasm'), WASM);
  await writeFile(join(root, 'sub', 'index.html'), 'sub index');
  await writeFile(join(root, 'embed.html'), '<!doctype html><title>embed</title>');
  await symlink(join(tmp, 'secret.txt'), join(root, 'leak.txt'));
  await symlink(tmp, join(root, 'out'));
  await symlink('index.html', join(root, 'alias.html'));
  server = await serve(root, { port: 0 });
  port = server.address().port;
});

after(async () => {
  await new Promise((done) => server.close(done));
  await rm(tmp, { recursive: true, force: true });
});

/** Sends `line` as the request line, exactly as given; resolves to
 * {status, headers, body, text} (status 0 if the server sent nothing). */
function raw(line, at = port) {
  return new Promise((ok) => {
    const socket = connect(at, '127.0.0.1');
    const chunks = [];
    // A server that never answers fails the row instead of hanging the run.
    socket.setTimeout(TIMEOUT, () => socket.destroy());
    socket.on('data', (chunk) => chunks.push(chunk));
    // The server may reset the connection after a 400; keep what came.
    socket.on('error', () => {});
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [status, ...fields] = head.split('\r\n');
      const headers = Object.fromEntries(
        fields.map((f) => [f.slice(0, f.indexOf(':')).toLowerCase(), f.slice(f.indexOf(':') + 1).trim()]),
      );
      ok({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(status)?.[1] ?? 0), headers, body: rest.join('\r\n\r\n'), text });
    });
    socket.write(`${line}\r\nHost: x\r\nConnection: close\r\n\r\n`);
  });
}

const get = (url) => fetch(url, { signal: AbortSignal.timeout(TIMEOUT) });
const allow = (r) => assert.equal(r.headers.allow, 'GET, HEAD');

// One row per request: the request line as sent, the status expected, and an
// optional extra check. Every row also asserts the secret never comes back.
const ROWS = [
  { name: 'lone %', line: 'GET /% HTTP/1.1', status: 400 },
  { name: 'non-hex escape', line: 'GET /%zz HTTP/1.1', status: 400 },
  { name: 'truncated UTF-8', line: 'GET /%E0%A4%A HTTP/1.1', status: 400 },
  { name: 'invalid UTF-8 byte', line: 'GET /%ff HTTP/1.1', status: 400 },
  { name: 'overlong UTF-8 dots', line: 'GET /%C0%AE%C0%AE/secret.txt HTTP/1.1', status: 400 },
  { name: 'plain ..', line: 'GET /../secret.txt HTTP/1.1', status: 400 },
  { name: 'deep ..', line: 'GET /../../../../../../etc/passwd HTTP/1.1', status: 400 },
  { name: 'encoded ..', line: 'GET /%2e%2e/secret.txt HTTP/1.1', status: 400 },
  { name: 'upper-case encoded ..', line: 'GET /%2E%2E/secret.txt HTTP/1.1', status: 400 },
  { name: 'encoded .. and /', line: 'GET /%2e%2e%2fsecret.txt HTTP/1.1', status: 400 },
  { name: '.. then encoded /', line: 'GET /..%2fsecret.txt HTTP/1.1', status: 400 },
  { name: 'encoded backslash', line: 'GET /..%5csecret.txt HTTP/1.1', status: 400 },
  { name: 'raw backslash', line: 'GET /..\\secret.txt HTTP/1.1', status: 400 },
  { name: 'up out of a subfolder', line: 'GET /sub/../../secret.txt HTTP/1.1', status: 400 },
  { name: 'double slash', line: 'GET //etc/passwd HTTP/1.1', status: 404 },
  { name: 'encoded absolute path', line: 'GET /%2fetc%2fpasswd HTTP/1.1', status: 400 },
  { name: 'absolute-form with ..', line: 'GET http://evil/../../secret.txt HTTP/1.1', status: 404 },
  { name: 'absolute-form with encoded ..', line: 'GET http://evil/..%2f..%2fsecret.txt HTTP/1.1', status: 400 },
  { name: 'encoded NUL', line: 'GET /%00 HTTP/1.1', status: 400 },
  { name: 'NUL before an extension', line: 'GET /index.html%00.png HTTP/1.1', status: 400 },
  { name: 'raw NUL byte', line: 'GET /index.html\0.png HTTP/1.1', status: 400 },
  { name: 'symlink to a file outside', line: 'GET /leak.txt HTTP/1.1', status: 404 },
  { name: 'symlink to a folder outside', line: 'GET /out/secret.txt HTTP/1.1', status: 404 },
  { name: '.. in the query is ignored', line: 'GET /index.html?f=../../secret.txt HTTP/1.1', status: 200 },
  { name: '10 KB path', line: `GET /${'a'.repeat(10 * 1024)} HTTP/1.1`, status: 404 },
  { name: 'POST', line: 'POST / HTTP/1.1', status: 405, check: allow },
  { name: 'PUT', line: 'PUT /index.html HTTP/1.1', status: 405, check: allow },
  { name: 'DELETE', line: 'DELETE /index.html HTTP/1.1', status: 405, check: allow },
  { name: 'OPTIONS', line: 'OPTIONS * HTTP/1.1', status: 405, check: allow },
  { name: 'garbage request line', line: 'HELLO THERE', status: 400 },
  { name: 'target not a path', line: 'GET * HTTP/1.1', status: 400 },
  {
    name: 'HEAD /',
    line: 'HEAD / HTTP/1.1',
    status: 200,
    check(r) {
      assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(r.headers['content-length'], String(Buffer.byteLength(INDEX)));
      assert.equal(r.body, '');
    },
  },
  { name: 'HEAD of a missing file', line: 'HEAD /nope HTTP/1.1', status: 404, check: (r) => assert.equal(r.body, '') },
  { name: 'symlink inside the root', line: 'GET /alias.html HTTP/1.1', status: 200, check: (r) => assert.equal(r.body, INDEX) },
];

test('hostile requests', async (t) => {
  assert.ok(ROWS.length >= 15);
  for (const row of ROWS) {
    await t.test(row.name, async () => {
      const r = await raw(row.line);
      assert.equal(r.status, row.status, r.text.slice(0, 200));
      assert.ok(!r.text.includes(SECRET), 'the secret leaked');
      row.check?.(r);
    });
  }
});

test('a normal page load still works after the table', async () => {
  const base = `http://127.0.0.1:${port}`;
  const page = await get(`${base}/`);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-security-policy'), CSP);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  assert.equal(await page.text(), INDEX);
  const wasm = await get(`${base}/x.wasm`);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.deepEqual(Buffer.from(await wasm.arrayBuffer()), WASM);
  const sub = await get(`${base}/sub/`);
  assert.equal(sub.status, 200);
  assert.equal(await sub.text(), 'sub index');
});

test('the embed may be framed by any site, the page by none; any origin may read the files', async () => {
  const base = `http://127.0.0.1:${port}`;
  const page = await get(`${base}/`);
  assert.match(page.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  const embed = await get(`${base}/embed.html`);
  assert.equal(embed.status, 200);
  assert.equal(embed.headers.get('content-security-policy'), EMBED_CSP);
  assert.doesNotMatch(EMBED_CSP, /frame-ancestors/);
  assert.equal(EMBED_CSP, CSP.replace("; frame-ancestors 'none'", ''));
  // A sandboxed embed's opaque origin fetches its scripts and wasm with CORS.
  for (const path of ['/', '/embed.html', '/x.wasm']) {
    assert.equal((await get(`${base}${path}`)).headers.get('access-control-allow-origin'), '*', path);
  }
});

test('isolated pages are cross-origin isolated; others are not', async () => {
  const plain = await get(`http://127.0.0.1:${port}/`);
  assert.equal(plain.headers.get('cross-origin-opener-policy'), null);
  const isolated = await serve(root, { port: 0, isolated: true });
  try {
    const page = await get(`http://127.0.0.1:${isolated.address().port}/`);
    assert.equal(page.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.equal(page.headers.get('cross-origin-embedder-policy'), 'require-corp');
    assert.equal(page.headers.get('content-security-policy'), CSP);
  } finally {
    await new Promise((done) => isolated.close(done));
  }
});

test('an unexpected error is a 500, and the server stays up', async (t) => {
  // A NUL in the root makes fs throw ERR_INVALID_ARG_VALUE, which the server
  // has no answer for but 500.
  t.mock.method(console, 'error', () => {});
  const broken = await serve(`${root}\0`, { port: 0 });
  try {
    const at = broken.address().port;
    assert.equal((await raw('GET / HTTP/1.1', at)).status, 500);
    assert.equal((await raw('GET / HTTP/1.1', at)).status, 500);
    assert.equal(console.error.mock.callCount(), 2);
  } finally {
    await new Promise((done) => broken.close(done));
  }
});

test('the CLI process survives GET /%', async () => {
  const child = spawn(process.execPath, [CLI, root], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const at = await new Promise((ok, fail) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /at http:\/\/[^/]+:(\d+)\//.exec(out);
        if (m) ok(Number(m[1]));
      });
      child.once('exit', (code) => fail(new Error(`the server exited early (${code}): ${out}`)));
    });
    assert.equal((await raw('GET /% HTTP/1.1', at)).status, 400);
    const page = await get(`http://127.0.0.1:${at}/`);
    assert.equal(page.status, 200);
    assert.equal(await page.text(), INDEX);
    assert.equal(child.exitCode, null);
  } finally {
    child.kill();
  }
});
