/** Which folder a launch's relative path is relative to, with real folders on disk. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchDirectory, pathFromArgv, secondLaunchDirectory } from '../../../src/hosts/electron/launchPath';
import { tempRepo } from '../../support/cli';

describe('launch paths', () => {
  const typedIn = tempRepo({ 'sub/repo/reports/README.md': '# r\n' });

  it('uses the folder npm start was typed in (INIT_CWD), else the process folder', () => {
    expect(launchDirectory({ INIT_CWD: typedIn }, '/package/root')).toBe(typedIn);
    expect(launchDirectory({}, '/package/root')).toBe('/package/root');
    expect(launchDirectory({ INIT_CWD: '' }, '/package/root')).toBe('/package/root');
  });

  it('resolves the last plain argument against that folder, when it exists', () => {
    expect(pathFromArgv(['electron', '.', 'sub/repo'], typedIn, false)).toBe(join(typedIn, 'sub/repo'));
    expect(pathFromArgv(['electron', '.', '--no-sandbox', 'sub/repo'], typedIn, false)).toBe(join(typedIn, 'sub/repo'));
    expect(pathFromArgv(['/opt/app/mlops-report-editor', 'sub'], typedIn, true)).toBe(join(typedIn, 'sub'));
    expect(pathFromArgv(['electron', '.', join(typedIn, 'sub/repo')], '/elsewhere', false)).toBe(join(typedIn, 'sub/repo'));
    expect(pathFromArgv(['electron', '.', 'no/such/repo'], typedIn, false)).toBeNull();
    expect(pathFromArgv(['electron', '.'], typedIn, false)).toBeNull();
    // The app's own entry is not a path to open, wherever switches put it (Playwright's launch).
    expect(pathFromArgv(['electron', '--inspect=0', '--remote-debugging-port=0', join(typedIn, 'sub/repo/reports/README.md')], typedIn, false)).toBeNull();
    expect(pathFromArgv(['electron', '--inspect=0', 'out/main/index.js', 'sub/repo'], typedIn, false)).toBe(join(typedIn, 'sub/repo'));
  });

  it("takes a second launch's folder from the data it sent, else from Electron", () => {
    expect(secondLaunchDirectory({ workingDirectory: typedIn }, '/package/root')).toBe(typedIn);
    expect(secondLaunchDirectory(null, '/package/root')).toBe('/package/root');
    expect(secondLaunchDirectory({ workingDirectory: 42 }, '/package/root')).toBe('/package/root');
  });
});
