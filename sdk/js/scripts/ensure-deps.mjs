// Runs `npm ci` only when node_modules is missing or older than package-lock.json
// (the Maven build calls this before `npm run build`).
import { statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const mtime = (f) => { try { return statSync(f).mtimeMs; } catch { return -1; } };
const installed = mtime('node_modules/.package-lock.json');
if (installed >= 0 && installed >= mtime('package-lock.json')) process.exit(0);
console.log('[parley-sdk-js] npm ci (node_modules missing or package-lock.json changed)');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
