// A small static server for the page: right MIME types (wasm must be
// application/wasm for streaming compilation) and the page's
// Content-Security-Policy. Usage: node tools/serve.mjs [root] (PORT, HOST).
//
// Only a dev server, but it answers whatever a browser or a curious tool
// sends, so it must never serve a file from outside its root and never die
// on a bad request. The answers:
//   400  the path is not a usable name: a malformed percent-escape or bad
//        UTF-8, a NUL byte, a `..` segment, or a segment that decodes to
//        contain `/` or `\` (one name sent must stay one name on disk).
//   404  no such file, or one we may not read, or one whose real path
//        (symlinks resolved) lies outside the root's real path. We do not
//        say which, so a probe learns nothing about the disk around the root.
//   405  any method but GET and HEAD, with `Allow: GET, HEAD`.
//   500  anything unexpected; logged, and the server keeps running.
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// No inline script or style, no eval; wasm compilation is allowed.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// The embed (embed.html) is made to be framed, by any page: no
// frame-ancestors at all. `frame-ancestors *` would refuse a page opened
// from disk (file://), a writer's draft: `*` matches network schemes only.
export const EMBED_CSP = CSP.replace("; frame-ancestors 'none'", '');

// Errors that mean "there is nothing here for you": answered with 404.
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EISDIR', 'EACCES', 'EPERM']);

/** The request target's path as decoded names, or null if it is not usable. */
function parsePath(target) {
  let path = target;
  // Absolute-form (`GET http://host/path`) is legal HTTP; only its path counts.
  if (!path.startsWith('/')) {
    if (!URL.canParse(path)) return null;
    path = new URL(path).pathname;
  }
  path = path.split(/[?#]/, 1)[0];
  const out = [];
  // Decode each segment on its own, so `%2f` or `%5c` cannot make new ones.
  for (const segment of path.split('/')) {
    let name;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null; // malformed escape or invalid UTF-8
    }
    if (name === '..' || /[/\\\0]/.test(name)) return null;
    if (name !== '' && name !== '.') out.push(name);
  }
  return out;
}

/** Whether `file` is `root` or below it (both real paths). */
function inside(root, file) {
  const rel = relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

/** The file for `names` under `base` (a directory means its index.html), or
 * null if there is none we may serve. */
async function load(base, names) {
  try {
    // Compare real paths: a symlink inside the root may point anywhere, and
    // the root itself may sit behind one (a symlinked /tmp, say).
    const root = await realpath(base);
    let file = join(root, ...names);
    let real = await realpath(file);
    if ((await stat(real)).isDirectory()) {
      file = join(file, 'index.html');
      real = await realpath(file);
    }
    if (!inside(root, real)) return null;
    // The type goes by the name asked for, not by where a symlink leads.
    return { type: MIME[extname(file)] ?? 'application/octet-stream', body: await readFile(real) };
  } catch (err) {
    if (MISSING.has(err.code)) return null;
    throw err;
  }
}

/** Answers with `body` (a string is sent as plain text); HEAD gets the same
 * headers and no body. */
function send(req, res, status, body, headers = {}) {
  const data = typeof body === 'string' ? Buffer.from(body + '\n') : body;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
    'Content-Length': data.length,
  });
  res.end(req.method === 'HEAD' ? undefined : data);
}

async function handle(req, res, base, extra) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(req, res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const names = parsePath(req.url);
  if (!names) {
    send(req, res, 400, 'bad request');
    return;
  }
  const found = await load(base, names);
  if (!found) {
    send(req, res, 404, 'not found');
    return;
  }
  send(req, res, 200, found.body, {
    'Content-Type': found.type,
    'Content-Security-Policy': names.at(-1) === 'embed.html' ? EMBED_CSP : CSP,
    // An embed sandboxed without allow-same-origin has an opaque origin:
    // its module scripts and its wasm are cross-origin fetches to it. The
    // files are public; any origin may read them.
    'Access-Control-Allow-Origin': '*',
    'Cache-Control': 'no-cache',
    ...extra,
  });
}

// Cross-origin isolation: `performance.now()` then counts in 5 µs steps in
// Chromium, not 100 µs (the benchmarks' workloads take a few ms).
const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Starts serving `root`; resolves to the listening server. `isolated`: the
 * pages are cross-origin isolated (for precise timers). */
export function serve(root, { port = 8080, host = '127.0.0.1', isolated = false } = {}) {
  const base = resolve(root);
  const extra = isolated ? ISOLATED : {};
  const server = createServer((req, res) => {
    // No request may take the server down: whatever is thrown becomes a 500,
    // or a dropped connection if the headers have already gone out.
    handle(req, res, base, extra)
      .catch((err) => {
        console.error(`serve: ${req.method} ${JSON.stringify(req.url)}:`, err);
        if (res.headersSent) res.destroy();
        else send(req, res, 500, 'internal error');
      })
      .catch(() => res.destroy());
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2] ?? 'web';
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = await serve(root, { port, host });
  const { port: actual } = server.address();
  console.log(`Serving ${root}/ at http://${host}:${actual}/ (Ctrl-C to stop)`);
}
