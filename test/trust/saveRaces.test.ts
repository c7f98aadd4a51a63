/**
 * Saves racing other writers, with real files and real concurrency:
 *
 * - two browser tabs (or a tab and the app) saving the same report at once, through the real API
 *   handlers: one save wins, every other save with the same (now stale) base is a conflict;
 * - another program writing the report while our save is in flight (between our read and our
 *   rename): a separate process, told when to write, lands its write at random moments across the
 *   save. Whatever the moment, its text is never silently replaced: either our save came first
 *   (their text is on disk), or the save answers `conflict` with their text and their text is on
 *   disk.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaveResult } from '../../src/api/contract';
import { setAnswer } from '../../src/core/editReport';
import { parseReport } from '../../src/core/parseReport';
import { serializeReport } from '../../src/core/reportModel';
import { dispatch } from '../../src/services/apiHandlers';
import { stampOf } from '../../src/services/diskStamp';
import { ReportWorkspace } from '../../src/services/reportWorkspace';
import { tempRepo } from '../support/cli';
import { buildReport, words } from '../support/reportBuilder';
import { testHandlers } from '../support/testHost';

/** A report-sized text (31 answers) with `tag` in every answer. */
function reportText(tag: string): string {
  let doc = parseReport(buildReport());
  for (const q of doc.questions) doc = setAnswer(doc, q.number, `${tag} ${q.number}: ${words(120, tag)}`);
  return serializeReport(doc);
}

