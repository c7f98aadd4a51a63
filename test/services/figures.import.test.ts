import { existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { countImages } from '../../src/core/pythonText';
import { insertFigureLink, relinkEdits } from '../../src/core/figures/figureLinkEdits';
import { applyEdits } from '../../src/core/textEdit';
import {
  downscaleFigure,
  FigureError,
  importFigure,
  importFigures,
  MAX_FIGURE_NAME_LENGTH,
  OVERSIZED_BYTES,
  sniffImageFormat,
  writeNewFile,
} from '../../src/services/figures';
import {
  BLUE,
  RED,
  bmp24,
  bmp8,
  filesUnder,
  jpeg,
  noisePng,
  pixel,
  png,
  reportRepo,
  solid,
  svg,
} from './figuresSupport';

async function importError(promise: Promise<unknown>): Promise<FigureError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FigureError) return error;
    throw error;
  }
  throw new Error('the import was expected to be refused');
}

describe('importFigure: names', () => {
  it('names a dropped file q<N>-<slug> and returns the link to insert', async () => {
    const repo = reportRepo();
    const bytes = await png();
    const result = await importFigure({ reportPath: repo.reportPath, question: 19, fileName: 'GCP Bucket.png', bytes });
    expect(result).toMatchObject({
      relativeLink: 'figures/q19-gcp-bucket.png',
      path: join(repo.figures, 'q19-gcp-bucket.png'),
      reused: false,
      converted: false,
      sourceFormat: 'png',
      width: 40,
      height: 30,
      markdown: '![GCP Bucket](figures/q19-gcp-bucket.png)',
    });
    expect(result.oversized).toBeUndefined();
    expect(readFileSync(result.path).equals(bytes)).toBe(true);
    // The inserted markdown is what the checker counts.
    expect(countImages(insertFigureLink('Our bucket:', 11, result.markdown).text)).toBe(1);
  });

  it('creates figures/ when it is missing', async () => {
    const repo = reportRepo();
    expect(existsSync(repo.figures)).toBe(false);
    await importFigure({ reportPath: repo.reportPath, question: 14, fileName: 'loss.png', bytes: await png() });
    expect(readdirSync(repo.figures)).toEqual(['q14-loss.png']);
  });

  it('names a pasted screenshot q<N>-screenshot-<timestamp>', async () => {
    const repo = reportRepo();
    const result = await importFigure({
      reportPath: repo.reportPath,
      question: 19,
      fileName: 'image.png',
      bytes: await png(),
      pasted: true,
      now: new Date(2025, 0, 24, 14, 53, 53),
    });
    expect(result.relativeLink).toBe('figures/q19-screenshot-20250124-145353.png');
    expect(result.markdown).toBe('![screenshot](figures/q19-screenshot-20250124-145353.png)');
  });

  it('makes readable ASCII slugs of unicode, spaces, punctuation and upper case', async () => {
    const repo = reportRepo();
    const cases: [string, string][] = [
      ['Skærmbillede 2025-01-24 kl. 14.53.53.png', 'figures/q29-skaermbillede-2025-01-24-kl-14-53-53.png'],
      ['Über Größe – Ünïcode.png', 'figures/q29-uber-grosse-unicode.png'],
      ['My Screenshot (1).PNG', 'figures/q29-my-screenshot-1.png'],
      ['wandb_training_logs.png', 'figures/q29-wandb-training-logs.png'],
      ['截图.png', 'figures/q29-image.png'],
      ['q29-architecture.png', 'figures/q29-architecture.png'],
    ];
    for (const [i, [fileName, expected]] of cases.entries()) {
      const bytes = await png(10 + i, 10);
      expect(
        (await importFigure({ reportPath: repo.reportPath, question: 29, fileName, bytes })).relativeLink,
        fileName,
      ).toBe(expected);
    }
  });

  it('writes only inside figures/, whatever the dropped name holds', async () => {
    const repo = reportRepo();
    const before = filesUnder(repo.root);
    const hostile: [string, number | null, string][] = [
      ['../../etc/passwd.png', 19, 'q19-passwd.png'],
      ['..\\..\\Windows\\win.png', 19, 'q19-win.png'],
      ['a/b\\c.png', 19, 'q19-c.png'],
      ['/absolute/path/shot.png', 19, 'q19-shot.png'],
      ['..', 19, 'q19-image.png'],
      ['CON.png', 19, 'q19-con.png'],
      ['CON.png', null, 'con-file.png'],
      ['nul.png', null, 'nul-file.png'],
      ['COM1.png', null, 'com1-file.png'],
      ['ctrl\u0000\u0007\nchars\r.png', 19, 'q19-ctrlchars.png'],
      ['.png', 19, 'q19-image.png'],
      ['  spaced   out  .png', 19, 'q19-spaced-out.png'],
    ];
    const written: string[] = [];
    for (const [i, [fileName, question, expected]] of hostile.entries()) {
      const result = await importFigure({
        reportPath: repo.reportPath,
        question,
        fileName,
        bytes: await png(5 + i, 5),
      });
      expect(result.relativeLink.replace(/-\d+\.png$/, '.png'), JSON.stringify(fileName)).toBe(`figures/${expected}`);
      written.push(`reports/${result.relativeLink}`);
    }
    const added = filesUnder(repo.root).filter((f) => !before.includes(f));
    expect(added.sort()).toEqual(written.sort());
    expect(added.every((f) => f.startsWith('reports/figures/'))).toBe(true);
    expect(readdirSync(repo.figures).every((name) => /^[a-z0-9-]+\.png$/.test(name))).toBe(true);
  });

  it('keeps very long names within 80 characters, numbered variants included', async () => {
    const repo = reportRepo();
    const fileName = `${'very long screenshot name '.repeat(12)}.png`;
    expect(fileName.length).toBeGreaterThan(300);
    const first = await importFigure({ reportPath: repo.reportPath, question: 21, fileName, bytes: await png(10, 10) });
    const second = await importFigure({
      reportPath: repo.reportPath,
      question: 21,
      fileName,
      bytes: await png(11, 10),
    });
    for (const r of [first, second]) {
      const name = r.relativeLink.slice('figures/'.length);
      expect(name.length).toBeLessThanOrEqual(MAX_FIGURE_NAME_LENGTH);
      expect(name).toMatch(/^q21-very-long-screenshot-name-very-long/);
      expect(name).not.toMatch(/--|-\.png$/);
    }
    expect(second.relativeLink).toBe(first.relativeLink.replace(/\.png$/, '-2.png'));
  });
});

