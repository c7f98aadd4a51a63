import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionsLinking } from '../../src/core/figures/figureDiskFindings';
import { relinkEdits, removeFigureLink } from '../../src/core/figures/figureLinkEdits';
import { applyEdits } from '../../src/core/textEdit';
import {
  deleteFigureIfUnused,
  FigureError,
  figureThumbnail,
  listFigures,
  renameFigure,
  restoreDeleted,
} from '../../src/services/figures';
import { BLUE, png, reportRepo } from './figuresSupport';

async function refusal(promise: Promise<unknown>): Promise<FigureError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof FigureError)) throw new Error(`expected a FigureError, got ${String(error)}`);
  return error;
}

const readText = (path: string) => readFileSync(path, 'utf8');

describe('renameFigure', () => {
  it('renames the file to a safe name and updates every link to it', async () => {
    const bytes = await png();
    const repo = reportRepo(
      { 19: '![a](figures/q19-img.png)', 20: '![b](./figures/q19-img.png)\n![c](figures/other.png)' },
      { 'reports/figures/q19-img.png': bytes, 'reports/figures/other.png': await png(5, 5) },
    );
    const text = readText(repo.reportPath);
    const result = await renameFigure({
      reportPath: repo.reportPath,
      from: 'figures/q19-img.png',
      to: 'GCP Bucket',
    });
    expect(result.relativeLink).toBe('figures/gcp-bucket.png');
    // The service says which file moved; the links of the caller's own text follow (core).
    expect(relinkEdits(text, result.relink)).toHaveLength(2);
    expect(applyEdits(text, relinkEdits(text, result.relink))).toBe(
      text
        .replace('figures/q19-img.png', 'figures/gcp-bucket.png')
        .replace('./figures/q19-img.png', './figures/gcp-bucket.png'),
    );
    expect(readdirSync(repo.figures).sort()).toEqual(['gcp-bucket.png', 'other.png']);
    expect(readFileSync(join(repo.figures, 'gcp-bucket.png')).equals(bytes)).toBe(true);
  });

  it('keeps dots that are part of the typed name', async () => {
    const repo = reportRepo({}, { 'reports/figures/a.png': await png() });
    const result = await renameFigure({ reportPath: repo.reportPath, from: 'figures/a.png', to: 'results v1.2' });
    expect(result.relativeLink).toBe('figures/results-v1-2.png');
  });

  it('never replaces an existing file', async () => {
    const other = await png(5, 5, BLUE);
    const repo = reportRepo(
      { 19: '![a](figures/a.png)' },
      { 'reports/figures/a.png': await png(), 'reports/figures/b.png': other },
    );
    const error = await refusal(
      renameFigure({ reportPath: repo.reportPath, from: 'figures/a.png', to: 'B.png' }),
    );
    expect(error.problem).toBe('exists');
    expect(readFileSync(join(repo.figures, 'b.png')).equals(other)).toBe(true);
    expect(readdirSync(repo.figures).sort()).toEqual(['a.png', 'b.png']);
  });

  it('fixes the case of a file name, links in either case included', async () => {
    const repo = reportRepo(
      { 19: '![a](figures/Plot.png)\n![b](figures/plot.png)' },
      { 'reports/figures/Plot.png': await png() },
    );
    const text = readText(repo.reportPath);
    const result = await renameFigure({ reportPath: repo.reportPath, from: 'figures/Plot.png', to: 'plot' });
    expect(readdirSync(repo.figures)).toEqual(['plot.png']);
    expect(applyEdits(text, relinkEdits(text, result.relink))).toBe(text.replace('figures/Plot.png', 'figures/plot.png'));
  });

  it('renames only inside figures/, with a hostile new name made safe', async () => {
    const repo = reportRepo({}, { 'reports/figures/a.png': await png(), 'reports/notes.png': await png(5, 5) });
    expect(
      (await refusal(renameFigure({ reportPath: repo.reportPath, from: 'notes.png', to: 'x' }))).problem,
    ).toBe('outside-figures');
    expect(
      (await refusal(renameFigure({ reportPath: repo.reportPath, from: 'figures/../../README.md', to: 'x' })))
        .problem,
    ).toBe('outside-figures');
    const result = await renameFigure({
      reportPath: repo.reportPath,
      from: 'figures/a.png',
      to: '../../evil/CON',
    });
    expect(result.relativeLink).toBe('figures/con-file.png');
    expect(readdirSync(repo.figures)).toEqual(['con-file.png']);
  });

  it('puts a renamed file back under its exact old name for an undo, and nowhere else', async () => {
    const bytes = await png();
    const repo = reportRepo({ 19: '![a](figures/overview.png)' }, { 'reports/figures/overview.png': bytes });
    const back = await renameFigure({
      reportPath: repo.reportPath,
      from: 'figures/overview.png',
      to: 'figures/Bucket Overview_v2.PNG',
      exact: true,
    });
    // Not slugified: the name the links go back to.
    expect(back.relativeLink).toBe('figures/Bucket Overview_v2.PNG');
    expect(readdirSync(repo.figures)).toEqual(['Bucket Overview_v2.PNG']);
    expect(readFileSync(join(repo.figures, 'Bucket Overview_v2.PNG')).equals(bytes)).toBe(true);

    const from = 'figures/Bucket Overview_v2.PNG';
    for (const to of ['notes.md', 'figures/../../README.png', 'evil\\x.png', 'x.png\u0007', '..']) {
      expect((await refusal(renameFigure({ reportPath: repo.reportPath, from, to, exact: true }))).problem).toBe(
        'bad-name',
      );
    }
    writeFileSync(join(repo.figures, 'taken.png'), 'x');
    expect((await refusal(renameFigure({ reportPath: repo.reportPath, from, to: 'taken.png', exact: true }))).problem).toBe(
      'exists',
    );
    expect(readdirSync(repo.figures).sort()).toEqual(['Bucket Overview_v2.PNG', 'taken.png']);
  });
});

