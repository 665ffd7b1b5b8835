// trunk post_build hook (see Trunk.toml). Works on $TRUNK_STAGING_DIR before trunk moves it to dist/:
// 1. prunes vendor/mermaid to the ES module build the page imports (123 MB -> ~10 MB, no maps);
// 2. moves trunk serve's live-reload script (only present under `trunk serve`) to a file, so it
//    runs under script-src 'self' (its text is rewritten per request, a hash could not match);
// 3. replaces CSP-SCRIPT-HASHES in the CSP meta with the sha256 of each remaining inline script,
//    i.e. trunk's wasm loader. Any other inline script is refused by the browser.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run me as a trunk hook');

// 1. Keep mermaid.esm.min.mjs and chunks/mermaid.esm.min/*.mjs.
const mermaid = join(staging, 'vendor', 'mermaid');
if (existsSync(mermaid)) {
  for (const entry of readdirSync(mermaid)) {
    if (entry !== 'mermaid.esm.min.mjs' && entry !== 'chunks') rmSync(join(mermaid, entry), { recursive: true });
  }
  const chunks = join(mermaid, 'chunks');
  for (const entry of readdirSync(chunks)) {
    if (entry !== 'mermaid.esm.min') rmSync(join(chunks, entry), { recursive: true });
  }
  for (const entry of readdirSync(join(chunks, 'mermaid.esm.min'))) {
    if (!entry.endsWith('.mjs')) rmSync(join(chunks, 'mermaid.esm.min', entry));
  }
}

// 2 and 3.
const htmlPath = join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const inlineScript = /<script((?:\s+[\w-]+(?:="[^"]*")?)*)\s*>([\s\S]*?)<\/script>/g;
const hashes = [];
html = html.replace(inlineScript, (whole, attrs, body) => {
  if (/\ssrc=/.test(attrs)) return whole;
  if (body.includes('{{__TRUNK_ADDRESS__}}')) {
    const reload = body
      .replace(/(['"`])\{\{__TRUNK_ADDRESS__\}\}\1/, 'window.location.host')
      .replace(/(['"`])\{\{__TRUNK_WS_BASE__\}\}\1/, 'new URL(document.baseURI).pathname');
    writeFileSync(join(staging, 'trunk-autoreload.js'), reload);
    return '<script src="trunk-autoreload.js"></script>';
  }
  hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  return whole;
});
const placeholder = /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*script-src[^;"]*)CSP-SCRIPT-HASHES/;
if (!placeholder.test(html)) throw new Error('index.html: no CSP meta with script-src … CSP-SCRIPT-HASHES');
html = html.replace(placeholder, `$1${hashes.join(' ')}`);
writeFileSync(htmlPath, html);
console.log(`post-build: ${hashes.length} inline script(s) hashed into the CSP`);
