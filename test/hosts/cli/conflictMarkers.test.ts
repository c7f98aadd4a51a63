import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCliProcess, tempRepo } from '../../support/cli';
import { buildReport } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

/** A report after a `git pull` without the driver: git's markers inside question 7's answer. */
const conflicted = buildReport({ answers: { 7: '<<<<<<< HEAD\nOur seven.\n=======\nTheir seven.\n>>>>>>> origin/main' } });
const markerLine = conflicted.split('\n').indexOf('<<<<<<< HEAD') + 1;

describe('git conflict markers in check and doctor, run as processes', () => {
  it('check warns first that question 7 has an unresolved merge conflict (text and --json)', () => {
    const repo = tempRepo({ 'reports/README.md': conflicted });
    const run = runCliProcess(['check'], repo);
    expect(run.stdout).toMatch(new RegExp(`Warnings:\\n  ⚠ Q7, line ${markerLine}: Question 7 has an unresolved merge conflict \\(lines ${markerLine}–${markerLine + 4}\\)`));
    const json = JSON.parse(runCliProcess(['check', '--json'], repo).stdout);
    expect(json.warnings[0]).toMatchObject({ kind: 'merge-conflict', question: 7, line: markerLine });
    expect(runCliProcess(['check'], tempRepo({ 'reports/README.md': buildReport() })).stdout).not.toMatch(/merge conflict/);
  });

  it('doctor lists the conflict as changing what is graded, with no fix', () => {
    const repo = tempRepo({ 'reports/README.md': conflicted });
    const run = runCliProcess(['doctor', '--json'], repo);
    const findings = JSON.parse(run.stdout).findings.filter((f: { kind: string }) => f.kind === 'merge-conflict');
    expect(findings).toEqual([expect.objectContaining({ severity: 'changes-grade', question: 7, line: markerLine })]);
    expect(findings[0].fix).toBeUndefined();
    const human = runCliProcess(['doctor'], repo).stdout;
    expect(human).toMatch(new RegExp(`line ${markerLine} +Q7 +Question 7 has an unresolved merge conflict`));
  });

  it('lists merge-driver and git-setup in the help', () => {
    const help = runCliProcess(['--help']).stdout;
    expect(help).toMatch(/merge-driver BASE OURS THEIRS \[PATH\] +git's merge driver/);
    expect(help).toMatch(/git-setup \[PATH\] +make git merge the report answer by answer/);
  });
});
