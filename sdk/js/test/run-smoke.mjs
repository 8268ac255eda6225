// npm run smoke: the mock signaling (test/mock-server.mjs) plus headless Chromium with fake
// devices on test/smoke.html. Needs a built dist/ and Chromium (CHROMIUM, default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const port = process.env.SMOKE_PORT ?? '18095';
const server = spawn(process.execPath, [join(here, 'mock-server.mjs'), port], { stdio: 'inherit' });
const profile = mkdtempSync(join(tmpdir(), 'parley-smoke-'));
const chromium = spawn(process.env.CHROMIUM ?? '/usr/bin/chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required',
  `--user-data-dir=${profile}`, `http://localhost:${port}/`,
], { stdio: 'ignore' });
server.on('exit', (code) => {
  chromium.on('exit', () => {
    try { rmSync(profile, { recursive: true, force: true }); } catch { /* best effort */ }
    process.exit(code ?? 1);
  });
  chromium.kill();
});
