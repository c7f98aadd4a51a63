/** Renderer cases pinned to Python-Markdown's own output, one test each, named by its input. */
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../../src/core';

/** Under `title`, a test per `[input, output]` pair: the graded renderer writes exactly `output`. */
export function rendersAsPython(title: string, cases: readonly (readonly [string, string])[]): void {
  describe(title, () => {
    for (const [input, output] of cases) {
      it(JSON.stringify(input), () => expect(markdownToHtml(input)).toBe(output));
    }
  });
}
