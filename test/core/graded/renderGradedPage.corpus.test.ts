/**
 * The graded page, byte for byte: for every corpus report the HTML `python report.py html`
 * wrote (`corpus/expected/NAME.report.html`), and for each blank template the page Debian's
 * python3-markdown 3.4.1 renders from it (kept in ./expected, since the corpus has none).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderGradedPage } from '../../../src/core';
import { corpusAvailable, corpusFiles } from '../../support/corpus';

function expectedHtmlPath(name: string, corpusPath: string): string {
  return existsSync(corpusPath) ? corpusPath : join(import.meta.dirname, 'expected', `${name}.report.html`);
}

describe.skipIf(!corpusAvailable)('renderGradedPage equals report.py html on every corpus file', () => {
  const files = corpusFiles();

  it('covers the 35 reports and the 5 templates', () => {
    expect(files.filter((f) => f.kind === 'report')).toHaveLength(35);
    expect(files.filter((f) => f.kind === 'template')).toHaveLength(5);
  });

  for (const file of files) {
    it(`${file.name} (${file.kind})`, () => {
      const expected = readFileSync(expectedHtmlPath(file.name, file.expectedHtmlPath), 'utf8');
      const actual = renderGradedPage(file.text);
      if (actual !== expected) {
        let i = 0;
        while (actual[i] === expected[i]) i++;
        expect(actual.slice(Math.max(0, i - 200), i + 200)).toBe(expected.slice(Math.max(0, i - 200), i + 200));
      }
      expect(actual).toBe(expected);
    });
  }
});
