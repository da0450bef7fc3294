// A small static HTTP server for the built site, for the browser tests only.
// Usage: node serve.mjs <public-dir>   -> prints "http://127.0.0.1:<port>/" on stdout.
// Listens on 127.0.0.1 on an ephemeral port; the test that starts it stops it by its PID.
// Like Netlify and Cloudflare Pages it serves <dir>/index.html for a directory URL, redirects a
// directory URL without its trailing slash, answers unknown paths with 404.html, and sends the
// headers that the site's own _headers file gives for `/*`, so the pages run under the real CSP.
// It stops on SIGTERM, when its stdin closes, or after 15 minutes.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// Headers of the `/*` block of _headers (Netlify / Cloudflare Pages format).
function siteHeaders() {
  let text;
  try {
    text = readFileSync(join(root, '_headers'), 'utf8');
  } catch {
    return {};
  }
  const headers = {};
  let inAll = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    if (!inAll) continue;
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
const extraHeaders = siteHeaders();

function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const info = statSync(path);
    if (info.isDirectory()) {
      if (!urlPath.endsWith('/')) return { redirect: urlPath + '/' };
      return { path: join(path, 'index.html') };
    }
    return { path };
  } catch {
    return null;
  }
}

const server = createServer((request, response) => {
  const urlPath = new URL(request.url, 'http://127.0.0.1').pathname;
  let found = fileFor(urlPath);
  if (found?.redirect) {
    response.writeHead(301, { Location: found.redirect });
    response.end();
    return;
  }
  let status = 200;
  let body;
  try {
    if (!found) throw new Error('not found');
    body = readFileSync(found.path);
  } catch {
    status = 404;
    found = { path: join(root, '404.html') };
    try {
      body = readFileSync(found.path);
    } catch {
      body = Buffer.from('not found');
    }
  }
  response.writeHead(status, {
    ...extraHeaders,
    'Content-Type': types[extname(found.path)] ?? 'application/octet-stream',
    'Content-Length': body.length,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}/\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
// Never outlive the test: stop when the parent closes our stdin (it exited or was killed), and
// after 15 minutes at most.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
setTimeout(() => process.exit(0), 15 * 60 * 1000).unref();
