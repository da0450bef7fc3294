// What the Chromium checks (browser.mjs, layout.mjs) share: the check counter and its verdict,
// the static server for the built site, and Debian's headless Chromium with the flags a test
// machine needs. Tests talk only to the server they start here, on 127.0.0.1, and stop it by PID.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));

export const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

// No sandbox (root in CI), no GPU, and nothing that talks to the network on its own.
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let passed = 0;
let failed = 0;

// Records one check: prints "ok   name" or "FAIL name" and the detail.
export function check(name, ok, detail = '') {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? `\n${detail}` : ''}`);
  }
}

// Prints "N passed, N failed" and exits: 1 when a check failed or none ran (a run that checked
// nothing must not pass).
export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed || passed === 0 ? 1 : 0);
}

// Starts serve.mjs on `publicDir` (a child process on 127.0.0.1, ephemeral port); resolves to
// { child, base } with base = "http://127.0.0.1:<port>/".
function startServer(publicDir) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(here, 'serve.mjs'), publicDir], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout.setEncoding('utf8');
    child.stdout.once('data', (line) => resolvePromise({ child, base: line.trim() }));
  });
}

// Serves `publicDir`, opens Chromium (a fresh profile, 1280x800) and calls
// `body({ page, context, base, profileDir })`. An exception from `body` is one failed check
// named `name`. The browser, its profile and the server are always cleaned up; then finish().
export async function withBrowser(publicDir, name, body) {
  const { child: server, base } = await startServer(publicDir);
  const profileDir = mkdtempSync(join(tmpdir(), 'trustsite-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1280, height: 800 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await body({ page, context, base, profileDir });
  } catch (error) {
    check(name, false, String(error?.stack ?? error));
  } finally {
    if (context) await context.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true });
    server.kill('SIGTERM');
  }
  finish();
}
