/**
 * Links from answers to repo files that are not there are reported like missing figures: the
 * grader who clicks them on GitHub gets a 404. Real files in a temp repo.
 */
import { describe, expect, it } from 'vitest';
import { localFileLinks } from '../../src/core/fileLinks';
import { deadFileLinkWarnings } from '../../src/services/deadFileLinks';
import { runCliProcess, tempRepo } from '../support/cli';
import { buildReport } from '../support/reportBuilder';

const answer27 = [
  'Full cost breakdown can be seen in:',
  '[Billing](figures/billing.csv)',
  '',
  'Our training config: [train.yaml](../configs/train.yaml "the config"), the [docs](https://example.com/x.csv),',
  'the [next section](#question-28), and `[not a link](figures/code.csv)`.',
  '',
  '```',
  '[inside a fence](figures/fenced.csv)',
  '```',
  '',
  '[a figure without !](figures/missing.png) is the figures check\'s to report.',
].join('\n');

describe('dead links to repo files', () => {
  it('finds the local, non-image links of answers, outside code', () => {
    const text = buildReport({ answers: { 27: answer27 } });
    expect(localFileLinks(text).map((l) => [l.question, l.path])).toEqual([
      [27, 'figures/billing.csv'],
      [27, '../configs/train.yaml'],
    ]);
  });

  it('reports only the ones whose file is missing, on their line', async () => {
    const text = buildReport({ answers: { 27: answer27 } });
    const repo = tempRepo({ 'reports/README.md': text, 'configs/train.yaml': 'lr: 0.1\n' });
    const warnings = await deadFileLinkWarnings(`${repo}/reports/README.md`, text);
    expect(warnings).toEqual([
      {
        kind: 'missing-file',
        question: 27,
        line: text.split('\n').indexOf('[Billing](figures/billing.csv)') + 1,
        message: 'Question 27 links figures/billing.csv, but there is no such file: the grader gets a dead link.',
      },
    ]);
  });

  it('report-editor check lists it with the figures', () => {
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 27: answer27 } }), 'configs/train.yaml': 'lr: 0.1\n' });
    const run = runCliProcess(['check', repo]);
    const figures = run.stdout.split('Figures:')[1] ?? '';
    expect(figures).toMatch(/Q27, line \d+: Question 27 links figures\/billing\.csv, but there is no such file: the grader gets a dead link\./);
    expect(figures).not.toContain('train.yaml');
  });
});
