import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/core/parseReport';
import { serializeReport } from '../../src/core/reportModel';
import { buildReport } from '../support/reportBuilder';

/** Lines that look like pieces of the template, so the parser's every branch gets exercised. */
const templateishLine = fc.constantFrom(
  '### Question 3', '## Group information', '## Overall project checklist', '### Week 1',
  '> Answer:', '>Answer:', '> Answer: inline text', 'Answer:', '> **Prompt line?**',
  '> Recommended answer length: 100-200 words.', '> Example:', '* [ ] item (M5)', '- [x] done (M2+M6)',
  '    continuation', '--- question 3 fill here ---', '```', '#### heading in answer', '---',
  '# Exam template for 02476 Machine Learning Operations', '![img](figures/a.png)', '', '   ', '\t',
);
const eol = fc.constantFrom('\n', '\r\n', '\r');

const reportLikeText = fc
  .array(fc.tuple(fc.oneof(templateishLine, fc.string({ maxLength: 40 })), eol), { maxLength: 60 })
  .chain((lines) =>
    fc.tuple(fc.boolean(), fc.boolean()).map(([bom, finalEol]) => {
      let text = lines.map(([l, e]) => l + e).join('');
      if (!finalEol) text = text.replace(/(\r\n|\n|\r)$/, '');
      return (bom ? '\ufeff' : '') + text;
    }),
  );

describe('parse → serialise is lossless for arbitrary text', () => {
  it('holds for any unicode string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (t) => serializeReport(parseReport(t)) === t), {
      numRuns: 500,
    });
  });

  it('holds for random mixtures of template lines, line endings, BOMs and trailing spaces', () => {
    fc.assert(fc.property(reportLikeText, (t) => serializeReport(parseReport(t)) === t), { numRuns: 1500 });
  });

  it('segments tile the text exactly: each starts where the previous ended', () => {
    fc.assert(
      fc.property(reportLikeText, (t) => {
        let offset = 0;
        for (const s of parseReport(t).segments) {
          if (s.start !== offset || t.slice(s.start, s.start + s.text.length) !== s.text) return false;
          offset += s.text.length;
        }
        return offset === t.length;
      }),
      { numRuns: 800 },
    );
  });

  it('holds for synthetic reports with CRLF, CR, a BOM and no final newline', () => {
    for (const e of ['\n', '\r\n', '\r'] as const) {
      for (const bom of [false, true]) {
        for (const finalNewline of [true, false]) {
          const text = buildReport({ eol: e, bom, finalNewline, answers: { 5: 'trailing spaces   \n\nsecond para  ' } });
          const doc = parseReport(text);
          expect(serializeReport(doc)).toBe(text);
          expect(doc.hasBom).toBe(bom);
          expect(doc.lineEnding).toBe(e);
          expect(doc.questions).toHaveLength(31);
        }
      }
    }
  });
});
