/**
 * The light scan `report-editor check` uses must find exactly what the remark-based finder finds:
 * same kinds, lines and messages, on every answer of every real report and on the synthetic cases.
 */
import { describe, expect, it } from 'vitest';
import { findGradedPageDifferencesInMarkdown } from '../../src/core/gradedPage';
import { scanGradedPageDifferences } from '../../src/core/gradedDifferencesScan';
import { parseReport } from '../../src/core/parseReport';
import { corpusAvailable, corpusFiles } from '../support/corpus';

const key = (d: { kind: string; line: number; message: string }) => `${d.line} ${d.kind} ${d.message}`;
const same = (markdown: string) => {
  expect(scanGradedPageDifferences(markdown).map(key).sort(), markdown.slice(0, 200)).toEqual(
    findGradedPageDifferencesInMarkdown(markdown).map(key).sort(),
  );
};

describe('light graded-page scan agrees with the remark-based finder', () => {
  it.skipIf(!corpusAvailable)('on every answer of every corpus file', () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const file of corpusFiles()) {
      const doc = parseReport(file.text);
      for (const q of doc.questions) {
        const segment = doc.segments[q.answerSegment];
        if (!segment || segment.text.trim() === '') continue;
        const a = scanGradedPageDifferences(segment.text).map(key).sort();
        const b = findGradedPageDifferencesInMarkdown(segment.text).map(key).sort();
        if (JSON.stringify(a) !== JSON.stringify(b)) mismatches.push(`${file.name} Q${q.number}\n scan:   ${a.join('\n         ')}\n remark: ${b.join('\n         ')}`);
        compared++;
      }
    }
    expect(mismatches.join('\n\n')).toBe('');
    expect(compared).toBeGreaterThan(500);
  });

  it.each([
    'We used:\n- uv\n- ruff',
    'Structure:\n\n- src\n  - data.py\n- tests',
    '```python\nprint(1)\n```',
    '| a | b |\n| - | - |\n| 1 | 2 |',
    'We ~~did not~~ did use it.',
    '- [x] tests\n- [ ] docs',
    'See https://example.com/run and www.example.org and <https://ok.example/> and [x](https://ok.example/).',
    '~~~\ncode\n~~~\n\n- a\n    - b\n      - c',
    'Intro paragraph.\n\n- a list after a blank line\n    - nested by 4 spaces\n        - and by 8\n\n    indented code\n\n<https://angle.example/> [link](https://x.example/) ![fig](figures/a.png) `code` **bold**',
    '* [ ] Create a git repository\n* [x] Make sure that all team members have write access to the github repository\n',
    'Text\n~~old~~',
    'Mail us at someone@example.com or see (https://example.com/a_(b)).',
    '1. one\n   - two spaces under an ordered item\n2. three',
    'Para\n2. not a list\n\n```\na\n\n# b\n```',
    'A:\n\n    ```bash\n    x\n    ```\n4. Install:\n\n    ```bash\n    pip\n    ```\n',
    '* [ ] task\n> quote\n- item\n- item\n* [ ] task\n# head',
    'see https://x.org/a.\n    - deep',
    '* [ ] task\n  - sub\n~~gone~~',
    'text here\nsee https://x.org/a.\na@b.com\na@b.com',
    'Intro\n- item ~~gone~~ **bold** [l](https://x.y)\n    - nested',
  ])('on %j', (markdown) => same(markdown));
});
