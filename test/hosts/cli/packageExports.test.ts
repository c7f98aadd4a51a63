import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt } from '../../support/cli';

const root = resolve(import.meta.dirname, '../../..');
beforeAll(assertCliBuilt);

describe('the core is importable by other tools', () => {
  it('exports parseReport, serializeReport, setAnswer, setChecked and checkReport as mlops-report-editor/core', () => {
    const script = `
      import * as core from 'mlops-report-editor/core';
      const text = '### Question 1\\n\\n> Answer:\\n\\n--- question 1 fill here ---\\n';
      const doc = core.setAnswer(core.parseReport(text), 1, 'Group 7');
      console.log(JSON.stringify({
        names: ['parseReport', 'serializeReport', 'setAnswer', 'setChecked', 'checkReport'].filter((n) => typeof core[n] === 'function'),
        text: core.serializeReport(doc),
        answers: core.checkReport(core.serializeReport(doc), core.courseProfile(31)).answers,
      }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out.names).toEqual(['parseReport', 'serializeReport', 'setAnswer', 'setChecked', 'checkReport']);
    expect(out.text).toBe('### Question 1\n\n> Answer:\n\nGroup 7\n');
    expect(out.answers).toBe(1);
  });

  it('ships type declarations for it', () => {
    expect(existsSync(resolve(root, 'dist/core/index.d.ts'))).toBe(true);
  });
});
