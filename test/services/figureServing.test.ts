import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFigureRequest } from '../../src/services/figureServing';
import { tempRepo } from '../support/cli';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function repo() {
  const root = tempRepo({
    'reports/README.md': '# report',
    'reports/figures/loss curve.png': PNG,
    'reports/figures/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'reports/report.py': 'print("not a figure")',
    'secret.png': PNG,
    'reports/figures/sub': '',
  });
  const reportDir = join(root, 'reports');
  symlinkSync(join(root, 'secret.png'), join(reportDir, 'figures', 'escape.png'));
  symlinkSync(join(root, '..'), join(reportDir, 'up'));
  return { root, reportDir };
}

describe('resolveFigureRequest', () => {
  it('serves image files inside the report folder, percent-decoded, with safe headers', async () => {
    const { reportDir } = repo();
    const response = await resolveFigureRequest(reportDir, '/figures/loss%20curve.png?v=3');
    expect(response).toMatchObject({
      kind: 'file',
      path: join(reportDir, 'figures', 'loss curve.png'),
      contentType: 'image/png',
    });
    if (response.kind !== 'file') throw new Error('expected a file');
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff');
    // An SVG opened on its own (browser host) must not run script in the host's origin.
    const svg = await resolveFigureRequest(reportDir, 'figures/diagram.svg');
    expect(svg).toMatchObject({ kind: 'file', contentType: 'image/svg+xml' });
    if (svg.kind === 'file') expect(svg.headers['Content-Security-Policy']).toMatch(/default-src 'none'.*sandbox/);
  });

  it('refuses anything outside the report folder, by .., encoded .., absolute path or symlink', async () => {
    const { reportDir } = repo();
    for (const path of [
      '../secret.png',
      '/../secret.png',
      '%2e%2e/secret.png',
      'figures/..%2f..%2fsecret.png',
      '..\\secret.png',
      'figures/escape.png',
      'up/secret.png',
    ]) {
      const response = await resolveFigureRequest(reportDir, path);
      expect(response, path).toMatchObject({ kind: 'refused', reason: 'outside', status: 403 });
    }
    // A leading slash means "from the report folder", never the disk's root.
    expect(await resolveFigureRequest(reportDir, '/etc/hostname.png')).toMatchObject({
      kind: 'refused',
      reason: 'not-found',
    });
  });

  it('serves only images', async () => {
    const { reportDir } = repo();
    for (const path of ['report.py', 'README.md', 'figures/', 'figures/sub']) {
      expect(await resolveFigureRequest(reportDir, path), path).toMatchObject({
        kind: 'refused',
        reason: 'not-an-image',
        status: 403,
      });
    }
  });

  it('answers 404 for missing figures and 400 for malformed paths', async () => {
    const { reportDir } = repo();
    expect(await resolveFigureRequest(reportDir, 'figures/nope.png')).toMatchObject({
      kind: 'refused',
      reason: 'not-found',
      status: 404,
    });
    expect(await resolveFigureRequest(reportDir, 'figures/%E0%A4%A.png')).toMatchObject({
      kind: 'refused',
      reason: 'bad-request',
      status: 400,
    });
    expect(await resolveFigureRequest(reportDir, 'figures/a%00.png')).toMatchObject({
      kind: 'refused',
      reason: 'bad-request',
      status: 400,
    });
    expect(await resolveFigureRequest(reportDir, '')).toMatchObject({ kind: 'refused', reason: 'bad-request' });
  });
});
