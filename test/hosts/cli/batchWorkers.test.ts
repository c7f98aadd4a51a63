/**
 * A large batch spread over worker threads says exactly what one thread says (the built CLI, real
 * repos in a temp folder, real threads), and threads are only used where they can help.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { threadsFor, WORKERS_FROM_REPORTS } from '../../../src/hosts/cli/batchWorkers';
import { assertCliBuilt, CLI_PATH, tempRepo } from '../../support/cli';
import { corpusReports } from '../../support/corpus';
import { passingAnswers31 } from '../../support/passingAnswers';
import { buildReport, words } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

function check(args: string[], threads: number) {
  const r = spawnSync(process.execPath, [CLI_PATH, 'check', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, REPORT_EDITOR_BATCH_THREADS: String(threads) },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a batch over several threads', () => {
  it('prints the same table, details and JSON as one thread', () => {
    const files: Record<string, string> = {};
    const real = corpusReports().slice(0, 10).map((r) => r.text);
    for (let i = 0; i < 16; i++) {
      const group = `group${String(i).padStart(2, '0')}`;
      files[`${group}/reports/README.md`] =
        real[i] ?? buildReport({ answers: { ...passingAnswers31(), 4: words(10 + i), 9: `${words(50)}\n\n## Notes\n\n${words(5)}` } });
      if (i % 3 === 0) files[`${group}/reports/figures/unused.png`] = 'png';
    }
    files['group16/reports/README.md'] = 'not a report';
    const folder = tempRepo(files);
    for (const args of [[folder], [folder, '--verbose'], [folder, '--json']]) {
      const one = check(args, 1);
      const three = check(args, 3);
      expect(one.stdout.length).toBeGreaterThan(0);
      expect(three).toEqual(one);
    }
    expect(check([folder], 3).stdout).toMatch(/group15\/reports\/README\.md\s+31q\s+29\/31\s+4 9/);
  });
});

describe('how many threads a batch gets', () => {
  it('one for a small batch or on a busy machine; otherwise one per idle core, at most 4', () => {
    expect(threadsFor(WORKERS_FROM_REPORTS - 1, {}, 8, 0)).toBe(1);
    // A course's 100 groups stay in one thread: a worker's cold start costs more than it saves.
    expect(threadsFor(100, {}, 2, 0)).toBe(1);
    expect(threadsFor(WORKERS_FROM_REPORTS, {}, 2, 0.2)).toBe(2);
    expect(threadsFor(WORKERS_FROM_REPORTS, {}, 2, 1.5)).toBe(1);
    expect(threadsFor(WORKERS_FROM_REPORTS, {}, 2, 20)).toBe(1);
    expect(threadsFor(WORKERS_FROM_REPORTS, {}, 16, 0)).toBe(4);
    expect(threadsFor(3, { REPORT_EDITOR_BATCH_THREADS: '3' }, 1, 50)).toBe(3);
  });
});
