import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_CSP, exportReportHtml, GITHUB_EXPORT_NAME } from '../../src/services/exportHtml';
import { ReportFileError } from '../../src/services/reportFile';
import { tempRepo } from '../support/cli';
import { corpusAvailable, corpusReports } from '../support/corpus';
import { buildReport, words } from '../support/reportBuilder';

let png: Buffer;
let jpeg: Buffer;

beforeAll(async () => {
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer();
  jpeg = await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 0, g: 90, b: 200 } } })
    .jpeg()
    .toBuffer();
});

/** The `src` of every <img> in the page. */
const imageSrcs = (html: string) => [...html.matchAll(/<img\b[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]);

/** Attributes through which a browser would fetch something. */
function resourceUrls(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<(img|script|link|iframe|source|video|audio|object|embed|input)\b[^>]*>/gi)) {
    for (const a of m[0].matchAll(/\s(src|srcset|href|data|poster)="([^"]*)"/gi)) urls.push(a[2]);
  }
  return urls;
}

function repoWith(answers: Record<number, string>, files: Record<string, string | Uint8Array> = {}) {
  const root = tempRepo({ 'reports/README.md': buildReport({ answers }), ...files });
  return { root, reportPath: join(root, 'reports', 'README.md') };
}

describe('exportReportHtml as GitHub shows it (and what both renderings share)', () => {
  it('writes one self-contained report.github.html next to the report, with the figures inlined', async () => {
    const { root, reportPath } = repoWith(
      {
        1: 'Group 42',
        14: `${words(20, 'wandb')}\n\n![Loss curve](figures/loss.png)\n\n<img src="figures/photo.jpg" width="49%" alt="Photo">`,
      },
      { 'reports/figures/loss.png': png, 'reports/figures/photo.jpg': jpeg },
    );
    const result = await exportReportHtml({ reportPath, rendering: 'github' });
    expect(result.outputPath).toBe(join(root, 'reports', GITHUB_EXPORT_NAME));
    const html = readFileSync(result.outputPath, 'utf8');
    expect(result.bytes).toBe(Buffer.byteLength(html));
    expect(result).toMatchObject({ imageCount: 2, inlinedCount: 2, missingImages: [] });

    const [loss, photo] = imageSrcs(html);
    expect(loss).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(photo).toBe(`data:image/jpeg;base64,${jpeg.toString('base64')}`);
    expect(html).toMatch(/<img src="data:image\/jpeg;base64,[^"]+" width="49%" alt="Photo">/);
    // The inlined bytes are the figure's bytes.
    expect(Buffer.from(loss.split(',')[1], 'base64').equals(png)).toBe(true);

    // The content is there: the template's text and the answers.
    expect(html).toContain('<h1>Exam template for 02476 Machine Learning Operations</h1>');
    expect(html).toContain('<h3>Question 14</h3>');
    expect(html).toContain('Group 42');
    expect(html).toContain('wandb20');
    expect(html).toContain('<title>Exam template for 02476 Machine Learning Operations</title>');
  });

  it('makes no request: no scripts, no stylesheets, only data: images, and a CSP that forbids the rest', async () => {
    const { reportPath } = repoWith(
      {
        4: 'Remote ![badge](https://img.shields.io/badge/x-y-green) and <img src="http://example.com/a.png"> and <picture><source srcset="https://example.com/b.png"><img src="figures/a.png"></picture>',
        5: '<script src="https://evil.example/x.js"></script><link rel="stylesheet" href="https://evil.example/x.css"><iframe src="https://evil.example/"></iframe>',
        6: 'A link stays a link: [our repo](https://github.com/example/repo).',
      },
      { 'reports/figures/a.png': png },
    );
    const result = await exportReportHtml({ reportPath, rendering: 'github' });
    const html = readFileSync(result.outputPath, 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`);
    expect(EXPORT_CSP).toMatch(/^default-src 'none'; img-src data:; style-src 'unsafe-inline'/);
    expect(html).not.toMatch(/<script|<link\b|<iframe/i);
    const urls = resourceUrls(html);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^data:image\//);
    expect(html).not.toMatch(/url\(/);
    expect(html).toContain('<a href="https://github.com/example/repo">our repo</a>');
    // Remote images are reported and replaced, never fetched.
    expect(result.missingImages.map((m) => m.src)).toEqual([
      'https://img.shields.io/badge/x-y-green',
      'http://example.com/a.png',
    ]);
    expect(result.missingImages[0].reason).toMatch(/remote image not included/);
    expect(html).toContain('Missing image: https://img.shields.io/badge/x-y-green');
  });

  it('does not abort on a missing image: a visible placeholder stands in and it is reported with its line', async () => {
    const { reportPath } = repoWith(
      { 19: '![Cloud build](figures/cloud_build.png)', 20: '![ok](figures/ok.png)' },
      { 'reports/figures/ok.png': png },
    );
    const result = await exportReportHtml({ reportPath, rendering: 'github' });
    const html = readFileSync(result.outputPath, 'utf8');
    const text = readFileSync(reportPath, 'utf8');
    const line = text.split('\n').indexOf('![Cloud build](figures/cloud_build.png)') + 1;
    expect(result.missingImages).toEqual([{ src: 'figures/cloud_build.png', line, reason: 'file not found' }]);
    expect(result).toMatchObject({ imageCount: 2, inlinedCount: 1 });
    expect(html).toMatch(
      /<span class="missing-image" role="img"[^>]*><strong>Missing image: figures\/cloud_build.png<\/strong><br>file not found. Alt text: “Cloud build”<\/span>/,
    );
    expect(html).toContain('.report-body .missing-image {');
    expect(imageSrcs(html)).toHaveLength(1);
  });

  it('refuses images outside the report folder, by .. or through a symlink', async () => {
    const { root, reportPath } = repoWith(
      {
        14: '![up](../secret.png) ![abs](/etc/hostname.png) ![link](figures/escape.png) ![inside link](figures/alias.png)',
      },
      { 'secret.png': png, 'reports/figures/real.png': png },
    );
    symlinkSync(join(root, 'secret.png'), join(root, 'reports', 'figures', 'escape.png'));
    symlinkSync(join(root, 'reports', 'figures', 'real.png'), join(root, 'reports', 'figures', 'alias.png'));
    const result = await exportReportHtml({ reportPath, rendering: 'github' });
    const html = readFileSync(result.outputPath, 'utf8');
    expect(result.missingImages.map((m) => [m.src, m.reason.startsWith('outside') ? 'outside' : m.reason])).toEqual([
      ['../secret.png', 'outside'],
      ['/etc/hostname.png', 'outside'],
      ['figures/escape.png', 'outside'],
    ]);
    expect(result.inlinedCount).toBe(1);
    // The secret's bytes are nowhere in the page except through the inside symlink's own target.
    expect(imageSrcs(html)).toEqual([`data:image/png;base64,${png.toString('base64')}`]);
  });

  it('goes by the bytes: a JPEG named .png shows as JPEG, a text file named .png is reported', async () => {
    const { reportPath } = repoWith(
      { 14: '![a](figures/really-jpeg.png) ![b](figures/not-an-image.png)' },
      { 'reports/figures/really-jpeg.png': jpeg, 'reports/figures/not-an-image.png': 'hello' },
    );
    const result = await exportReportHtml({ reportPath, rendering: 'github' });
    const html = readFileSync(result.outputPath, 'utf8');
    expect(imageSrcs(html)).toEqual([`data:image/jpeg;base64,${jpeg.toString('base64')}`]);
    expect(result.missingImages).toMatchObject([
      { src: 'figures/not-an-image.png', reason: 'not a readable PNG image' },
    ]);
  });

  it('inlines SVG figures (they cannot run scripts as images) and percent-encoded names', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    const { reportPath } = repoWith(
      { 14: '![diagram](figures/diagram.svg) ![spaced](figures/loss%20curve.png)' },
      { 'reports/figures/diagram.svg': svg, 'reports/figures/loss curve.png': png },
    );
    const result = await exportReportHtml({ reportPath });
    const html = readFileSync(result.outputPath, 'utf8');
    expect(result.missingImages).toEqual([]);
    expect(imageSrcs(html)).toEqual([
      `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      `data:image/png;base64,${png.toString('base64')}`,
    ]);
  });

  it('exports the given text (unsaved edits) to the given file, and reports progress per image', async () => {
    const { root, reportPath } = repoWith({}, { 'reports/figures/a.png': png, 'reports/figures/b.png': png });
    const text = buildReport({
      answers: { 4: 'Unsaved answer text. ![a](figures/a.png) ![b](figures/b.png) ![a again](figures/a.png)' },
    });
    const progress: [number, number][] = [];
    const outputPath = join(root, 'out', 'handin.html');
    mkdirSync(join(root, 'out'));
    const result = await exportReportHtml({
      reportPath,
      text,
      outputPath,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result.outputPath).toBe(outputPath);
    expect(readFileSync(outputPath, 'utf8')).toContain('Unsaved answer text.');
    expect(existsSync(join(root, 'reports', 'report.html'))).toBe(false);
    // Two distinct files, read once each; three images in the page.
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(result).toMatchObject({ imageCount: 3, inlinedCount: 3 });
    // Written atomically: no temp file left behind.
    expect(readdirSync(join(root, 'out'))).toEqual(['handin.html']);
  });

  it('stays fast with many large screenshots', async () => {
    // Incompressible pixels (xorshift noise): each PNG is as big as a real full-screen screenshot.
    const noise = Buffer.alloc(640 * 400 * 3);
    let state = 0x9e3779b9;
    for (let i = 0; i < noise.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      noise[i] = state & 0xff;
    }
    const shot = await sharp(noise, { raw: { width: 640, height: 400, channels: 3 } })
      .png()
      .toBuffer();
    expect(shot.length).toBeGreaterThan(500_000);
    const files: Record<string, Uint8Array> = {};
    const links: string[] = [];
    for (let i = 0; i < 40; i++) {
      files[`reports/figures/shot${i}.png`] = shot;
      links.push(`![shot ${i}](figures/shot${i}.png)`);
    }
    const { reportPath } = repoWith({ 14: links.join('\n\n') }, files);
    let calls = 0;
    const started = performance.now();
    const result = await exportReportHtml({ reportPath, onProgress: () => calls++ });
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ imageCount: 40, inlinedCount: 40, missingImages: [] });
    expect(calls).toBe(41);
    expect(result.bytes).toBeGreaterThan(40 * shot.length);
    expect(elapsed, `${(result.bytes / 1e6).toFixed(0)} MB in ${elapsed.toFixed(0)} ms`).toBeLessThan(10_000);
  });

  it('never writes over the report or into a folder that does not exist', async () => {
    const { root, reportPath } = repoWith({});
    const before = readFileSync(reportPath, 'utf8');
    await expect(exportReportHtml({ reportPath, outputPath: reportPath })).rejects.toBeInstanceOf(ReportFileError);
    await expect(exportReportHtml({ reportPath, outputPath: join(root, 'reports', 'other.md') })).rejects.toThrow(
      /markdown file/,
    );
    await expect(exportReportHtml({ reportPath, outputPath: join(root, 'nope', 'report.html') })).rejects.toThrow(
      /folder does not exist/,
    );
    expect(readFileSync(reportPath, 'utf8')).toBe(before);
  });

  it('overwrites an earlier export in place', async () => {
    const { root, reportPath } = repoWith({ 4: 'first version' });
    await exportReportHtml({ reportPath });
    writeFileSync(reportPath, buildReport({ answers: { 4: 'second version' } }));
    await exportReportHtml({ reportPath });
    const html = readFileSync(join(root, 'reports', 'report.html'), 'utf8');
    expect(html).toContain('second version');
    expect(html).not.toContain('first version');
  });

  it.skipIf(!corpusAvailable)(
    'exports every real report, with a placeholder for each figure that is not there',
    async () => {
      for (const file of corpusReports()) {
        const root = tempRepo({ 'reports/README.md': file.text });
        const result = await exportReportHtml({ reportPath: join(root, 'reports', 'README.md'), rendering: 'github' });
        const html = readFileSync(result.outputPath, 'utf8');
        // No figures were copied: every image is reported and has its placeholder.
        expect(result.inlinedCount, file.name).toBe(0);
        expect(result.missingImages.length, file.name).toBe(result.imageCount);
        expect((html.match(/class="missing-image"/g) ?? []).length, file.name).toBe(result.imageCount);
        for (const url of resourceUrls(html)) expect(url, file.name).toMatch(/^data:/);
        expect(html, file.name).not.toMatch(/<script|\son[a-z]+=/i);
        expect(html, file.name).not.toContain('layout: default');
      }
    },
  );
});