describe('two tabs saving the same report at once', () => {
  it('200 concurrent saves from the same base: exactly one is saved, the other 199 are conflicts, and the disk holds the saved one', async () => {
    const repo = tempRepo({ 'reports/README.md': reportText('base') });
    const { handlers } = testHandlers();
    const opened = (await dispatch(handlers, 'openPath', { path: repo })) as { kind: 'opened'; report: { reportPath: string; stamp: string } };
    const { reportPath, stamp } = opened.report;
    const mine = reportText('mine');
    const texts = Array.from({ length: 200 }, (_, i) => mine.replace('mine 4:', `tab ${i}, question 4:`));
    const results = (await Promise.all(
      texts.map((text) => dispatch(handlers, 'saveReport', { reportPath, text, baseStamp: stamp })),
    )) as SaveResult[];
    const saved = results.flatMap((r, i) => (r.kind === 'saved' ? [i] : []));
    const kinds = results.reduce<Record<string, number>>((n, r) => ({ ...n, [r.kind]: (n[r.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ saved: 1, conflict: 199 });
    expect(readFileSync(reportPath, 'utf8')).toBe(texts[saved[0]]);
    // Every conflict shows the text that really is on disk, so "keep mine" or "take disk" is informed.
    for (const r of results) if (r.kind === 'conflict') expect(r.diskText).toBe(texts[saved[0]]);
    expect(readdirSync(join(repo, 'reports'))).toEqual(['README.md']);
  }, 30_000);
});

/** A second program: writes the given text over the report when told, in place or by rename. */
const WRITER = `
const { writeFileSync, renameSync, readFileSync } = require('node:fs');
const [path, textFile] = process.argv.slice(1);
const text = readFileSync(textFile);
let n = 0;
process.stdin.on('data', (chunk) => {
  for (const mode of chunk.toString().split('\\n').filter(Boolean)) {
    if (mode === 'inplace') writeFileSync(path, text);
    else { const tmp = path + '.other-editor-' + n++; writeFileSync(tmp, text); renameSync(tmp, path); }
    process.stdout.write('done\\n');
  }
});
process.stdout.write('ready\\n');
`;

function startWriter(path: string, textFile: string) {
  const child = spawn(process.execPath, ['-e', WRITER, path, textFile], { stdio: ['pipe', 'pipe', 'pipe'] }) as ChildProcessWithoutNullStreams;
  let waiting: (() => void)[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      buffered = buffered.slice(nl + 1);
      const next = waiting.shift();
      next?.();
    }
  });
  const nextLine = () => new Promise<void>((done) => waiting.push(done));
  return {
    ready: nextLine(),
    write(mode: 'inplace' | 'rename'): Promise<void> {
      const done = nextLine();
      child.stdin.write(`${mode}\n`);
      return done;
    },
    stop() {
      waiting = [];
      child.kill();
    },
  };
}

describe('another program writing the report while a save is in flight', () => {
  const TRIALS = Number(process.env['TRUST_RACE_TRIALS'] ?? 150);
  const a = reportText('disk');
  const b = reportText('mine');
  const c = reportText('theirs');
  const repo = tempRepo({ 'reports/README.md': a, 'theirs.md': c });
  const report = join(repo, 'reports/README.md');
  let writer: ReturnType<typeof startWriter>;
  beforeAll(async () => {
    writer = startWriter(report, join(repo, 'theirs.md'));
    await writer.ready;
  });
  afterAll(() => writer.stop());

  it(`never says "saved" over their write (${TRIALS} trials, writes spread across the save)`, async () => {
    const workspace = new ReportWorkspace(() => undefined, null, { watch: false });
    const opened = await workspace.openPath(repo);
    if (opened.kind !== 'opened') throw new Error(JSON.stringify(opened));
    const reportPath = opened.report.reportPath;
    const baseStamp = stampOf(a);
    // How long one save takes here (the lower quartile of 11, after a warm-up: a busy box has slow
    // outliers): their write is sent at a random moment within it.
    const durations: number[] = [];
    for (let i = 0; i < 14; i++) {
      writeFileSync(report, a);
      const started = performance.now();
      await workspace.save({ reportPath, text: b, baseStamp });
      if (i >= 3) durations.push(performance.now() - started);
    }
    const saveMs = durations.sort((x, y) => x - y)[2];

    const outcome = { lost: 0, lostTrials: [] as string[], conflictTheirsOnDisk: 0, savedThenTheirs: 0, other: [] as string[] };
    for (let trial = 0; trial < TRIALS; trial++) {
      writeFileSync(report, a);
      const mode = trial % 2 === 0 ? 'inplace' : 'rename';
      const delay = Math.random() * saveMs * 1.2;
      let written!: Promise<void>;
      const sent = new Promise<void>((done) =>
        setTimeout(() => {
          written = writer.write(mode);
          done();
        }, delay),
      );
      const result = await workspace.save({ reportPath, text: b, baseStamp });
      await sent;
      await written;
      const disk = readFileSync(report, 'utf8');
      if (result.kind === 'saved' && disk === b) {
        outcome.lost++;
        outcome.lostTrials.push(`trial ${trial} (${mode}, write sent after ${delay.toFixed(1)} ms)`);
      }
      else if (result.kind === 'saved' && disk === c) outcome.savedThenTheirs++;
      else if (result.kind === 'conflict' && disk === c) outcome.conflictTheirsOnDisk++;
      else outcome.other.push(`trial ${trial} (${mode}, ${delay.toFixed(1)} ms): ${result.kind}, disk holds ${disk === a ? 'the base' : disk === b ? 'mine' : disk === c ? 'theirs' : `${disk.length} other bytes`}`);
    }
    await workspace.close();
    console.log(
      `[save races] ${TRIALS} trials, save ≈ ${saveMs.toFixed(1)} ms: their write lost ${outcome.lost}, conflict with theirs kept ${outcome.conflictTheirsOnDisk}, saved before theirs ${outcome.savedThenTheirs}, other ${outcome.other.length}`,
    );
    expect(outcome.other).toEqual([]);
    // In-place writes are caught whenever they land. An editor renaming its file into place can still
    // slip into the microseconds between our last check and our rename (two back-to-back system
    // calls; measured about 1 in 1000 such trials): a documented limit, bounded here so that a
    // regression (the unguarded save lost 40–85 % of all trials) fails loudly.
    expect(outcome.lostTrials.filter((t) => t.includes('inplace'))).toEqual([]);
    expect(outcome.lostTrials.filter((t) => t.includes('rename')).length, outcome.lostTrials.join('; ')).toBeLessThanOrEqual(Math.max(1, Math.ceil(TRIALS / 50)));
    // The experiment means something only if writes really landed inside saves.
    expect(outcome.conflictTheirsOnDisk).toBeGreaterThan(TRIALS / 20);
    expect(readdirSync(join(repo, 'reports'))).toEqual(['README.md']);
  }, 60_000);
});
