/**
 * The "as graded" export: report.html holds the course's page itself — `renderGradedPage`'s HTML
 * as the body, byte for byte, with only the images' sources replaced (figures inlined, a visible
 * SVG box for each image that cannot be) — in a document that loads nothing and runs nothing.
 */
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradedImages, renderGradedPage, replaceGradedImageSources } from '../../src/core/graded';
import { DEFAULT_EXPORT_NAME, EXPORT_CSP, exportReportHtml, GITHUB_EXPORT_NAME } from '../../src/services/exportHtml';
import { tempRepo } from '../support/cli';
import { corpusAvailable, corpusReports } from '../support/corpus';
import { buildReport, words } from '../support/reportBuilder';

let png: Buffer;

beforeAll(async () => {
  png = await sharp({ create: { width: 20, height: 10, channels: 3, background: { r: 10, g: 120, b: 30 } } })
    .png()
    .toBuffer();
});

/** What lies between `<body>` and `</body>`. */
function bodyOf(html: string): string {
  const m = /<body>([\s\S]*)<\/body>\n<\/html>\n$/.exec(html);
  if (!m) throw new Error('no body');
  return m[1];
}

const dataPng = () => `data:image/png;base64,${png.toString('base64')}`;

describe('exportReportHtml as graded', () => {
  it('writes report.html whose body is renderGradedPage with the figures inlined, and nothing else changed', async () => {
    const text = buildReport({
      answers: {
        4: `${words(12)}\n\n\`\`\`json\n{"a": 1}\n\`\`\`\n\n| a | b |\n|---|---|\n| 1 | 2 |`,
        14: '![Loss & accuracy](figures/loss.png)\n\n<img src=\'figures/loss.png\' width="40%">\n\n![gone](figures/gone.png) ![remote](https://example.com/a.png)',
      },
    });
    const root = tempRepo({ 'reports/README.md': text, 'reports/figures/loss.png': png });
    const result = await exportReportHtml({ reportPath: join(root, 'reports', 'README.md') });
    expect(result.outputPath).toBe(join(root, 'reports', DEFAULT_EXPORT_NAME));
    expect(result.rendering).toBe('graded');
    const html = readFileSync(result.outputPath, 'utf8');

    const page = renderGradedPage(text);
    const body = bodyOf(html);
    // Same page, same images in the same places: only the sources differ.
    expect(gradedImages(body).map((i) => i.start)).toHaveLength(4);
    const sources = gradedImages(body).map((i) => i.src);
    expect(sources.slice(0, 2)).toEqual([dataPng(), dataPng()]);
    expect(sources[2]).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg /);
    expect(decodeURIComponent(sources[2].split(',').slice(1).join(','))).toContain('Missing image: figures/gone.png');
    expect(sources[3]).toMatch(/^data:image\/svg\+xml;/);
    const expected = replaceGradedImageSources(page, (src) => sources[gradedImages(page).findIndex((i) => i.src === src)]);
    expect(body).toBe(expected);
    // What the course's page shows: the fence run into a paragraph, the table as pipes.
    expect(body).toContain('<p><code>json\n{"a": 1}</code></p>');
    expect(body).toContain('<p>| a | b |\n|---|---|\n| 1 | 2 |</p>');
    expect(body).toContain('<img alt="Loss &amp; accuracy" src="data:image/png;base64,');
    expect(body).toContain(`<img src='${dataPng()}' width="40%">`);

    const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(result).toMatchObject({ imageCount: 4, inlinedCount: 2 });
    expect(result.missingImages).toEqual([
      { src: 'figures/gone.png', line: line('figures/gone.png'), reason: 'file not found' },
      { src: 'https://example.com/a.png', line: line('https://example.com/a.png'), reason: expect.stringMatching(/^remote image not included/) },
    ]);
    // Plain like the course's page: no stylesheet, and a CSP that forbids every request and script.
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`);
    expect(html).not.toMatch(/<style|<link\b|<script/i);
    expect(html).toContain('<title>Exam template for 02476 Machine Learning Operations</title>');
  });

  it('loads nothing from anywhere: every image source is a data: URI, even for images outside the folder', async () => {
    const root = tempRepo({
      'reports/README.md': buildReport({
        answers: { 14: '![up](../secret.png) <img src="/etc/x.png"> ![link](figures/escape.png) <!-- <img src="https://x.example/c.png"> -->' },
      }),
      'secret.png': png,
    });
    mkdirSync(join(root, 'reports', 'figures'));
    symlinkSync(join(root, 'secret.png'), join(root, 'reports', 'figures', 'escape.png'));
    const result = await exportReportHtml({ reportPath: join(root, 'reports', 'README.md') });
    const html = readFileSync(result.outputPath, 'utf8');
    expect(result.missingImages.map((m) => [m.src, m.reason.slice(0, 7)])).toEqual([
      ['../secret.png', 'outside'],
      ['/etc/x.png', 'outside'],
      ['figures/escape.png', 'outside'],
    ]);
    expect(html).not.toContain(png.toString('base64'));
    for (const image of gradedImages(html)) expect(image.src).toMatch(/^data:image\/svg\+xml;/);
    // A commented-out image stays exactly as written (it is not shown, so nothing is inlined).
    expect(html).toContain('<!-- <img src="https://x.example/c.png"> -->');
  });

  it('writes the GitHub rendering to report.github.html, leaving report.html alone', async () => {
    const root = tempRepo({ 'reports/README.md': buildReport({ answers: { 4: '```\ncode\n```' } }) });
    const reportPath = join(root, 'reports', 'README.md');
    const graded = await exportReportHtml({ reportPath });
    const github = await exportReportHtml({ reportPath, rendering: 'github' });
    expect(github.outputPath).toBe(join(root, 'reports', GITHUB_EXPORT_NAME));
    expect(readFileSync(github.outputPath, 'utf8')).toContain('<pre><code>code\n</code></pre>');
    expect(readFileSync(graded.outputPath, 'utf8')).toContain('<p><code>code</code></p>');
  });

  it.skipIf(!corpusAvailable)('exports every real report as graded: its body is the course page with placeholder sources', async () => {
    for (const file of corpusReports()) {
      const root = tempRepo({ 'reports/README.md': file.text });
      const result = await exportReportHtml({ reportPath: join(root, 'reports', 'README.md') });
      const body = bodyOf(readFileSync(result.outputPath, 'utf8'));
      const expected = readFileSync(file.expectedHtmlPath, 'utf8');
      // No figures were copied: each image is a placeholder, and apart from the sources the body
      // is the course's own HTML of that report.
      expect(result.inlinedCount, file.name).toBe(0);
      expect(result.imageCount, file.name).toBe(gradedImages(expected).length);
      const placeholders = gradedImages(body).map((i) => i.src);
      let k = 0;
      expect(replaceGradedImageSources(expected, () => placeholders[k++]), file.name).toBe(body);
      for (const src of placeholders) expect(src, file.name).toMatch(/^data:image\/svg\+xml;/);
    }
  });
});
