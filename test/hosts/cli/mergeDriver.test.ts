/**
 * The merge driver with real git: a bare "GitHub" repository and two group members' clones. Member
 * A edits questions 3 and 7 and ticks a box, member B edits 4 and 7 and ticks the box next to it;
 * both commit, B pulls. With the driver only question 7 conflicts, inside question 7; git's own
 * line merge (printed for comparison) also stops on the neighbouring boxes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setAnswer, setChecked } from '../../../src/core/editReport';
import { findConflictMarkers } from '../../../src/core/merge/conflictMarkers';
import { parseReport } from '../../../src/core/parseReport';
import { findQuestion, serializeReport } from '../../../src/core/reportModel';
import { BLANK_TEMPLATES } from '../../../src/core/templates/blankTemplates';
import { driverCommand } from '../../../src/services/gitSetup';
import { assertCliBuilt, CLI_PATH } from '../../support/cli';
import { GitSandbox } from '../../support/gitSandbox';

beforeAll(assertCliBuilt);

const REPORT = 'reports/README.md';
/** A folder that does not exist: where a moved CLI or an upgraded Node used to be. */
const GONE = join(tmpdir(), 'report-editor-moved-away');
// The course's current blank template (the same bytes as the corpus's blank-2026-01-31q.md), held
// in the repo: a report with enough boxes to tick 0, 1 and 5 whether or not the corpus is there.
const template = BLANK_TEMPLATES.find((t) => t.version === '2026-01')!.text;

function edit(text: string, answers: Record<number, string>, boxes: number[] = []): string {
  let doc = parseReport(text);
  for (const [n, answer] of Object.entries(answers)) doc = setAnswer(doc, Number(n), answer);
  for (const i of boxes) doc = setChecked(doc, i, true);
  return serializeReport(doc);
}

const A = { 3: 'We used Hydra and Typer from A.', 7: 'A wrote: we have 21 tests of the data and the model.' };
const B = { 4: 'B wrote: we used uv for dependencies.', 7: 'B wrote: 18 unit tests and 3 integration tests.' };

/** Two clones of one origin; `withDriver` runs git-setup in both (A commits the .gitattributes). */
function group(withDriver: boolean) {
  const sandbox = new GitSandbox();
  const origin = sandbox.origin({ [REPORT]: template, 'README.md': '# Our project\n' });
  const a = origin.clone('member-a');
  if (withDriver) {
    const setup = sandbox.cli(a, ['git-setup']);
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    sandbox.git(a, ['add', '.gitattributes']);
    sandbox.git(a, ['commit', '-q', '-m', 'Merge the report answer by answer']);
    sandbox.git(a, ['push', '-q']);
  }
  const b = origin.clone('member-b');
  if (withDriver) expect(sandbox.cli(b, ['git-setup']).code).toBe(0);
  return { sandbox, a, b };
}

/** A edits 3 and 7 and ticks box 0, pushes; B edits 4 and 7 and ticks boxes 1 and 5, commits, pulls. */
function concurrentEdits(withDriver: boolean, configure?: (sandbox: GitSandbox, b: string) => void) {
  const { sandbox, a, b } = group(withDriver);
  configure?.(sandbox, b);
  sandbox.write(a, REPORT, edit(template, A, [0]));
  sandbox.commitAll(a, 'A: questions 3 and 7');
  sandbox.git(a, ['push', '-q']);
  sandbox.write(b, REPORT, edit(template, B, [1, 5]));
  sandbox.commitAll(b, 'B: questions 4 and 7, boxes');
  const pull = sandbox.git(b, ['pull', '--no-edit'], true);
  return { sandbox, a, b, pull, merged: sandbox.read(b, REPORT) };
}

