/**
 * Git awareness of the open report, with real git repositories: questions changed since the last
 * commit, uncommitted changes, behind the upstream as last fetched (a bare remote and two clones),
 * the merge driver's presence — and nothing at all outside a repository.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedSinceCommit } from '../../src/core/changedSinceCommit';
import { setAnswer } from '../../src/core/editReport';
import { parseReport } from '../../src/core/parseReport';
import { serializeReport } from '../../src/core/reportModel';
import type { GitReportStatus } from '../../src/api/contract';
import { gitReportStatus } from '../../src/services/gitAwareness';
import { GitSandbox } from '../support/gitSandbox';
import { buildReport } from '../support/reportBuilder';

const REPORT = 'reports/README.md';
const original = buildReport({ answers: { 3: 'Committed three.', 7: 'Committed seven.' } });
const withAnswer = (text: string, n: number, value: string) => serializeReport(setAnswer(parseReport(text), n, value));
/** The questions of `text` that differ from HEAD's answers, compared as the renderer does (it holds the text). */
const changedIn = (status: GitReportStatus | null, text: string) =>
  changedSinceCommit(parseReport(text), new Map((status?.committed ?? []).map((c) => [c.question, c.answer])));

const sandbox = new GitSandbox();
afterAll(() => rmSync(sandbox.root, { recursive: true, force: true }));

describe('git awareness of the open report', () => {
  it('knows nothing outside a repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-editor-nogit-'));
    try {
      mkdirSync(join(dir, 'reports'));
      writeFileSync(join(dir, REPORT), original);
      expect(await gitReportStatus(join(dir, REPORT))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('knows nothing where git is missing', async () => {
    const clone = join(sandbox.root, 'no-git-here');
    mkdirSync(join(clone, 'reports'), { recursive: true });
    writeFileSync(join(clone, REPORT), original);
    const path = process.env['PATH'];
    process.env['PATH'] = join(sandbox.root, 'empty-bin');
    try {
      expect(await gitReportStatus(join(clone, REPORT))).toBeNull();
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('marks the questions changed since the last commit, per question, and uncommitted changes', async () => {
    const origin = sandbox.origin({ [REPORT]: original });
    const clone = origin.clone('anna');
    const file = join(clone, REPORT);
    const clean = await gitReportStatus(file);
    expect(clean).toMatchObject({ branch: 'main', path: REPORT, uncommitted: false, upstream: 'origin/main', behind: 0, mergeDriver: false });
    expect(clean?.committed?.find((c) => c.question === 7)?.answer).toBe('Committed seven.');
    expect(changedIn(clean, original)).toEqual([]);

    // Typed in the editor, not saved yet: HEAD's answers against the text held, the disk is still clean.
    const typed = withAnswer(withAnswer(original, 3, 'Rewritten three.'), 9, 'New nine.');
    const whileTyping = await gitReportStatus(file);
    expect(whileTyping).toMatchObject({ uncommitted: false });
    expect(changedIn(whileTyping, typed)).toEqual([3, 9]);

    // Saved: uncommitted; committed: clean again.
    sandbox.write(clone, REPORT, typed);
    const saved = await gitReportStatus(file);
    expect(saved).toMatchObject({ uncommitted: true });
    expect(changedIn(saved, typed)).toEqual([3, 9]);
    sandbox.commitAll(clone, 'Answer 3 and 9');
    const committed = await gitReportStatus(file);
    expect(committed).toMatchObject({ uncommitted: false });
    expect(changedIn(committed, typed)).toEqual([]);
  });

  it('says how far behind the upstream the branch is, as last fetched (it never fetches)', async () => {
    const sandbox2 = new GitSandbox();
    try {
      const origin = sandbox2.origin({ [REPORT]: original });
      const anna = origin.clone('anna');
      const bob = origin.clone('bob');
      for (const [n, text] of [[4, 'Bob four.'], [5, 'Bob five.']] as const) {
        sandbox2.write(bob, REPORT, withAnswer(sandbox2.read(bob, REPORT), n, text));
        sandbox2.commitAll(bob, `Answer ${n}`);
      }
      sandbox2.git(bob, ['push', '-q', 'origin', 'main']);
      // Anna has not fetched: as far as her clone knows, she is up to date.
      expect(await gitReportStatus(join(anna, REPORT))).toMatchObject({ behind: 0 });
      sandbox2.git(anna, ['fetch', '-q']);
      expect(await gitReportStatus(join(anna, REPORT))).toMatchObject({ behind: 2, upstream: 'origin/main' });
    } finally {
      rmSync(sandbox2.root, { recursive: true, force: true });
    }
  });

  it('a report not committed yet, on a branch without upstream: no answers to compare, uncommitted', async () => {
    const repo = join(sandbox.root, 'fresh');
    mkdirSync(join(repo, 'reports'), { recursive: true });
    sandbox.git(repo, ['init', '-q']);
    writeFileSync(join(repo, REPORT), original);
    expect(await gitReportStatus(join(repo, REPORT))).toMatchObject({ committed: null, uncommitted: true, upstream: null, behind: null });
  });

  it('sees the merge driver once git-setup has run', async () => {
    const clone = join(sandbox.root, 'anna');
    expect((await gitReportStatus(join(clone, REPORT)))?.mergeDriver).toBe(false);
    const setup = sandbox.cli(clone, ['git-setup']);
    expect(setup.code, setup.stderr).toBe(0);
    expect((await gitReportStatus(join(clone, REPORT)))?.mergeDriver).toBe(true);
  });
});
