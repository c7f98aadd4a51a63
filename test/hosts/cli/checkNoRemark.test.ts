/**
 * `report-editor check` runs on every commit (CI, pre-commit): its graded-page comparison must not
 * load remark or its parser (~350 ms of a ~550 ms run). The built CLI runs under a module hook that
 * refuses to resolve them; the check must still list the graded-page differences.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, CLI_PATH, tempRepo } from '../../support/cli';
import { buildReport } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

const MARKDOWN_PARSERS = '^(remark|unified|micromark|mdast-util|mdast)';

function refusingHook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'no-remark-'));
  const hook = `export async function resolve(specifier, context, next) {
  if (new RegExp(${JSON.stringify(MARKDOWN_PARSERS)}).test(specifier)) throw new Error('refused to load ' + specifier);
  return next(specifier, context);
}`;
  const file = join(dir, 'register.mjs');
  writeFileSync(
    file,
    `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));\n`,
  );
  return file;
}

describe('report-editor check without remark', () => {
  it('lists graded-page differences while any import of remark would fail', () => {
    const hook = refusingHook();
    // The hook really refuses remark: without this, the test below could pass for nothing.
    const control = spawnSync(process.execPath, ['--import', hook, '-e', "await import('remark-parse')"], {
      encoding: 'utf8',
      cwd: process.cwd(),
    });
    expect(control.status).not.toBe(0);
    expect(control.stderr).toContain('refused to load remark-parse');

    const repo = tempRepo({
      'reports/README.md': buildReport({ answers: { 4: 'We used:\n- uv\n- ruff', 6: '```python\nprint(1)\n```' } }),
    });
    const run = spawnSync(process.execPath, ['--import', hook, CLI_PATH, 'check', repo, '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).not.toContain('refused');
    const kinds = (JSON.parse(run.stdout).warnings as { kind: string }[]).map((w) => w.kind);
    expect(kinds).toEqual(expect.arrayContaining(['list-needs-blank-line', 'fenced-code']));
  });
});
