// A tiny static file server for the built notebook (node:http only).
// - Binds 127.0.0.1 on an ephemeral port (or the given one).
// - Serves `root` under the URL prefix `base` (e.g. '/carnet/goroutines/') to test `--public-url`.
// - Sends gzip when the client accepts it (compressible types), so measured transfer sizes are
//   what a static host with compression would send.
// CLI: node tests/e2e/serve.mjs [root=dist] [base=/] [port=0]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt']);

export async function startServer({ root = 'dist', base = '/', port = 0 } = {}) {
  root = resolve(root);
  if (!base.endsWith('/')) base += '/';
  const gzCache = new Map();

  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(base)) return send(res, 404, 'not under ' + base);
      let file = normalize(join(root, path.slice(base.length)));
      if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (!body) return send(res, 404, 'not found');
      const ext = extname(file);
      const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      let out = body;
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!gzCache.has(file)) gzCache.set(file, gzipSync(body, { level: 9 }));
        out = gzCache.get(file);
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      headers['content-length'] = out.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : out);
    } catch (err) {
      send(res, 500, String(err));
    }
  });

  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  return { url, close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }) };
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'dist', base = '/', port = '0'] = process.argv.slice(2);
  const { url } = await startServer({ root, base, port: Number(port) });
  console.log(`serving ${root} on ${url}`);
}