describe('importFigure: dedupe, collisions, never overwriting', () => {
  it('reuses a file with the same bytes, whatever its name', async () => {
    const repo = reportRepo();
    const bytes = await png();
    const first = await importFigure({ reportPath: repo.reportPath, question: 19, fileName: 'bucket.png', bytes });
    const again = await importFigure({ reportPath: repo.reportPath, question: 20, fileName: 'other name.png', bytes });
    expect(again).toMatchObject({ reused: true, relativeLink: first.relativeLink, path: first.path });
    expect(readdirSync(repo.figures)).toEqual(['q19-bucket.png']);
  });

  it('gives a different file with a taken name the next number, leaving the existing one untouched', async () => {
    const existing = await png(40, 30, BLUE);
    const repo = reportRepo({}, { 'reports/figures/q19-bucket.png': existing });
    const second = await importFigure({
      reportPath: repo.reportPath,
      question: 19,
      fileName: 'bucket.png',
      bytes: await png(41, 30),
    });
    const third = await importFigure({
      reportPath: repo.reportPath,
      question: 19,
      fileName: 'bucket.png',
      bytes: await png(42, 30),
    });
    expect([second.relativeLink, third.relativeLink]).toEqual(['figures/q19-bucket-2.png', 'figures/q19-bucket-3.png']);
    expect(readFileSync(join(repo.figures, 'q19-bucket.png')).equals(existing)).toBe(true);
  });

  it('treats a name taken in another case as taken (it would clash on a Mac or Windows clone)', async () => {
    const repo = reportRepo({}, { 'reports/figures/Q19-Bucket.png': await png(40, 30, BLUE) });
    const result = await importFigure({
      reportPath: repo.reportPath,
      question: 19,
      fileName: 'bucket.png',
      bytes: await png(),
    });
    expect(result.relativeLink).toBe('figures/q19-bucket-2.png');
  });

  it('several different files with one name dropped at once all land, none overwritten', async () => {
    const repo = reportRepo();
    const images = await Promise.all([1, 2, 3, 4, 5].map((i) => png(10 * i, 10)));
    const results = await Promise.all(
      images.map((bytes) => importFigure({ reportPath: repo.reportPath, question: 19, fileName: 'shot.png', bytes })),
    );
    expect(new Set(results.map((r) => r.relativeLink)).size).toBe(5);
    for (const [i, r] of results.entries()) expect(readFileSync(r.path).equals(images[i])).toBe(true);
    expect(readdirSync(repo.figures).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('importFigures reports each file: imported, reused or refused', async () => {
    const repo = reportRepo();
    const bytes = await png();
    const outcomes = await importFigures({
      reportPath: repo.reportPath,
      question: 20,
      files: [
        { fileName: 'a.png', bytes },
        { fileName: 'notes.txt', bytes: new TextEncoder().encode('not an image') },
        { fileName: 'b.png', bytes },
      ],
    });
    expect(outcomes.map((o) => (o.ok ? [o.relativeLink, o.reused] : [o.problem]))).toEqual([
      ['figures/q20-a.png', false],
      ['unsupported-format'],
      ['figures/q20-a.png', true],
    ]);
  });

  it('writeNewFile refuses a taken name, also without hard links', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'figures-write-'));
    const path = join(dir, 'a.png');
    writeFileSync(path, 'original');
    for (const hardLinks of [true, false]) {
      expect(await writeNewFile(path, new Uint8Array([1, 2, 3]), { hardLinks })).toBe(false);
      expect(readFileSync(path, 'utf8')).toBe('original');
      const fresh = join(dir, `new-${hardLinks}.png`);
      expect(await writeNewFile(fresh, new Uint8Array([1, 2, 3]), { hardLinks })).toBe(true);
      expect([...readFileSync(fresh)]).toEqual([1, 2, 3]);
    }
    expect(readdirSync(dir).sort()).toEqual(['a.png', 'new-false.png', 'new-true.png']);
  });

  it('refuses a figures/ that links outside the report folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    const repo = reportRepo();
    symlinkSync(outside, repo.figures);
    const error = await importError(
      importFigure({ reportPath: repo.reportPath, question: 19, fileName: 'a.png', bytes: await png() }),
    );
    expect(error.problem).toBe('outside-figures');
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('importFigure: formats', () => {
  it('copies PNG and JPEG byte for byte, keeping .jpeg when the name had it', async () => {
    const repo = reportRepo();
    const p = await png(30, 20);
    const j = await jpeg(30, 20);
    const j2 = await jpeg(31, 20);
    const rp = await importFigure({ reportPath: repo.reportPath, question: 14, fileName: 'a.png', bytes: p });
    const rj = await importFigure({ reportPath: repo.reportPath, question: 14, fileName: 'b.jpg', bytes: j });
    const rj2 = await importFigure({ reportPath: repo.reportPath, question: 14, fileName: 'c.JPEG', bytes: j2 });
    expect([rp.relativeLink, rj.relativeLink, rj2.relativeLink]).toEqual([
      'figures/q14-a.png',
      'figures/q14-b.jpg',
      'figures/q14-c.jpeg',
    ]);
    expect(readFileSync(rp.path).equals(p)).toBe(true);
    expect(readFileSync(rj.path).equals(j)).toBe(true);
    expect(readFileSync(rj2.path).equals(j2)).toBe(true);
    expect([rp.converted, rj.converted]).toEqual([false, false]);
  });

  it('names files by their bytes: JPEG bytes called .png become .jpg, PNG bytes called .jpg become .png', async () => {
    const repo = reportRepo();
    const j = await jpeg();
    const p = await png();
    const a = await importFigure({ reportPath: repo.reportPath, question: 19, fileName: 'photo.png', bytes: j });
    const b = await importFigure({ reportPath: repo.reportPath, question: 19, fileName: 'shot.jpg', bytes: p });
    expect([a.relativeLink, b.relativeLink]).toEqual(['figures/q19-photo.jpg', 'figures/q19-shot.png']);
    expect(readFileSync(a.path).equals(j)).toBe(true);
  });

  it.each([
    ['webp', 'diagram.webp', () => solid(50, 40).webp({ lossless: true }).toBuffer()],
    ['gif', 'anim.gif', () => solid(50, 40).gif().toBuffer()],
    ['tiff', 'scan.tiff', () => solid(50, 40).tiff().toBuffer()],
    ['avif', 'photo.avif', () => solid(50, 40).avif({ lossless: true }).toBuffer()],
    ['bmp', 'paint.bmp', async () => bmp24(50, 40, RED)],
  ] as const)('converts %s to PNG', async (format, fileName, make) => {
    const repo = reportRepo();
    const source = await make();
    const result = await importFigure({ reportPath: repo.reportPath, question: 25, fileName, bytes: source });
    expect(result).toMatchObject({ converted: true, sourceFormat: format, width: 50, height: 40 });
    expect(result.relativeLink).toBe(`figures/q25-${fileName.replace(/\..*$/, '')}.png`);
    const written = readFileSync(result.path);
    expect(sniffImageFormat(written)).toBe('png');
    const meta = await sharp(written).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 50, 40]);
    const { r, g, b } = await pixel(written, 25, 20);
    expect(r).toBeGreaterThan(240);
    expect(g + b).toBeLessThan(20);
    expect(readdirSync(repo.figures)).toEqual([`q25-${fileName.replace(/\..*$/, '')}.png`]);
  });

  it('converts SVG to a crisp PNG (drawn at twice its size)', async () => {
    const repo = reportRepo();
    const result = await importFigure({
      reportPath: repo.reportPath,
      question: 29,
      fileName: 'architecture.svg',
      bytes: svg(120, 60),
    });
    expect(result).toMatchObject({
      converted: true,
      sourceFormat: 'svg',
      width: 240,
      height: 120,
      relativeLink: 'figures/q29-architecture.png',
    });
    expect(await pixel(readFileSync(result.path), 100, 50)).toEqual(RED);
  });

  it('reads BMP pixels the right way up and with their palette', async () => {
    const repo = reportRepo();
    const upright = await importFigure({
      reportPath: repo.reportPath,
      question: 19,
      fileName: 'a.bmp',
      bytes: bmp24(9, 7, BLUE, RED),
    });
    expect(await pixel(readFileSync(upright.path), 0, 0)).toEqual(RED);
    expect(await pixel(readFileSync(upright.path), 1, 0)).toEqual(BLUE);
    expect(await pixel(readFileSync(upright.path), 0, 6)).toEqual(BLUE);
    const palette = await importFigure({
      reportPath: repo.reportPath,
      question: 19,
      fileName: 'b.bmp',
      bytes: bmp8(10, 4, RED, BLUE),
    });
    expect(await pixel(readFileSync(palette.path), 1, 1)).toEqual(RED);
    expect(await pixel(readFileSync(palette.path), 8, 3)).toEqual(BLUE);
  });

  it('refuses what is not an image with a clear message, writing nothing', async () => {
    const repo = reportRepo();
    const refusals: [string, Uint8Array, string, RegExp][] = [
      [
        'notes.png',
        new TextEncoder().encode('just text'),
        'unsupported-format',
        /"notes\.png" is not an image.*PNG or JPEG.*Nothing was written/,
      ],
      [
        'report.pdf',
        new TextEncoder().encode('%PDF-1.7\n...'),
        'unsupported-format',
        /is a PDF.*Export the page as PNG/,
      ],
      [
        'IMG_0001.HEIC',
        Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic')]),
        'unsupported-format',
        /HEIC photo/,
      ],
      ['empty.png', new Uint8Array(0), 'empty', /empty/],
      [
        'broken.png',
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('garbage')]),
        'unreadable',
        /cannot be read/,
      ],
      ['broken.webp', Buffer.from('RIFF\0\0\0\0WEBPgarbage'), 'unreadable', /WebP file cannot be read/],
    ];
    for (const [fileName, bytes, problem, message] of refusals) {
      const error = await importError(importFigure({ reportPath: repo.reportPath, question: 19, fileName, bytes }));
      expect(error.problem, fileName).toBe(problem);
      expect(error.message, fileName).toMatch(message);
    }
    expect(existsSync(repo.figures)).toBe(false);
  });
});

