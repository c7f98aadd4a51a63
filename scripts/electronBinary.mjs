// Where the Electron executable is, found the way node_modules/electron/index.js finds it — but
// without throwing: `require('electron')` dies with a bare stack trace when the binary was never
// downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD, a failed download), and the callers here (npm start,
// the Electron e2e spec) want to say so plainly instead.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * { binary } when the executable is there, else { binary: undefined, expected, reason } saying what
 * is missing. ELECTRON_OVERRIDE_DIST_PATH is honoured as Electron itself honours it.
 */
export function findElectronBinary(env = process.env) {
  let electronDir;
  try {
    electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return {
      binary: undefined,
      expected: 'node_modules/electron',
      reason: 'the electron package itself is not installed',
    };
  }
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (!override && !relative) {
    return {
      binary: undefined,
      expected: pathFile,
      reason: `its download was skipped or failed: ${pathFile} is missing`,
    };
  }
  const binary = join(override || join(electronDir, 'dist'), relative || 'electron');
  if (!existsSync(binary))
    return { binary: undefined, expected: binary, reason: `its download was skipped or failed: ${binary} is missing` };
  return { binary, expected: binary, reason: '' };
}