describe('report-editor merge-driver with real git', () => {
  it('merges 3, 4 and the boxes and conflicts only inside question 7; git alone (printed) does worse', () => {
    const { sandbox, b, pull, merged } = concurrentEdits(true);
    expect(pull.code).not.toBe(0);
    expect(pull.stdout).toContain(`CONFLICT (content): Merge conflict in ${REPORT}`);
    expect(pull.stderr).toMatch(/question 7 was edited on both sides/);
    expect(sandbox.git(b, ['diff', '--name-only', '--diff-filter=U']).stdout.trim()).toBe(REPORT);

    const regions = findConflictMarkers(merged);
    expect(regions).toHaveLength(1);
    expect(regions[0]).toMatchObject({ insideAnswer: 7, ours: `${B[7]}\n`, theirs: `${A[7]}\n`, oursLabel: 'ours', theirsLabel: 'theirs' });
    const doc = parseReport(merged);
    expect(findQuestion(doc, 3)!.answer).toBe(A[3]);
    expect(findQuestion(doc, 4)!.answer).toBe(B[4]);
    expect(doc.checklist.filter((box) => box.checked).map((box) => box.index)).toEqual([0, 1, 5]);
    // Outside question 7's answer the file is exactly both members' edits.
    expect(serializeReport(setAnswer(doc, 7, B[7]))).toBe(edit(template, { ...A, ...B }, [0, 1, 5]));

    // check names the conflict; resolving it the way the app does (set the answer) lets B commit.
    const check = sandbox.cli(b, ['check']);
    expect(check.stdout).toMatch(/Q7, line \d+: Question 7 has an unresolved merge conflict/);
    sandbox.write(b, REPORT, serializeReport(setAnswer(doc, 7, `${B[7]} ${A[7]}`)));
    sandbox.git(b, ['add', REPORT]);
    sandbox.git(b, ['commit', '-q', '--no-edit']);
    expect(findConflictMarkers(sandbox.read(b, REPORT))).toEqual([]);

    const gitAlone = concurrentEdits(false);
    const gitRegions = findConflictMarkers(gitAlone.merged);
    console.log(
      `[merge-driver] git's own merge of the same edits (no driver): exit ${gitAlone.pull.code}, ${gitRegions.length} conflicted region(s):\n` +
        gitRegions.map((r) => `  lines ${r.line}-${r.endLine}${r.questions.length ? ` (questions ${r.questions.join(', ')})` : ' (checklist/template)'}:\n${gitAlone.merged.slice(r.start, r.end).replace(/^/gm, '    | ')}`).join('\n'),
    );
    console.log(`[merge-driver] with the driver: 1 region, lines ${regions[0].line}-${regions[0].endLine}, inside question 7's answer`);
  });

  it('merges cleanly, with a merge commit, when the members edited different answers and neighbouring boxes', () => {
    const { sandbox, a, b } = group(true);
    sandbox.write(a, REPORT, edit(template, { 3: A[3] }, [0]));
    sandbox.commitAll(a, 'A: question 3');
    sandbox.git(a, ['push', '-q']);
    sandbox.write(b, REPORT, edit(template, { 4: B[4] }, [1]));
    sandbox.commitAll(b, 'B: question 4');
    const pull = sandbox.git(b, ['pull', '--no-edit'], true);
    expect(pull.stderr).toContain(`report-editor: merged ${REPORT} answer by answer, without conflicts`);
    expect(pull.code).toBe(0);
    expect(sandbox.read(b, REPORT)).toBe(edit(template, { 3: A[3], 4: B[4] }, [0, 1]));
    expect(sandbox.git(b, ['log', '--format=%p', '-1']).stdout.trim().split(' ')).toHaveLength(2);
  });

  it("writes the base version too when git's merge.conflictStyle is diff3", () => {
    const { merged } = concurrentEdits(true, (sandbox, b) => sandbox.git(b, ['config', 'merge.conflictStyle', 'diff3']));
    const [region] = findConflictMarkers(merged);
    expect(region.insideAnswer).toBe(7);
    expect(region.base).toBe(`${findQuestion(parseReport(template), 7)!.answer}\n`);
  });

  // The driver command holds absolute paths (git-setup); after the CLI is moved or reinstalled, or
  // Node is upgraded to another folder, the command fails to start. git then takes OURS as it is
  // (no markers) and only says CONFLICT: committing it would drop the pulled answers silently.
  it.each([
    ['the CLI was moved or removed', () => driverCommand(join(GONE, 'report-editor.cjs'))],
    ['the Node it names is gone', () => driverCommand(CLI_PATH, join(GONE, 'node'))],
  ])("still leaves both members' words between git's markers when %s", (_, stale) => {
    const { sandbox, b, pull, merged } = concurrentEdits(true, (sandbox, b) => sandbox.git(b, ['config', 'merge.mlops-report.driver', stale()]));
    expect(pull.code).not.toBe(0);
    expect(pull.stderr).toMatch(/git-setup/);
    expect(sandbox.git(b, ['diff', '--name-only', '--diff-filter=U']).stdout.trim()).toBe(REPORT);
    for (const words of [A[3], A[7], B[4], B[7]]) expect(merged).toContain(words);
    expect(findConflictMarkers(merged).length).toBeGreaterThan(0);
  });
});

describe('report-editor merge-driver, run directly', () => {
  it('exits 2 with its usage when arguments are missing', () => {
    const sandbox = new GitSandbox();
    const run = sandbox.cli(sandbox.root, ['merge-driver', 'only-one']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Usage: report-editor merge-driver BASE OURS THEIRS/);
  });

  it('merges a file that is not UTF-8 line by line with git merge-file instead of failing the pull', () => {
    const sandbox = new GitSandbox();
    const files = { base: 'a\nb\nc\nd\ne\n\xe6\n', ours: 'A\nb\nc\nd\ne\n\xe6\n', theirs: 'a\nb\nc\nd\nE\n\xe6\n' };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(sandbox.root, name), Buffer.from(text, 'latin1'));
    const run = sandbox.cli(sandbox.root, ['merge-driver', 'base', 'ours', 'theirs', REPORT]);
    expect(run.stderr).toMatch(/not valid UTF-8.*git merge-file/s);
    expect(run.code).toBe(0);
    expect(readFileSync(join(sandbox.root, 'ours'))).toEqual(Buffer.from('A\nb\nc\nd\nE\n\xe6\n', 'latin1'));
  });
});