describe('oversized figures', () => {
  it('flags a figure wider than 2560 px, and downscaleFigure writes a smaller copy and relinks', async () => {
    const repo = reportRepo();
    const result = await importFigure({
      reportPath: repo.reportPath,
      question: 14,
      fileName: 'wide.png',
      bytes: await png(3000, 100),
    });
    expect(result.oversized).toEqual({ bytes: result.bytes, width: 3000, height: 100 });
    const text = `before\n${result.markdown}\nafter`;
    const small = await downscaleFigure({ reportPath: repo.reportPath, target: result.relativeLink });
    expect(small).toMatchObject({ relativeLink: 'figures/q14-wide-2560px.png', width: 2560, height: 85 });
    expect(small!.original).toEqual({ bytes: result.bytes, width: 3000, height: 100 });
    expect(applyEdits(text, relinkEdits(text, small!.relink))).toBe('before\n![wide](figures/q14-wide-2560px.png)\nafter');
    expect((await sharp(readFileSync(small!.path)).metadata()).width).toBe(2560);
    expect((await sharp(readFileSync(result.path)).metadata()).width).toBe(3000);
  });

  it('flags a figure over 2 MB; its downscaled copy fits under 2 MB', async () => {
    const repo = reportRepo();
    const big = await noisePng(1200, 1000);
    expect(big.length).toBeGreaterThan(OVERSIZED_BYTES);
    const result = await importFigure({ reportPath: repo.reportPath, question: 14, fileName: 'noise.png', bytes: big });
    expect(result.oversized).toEqual({ bytes: big.length, width: 1200, height: 1000 });
    const small = await downscaleFigure({ reportPath: repo.reportPath, target: result.relativeLink });
    expect(small!.bytes).toBeLessThan(OVERSIZED_BYTES);
    expect(readFileSync(small!.path).length).toBe(small!.bytes);
    expect(readFileSync(result.path).equals(big)).toBe(true);
  });

  it('a small figure is not oversized', async () => {
    const repo = reportRepo();
    const result = await importFigure({
      reportPath: repo.reportPath,
      question: 14,
      fileName: 'ok.jpg',
      bytes: await jpeg(2560, 10),
    });
    expect(result.oversized).toBeUndefined();
  });

  it('downscaleFigure only touches figures inside figures/', async () => {
    const repo = reportRepo({}, { 'reports/other.png': await png() });
    const error = await importError(downscaleFigure({ reportPath: repo.reportPath, target: '../other.png' }));
    expect(error.problem).toBe('outside-figures');
  });
});
