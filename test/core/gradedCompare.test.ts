import { describe, expect, it } from 'vitest';
import { renderGradedAnswer } from '../../src/core/graded';
import { compareRenderings } from '../../src/core/gradedCompare';
import { applyEdits } from '../../src/core/textEdit';

const kinds = (markdown: string) => compareRenderings(markdown).map((d) => [d.kind, d.line]);

/** Applies a difference's first fix. */
function fixed(markdown: string, kind: string): string {
  const d = compareRenderings(markdown).find((x) => x.kind === kind);
  if (!d?.fixes?.[0]) throw new Error(`no fix for ${kind}`);
  return applyEdits(markdown, d.fixes[0].edits);
}

describe('differences derived from the two renderings', () => {
  it('finds each block that renders differently, at its line, and nothing where both agree', () => {
    const md = [
      'Intro text', // 1
      '- a', // 2
      '- b', // 3
      '', // 4
      '```py', // 5
      'x = 1', // 6
      '```', // 7
      '', // 8
      '| a | b |', // 9
      '|---|---|', // 10
      '| 1 | 2 |', // 11
      '', // 12
      'See[^1].', // 13
      '', // 14
      '[^1]: note', // 15
      '', // 16
      '#Tag', // 17
      '', // 18
      '* outer', // 19
      '  * inner', // 20
    ].join('\n');
    expect(kinds(md)).toEqual([
      ['list-needs-blank-line', 2],
      ['fenced-code', 5],
      ['table', 9],
      ['footnote', 13],
      ['heading-only-graded', 17],
      ['nested-list-indent', 20],
    ]);
    expect(kinds('Plain text with *emphasis*.\n\n- a list\n- after a blank line\n\n    indented code\n\n# A heading')).toEqual([]);
  });

  it('fixes a fenced block by indenting it, and a glued list by a blank line: then both renderings agree', () => {
    const fence = 'Our config:\n```json\n{"a": 1}\n\n{"b": 2}\n```\nAfter.';
    const indented = fixed(fence, 'fenced-code');
    expect(indented).toBe('Our config:\n\n    {"a": 1}\n\n    {"b": 2}\nAfter.');
    expect(renderGradedAnswer(indented)).toContain('<pre><code>{"a": 1}\n\n{"b": 2}\n</code></pre>');
    expect(kinds(indented).map(([k]) => k)).not.toContain('fenced-code');

    const glued = 'Steps:\r\n1. build\r\n2. push';
    const spaced = fixed(glued, 'list-needs-blank-line');
    expect(spaced).toBe('Steps:\r\n\r\n1. build\r\n2. push');
    expect(renderGradedAnswer(spaced)).toContain('<ol>');
    expect(kinds(spaced)).toEqual([]);
  });

  it('finds an indented code block that the graded page runs into the list item as text', () => {
    // GitHub counts 4 spaces from the item's text (2 columns in); the graded page strips one level of 4.
    expect(kinds('* item\n\n      text')).toEqual([['code-block-lost', 3]]);
    expect(renderGradedAnswer('* item\n\n      text')).toContain('<p>text</p>');
  });
});