describe('undoing a delete', () => {
  it('puts the deleted file back byte for byte, once, and never over a file that took its name', async () => {
    const bytes = await png();
    const repo = reportRepo({}, { 'reports/figures/a.png': bytes, 'reports/figures/b.png': await png(5, 5, BLUE) });
    const deleted = await deleteFigureIfUnused({ reportPath: repo.reportPath, target: 'figures/a.png' });
    expect(deleted.deleted).toBe(true);
    expect(readdirSync(repo.figures)).toEqual(['b.png']);
    expect(await restoreDeleted(deleted.restoreToken!)).toEqual({ relativeLink: 'figures/a.png' });
    expect(readFileSync(join(repo.figures, 'a.png')).equals(bytes)).toBe(true);
    // A token restores once.
    expect((await refusal(restoreDeleted(deleted.restoreToken!))).problem).toBe('not-found');

    const again = await deleteFigureIfUnused({ reportPath: repo.reportPath, target: 'figures/b.png' });
    writeFileSync(join(repo.figures, 'b.png'), 'a new file under the old name');
    expect((await refusal(restoreDeleted(again.restoreToken!))).problem).toBe('exists');
    expect(readFileSync(join(repo.figures, 'b.png'), 'utf8')).toBe('a new file under the old name');
  });
});

describe('removing a figure', () => {
  it('removes the link, then deletes the file only when nothing else in the saved report links it', async () => {
    const repo = reportRepo(
      { 19: 'Bucket:\n![a](figures/a.png)', 20: '![a again](figures/A.png)' },
      { 'reports/figures/a.png': await png() },
    );
    let text = readText(repo.reportPath);
    text = removeFigureLink(text, 19, 'figures/a.png').text;
    writeFileSync(repo.reportPath, text);
    // Question 20 still links it (in another case, as a laptop disk would resolve it).
    expect(await deleteFigureIfUnused({ reportPath: repo.reportPath, target: 'figures/a.png' })).toEqual({
      deleted: false,
      linkedBy: [20],
    });
    expect(existsSync(join(repo.figures, 'a.png'))).toBe(true);
    text = removeFigureLink(text, 20, 'figures/A.png').text;
    writeFileSync(repo.reportPath, text);
    expect(await deleteFigureIfUnused({ reportPath: repo.reportPath, target: 'figures/a.png' })).toEqual({
      deleted: true,
      linkedBy: [],
      restoreToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(readdirSync(repo.figures)).toEqual([]);
    expect(text).toContain('> Answer:\n\nBucket:\n\n### Question 20');
  });

  it('deletes nothing outside figures/', async () => {
    const repo = reportRepo();
    const error = await refusal(deleteFigureIfUnused({ reportPath: repo.reportPath, target: 'README.md' }));
    expect(error.problem).toBe('outside-figures');
    expect(existsSync(repo.reportPath)).toBe(true);
  });
});

describe('listFigures and figureThumbnail', () => {
  it('lists every file in figures/ with its format; the text says which questions link it', async () => {
    const repo = reportRepo(
      { 19: '![a](figures/a.png)', 20: '![a](figures/a.png)\n![b](figures/sub/b.png)' },
      {
        'reports/figures/a.png': await png(),
        'reports/figures/sub/b.png': await png(5, 5),
        'reports/figures/notes.txt': 'x',
        'reports/figures/.DS_Store': 'x',
      },
    );
    const text = readText(repo.reportPath);
    const files = await listFigures({ reportPath: repo.reportPath });
    expect(files.map((f) => [f.relativeLink, f.format, questionsLinking(text, f.relativeLink)])).toEqual([
      ['figures/a.png', 'png', [19, 20]],
      ['figures/notes.txt', null, null],
      ['figures/sub/b.png', 'png', [20]],
    ]);
  });

  it('lists nothing when figures/ does not exist', async () => {
    const repo = reportRepo();
    expect(await listFigures({ reportPath: repo.reportPath })).toEqual([]);
  });

  it('previews an image inside the report folder as a small data: URL, and nothing outside it', async () => {
    const repo = reportRepo({}, { 'reports/figures/big.png': await png(1600, 800), 'secret.png': await png() });
    const thumb = await figureThumbnail({ reportPath: repo.reportPath, target: 'figures/big.png' });
    expect(thumb).toMatchObject({ width: 1600, height: 800 });
    expect(thumb.dataUrl).toMatch(/^data:image\/webp;base64,/);
    const preview = Buffer.from(thumb.dataUrl.split(',')[1], 'base64');
    const sharp = (await import('sharp')).default;
    expect(await sharp(preview).metadata()).toMatchObject({ format: 'webp', width: 320, height: 160 });
    expect((await refusal(figureThumbnail({ reportPath: repo.reportPath, target: '../secret.png' }))).problem).toBe(
      'outside-figures',
    );
  });
});
