/**
 * The quick test that lets `check` skip the markdown parser must never skip an answer the parser
 * would have flagged: whenever it says "cannot differ", the full comparison finds nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findGradedPageDifferences, findGradedPageDifferencesInMarkdown } from '../../src/core/gradedPage';
import { mayRenderDifferentlyWhenGraded } from '../../src/core/gradedPageTriggers';
import { parseReport } from '../../src/core/parseReport';
import { corpusAvailable, corpusFiles } from '../support/corpus';

/** Pieces of markdown near every construct the comparison knows, so random text hits them. */
const piece = fc.constantFrom(
  '```', '~~~', '``', '~', '~~x~~', '|', 'a | b', '--- | ---', '- ', '* ', '+ ', '1. ', '2) ', '    - ', '  * ', '> - ',
  '[ ] ', '[x] ', 'http://a.b', 'https://x.org/p', 'www.example.com', 'a@b.co', 'mailto:x@y.z', 'xmpp:u@h.p',
  '<https://a.b>', '[t](http://u)', 'plain words', '**bold**', '`code`', '#', '', ' ', '\t', '-', '1.', ':', '/',
);
const markdown = fc
  .array(fc.tuple(fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\n\n')), { maxLength: 12 })
  .map((lines) => lines.map(([parts, eol]) => parts.join('') + eol).join(''));

describe('mayRenderDifferentlyWhenGraded', () => {
  it('says "may differ" for every kind of graded-page difference', () => {
    for (const md of ['```\nx\n```', 'Text\n- item', '- a\n  - b', '| a | b |\n| - | - |\n| 1 | 2 |', '~~old~~', '- [ ] box', 'see https://x.org', 'www.x.org', 'me@x.org', 'a\n:-', '!\n-:', 'a\n:--:']) {
      expect(findGradedPageDifferencesInMarkdown(md).length, md).toBeGreaterThan(0);
      expect(mayRenderDifferentlyWhenGraded(md), md).toBe(true);
    }
  });

  it('says "cannot differ" only where the full comparison finds nothing (random markdown)', () => {
    fc.assert(
      fc.property(markdown, (md) => mayRenderDifferentlyWhenGraded(md) || findGradedPageDifferencesInMarkdown(md).length === 0),
      { numRuns: 3000 },
    );
  });

  it.skipIf(!corpusAvailable)('skips three in four real answers, and never one with a difference', () => {
    let answers = 0;
    let skipped = 0;
    for (const file of corpusFiles()) {
      const doc = parseReport(file.text);
      for (const q of doc.questions) {
        const text = doc.segments[q.answerSegment]?.text ?? '';
        if (text.trim() === '') continue;
        answers++;
        if (mayRenderDifferentlyWhenGraded(text)) continue;
        skipped++;
        expect(findGradedPageDifferencesInMarkdown(text), `${file.name} Q${q.number}`).toEqual([]);
      }
      // And the report-level comparison (which uses the quick test) is unchanged by it.
      const all = findGradedPageDifferences(file.text, doc);
      const full = doc.questions.flatMap((q) => findGradedPageDifferencesInMarkdown(doc.segments[q.answerSegment]?.text ?? ''));
      expect(all.length, file.name).toBe(full.length);
    }
    expect(skipped / answers).toBeGreaterThan(0.6);
  });
});
