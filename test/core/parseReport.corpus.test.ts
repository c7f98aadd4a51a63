import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/core/parseReport';
import { serializeReport } from '../../src/core/reportModel';
import { detectTemplate } from '../../src/core/templateVersion';
import { corpusAvailable, corpusFiles } from '../support/corpus';

describe.skipIf(!corpusAvailable)('the report model on every corpus file', () => {
  for (const file of corpusFiles()) {
    describe(file.name, () => {
      const doc = parseReport(file.text);

      it('serialises back to the same bytes', () => {
        expect(serializeReport(doc)).toBe(file.text);
      });

      it('is detected as the generation the course checked it with', () => {
        expect(detectTemplate(file.text)?.generation).toBe(file.expected.generation);
      });

      it('finds the questions, their prompts and the checklist', () => {
        const numbers = doc.questions.map((q) => q.number);
        // Every question heading in the file is found, in order.
        const headings = [...file.text.matchAll(/^ {0,3}#{1,6}[ \t]*Question[ \t]*(\d+)/gim)].map((m) => Number(m[1]));
        expect(numbers).toEqual(headings);
        for (const q of doc.questions) expect(q.prompt.length, `prompt of Q${q.number}`).toBeGreaterThan(10);
        // Every checkbox line of the checklist is an item (three reports deleted the checklist).
        const boxes = file.text.match(/^[ \t]*[*+-][ \t]+\[[^\]\n]{0,4}\]/gm) ?? [];
        expect(doc.checklist.length).toBe(boxes.length);
      });
    });
  }

  for (const file of corpusFiles().filter((f) => f.kind === 'template')) {
    it(`${file.name} is recognised as its own version`, () => {
      const version = /blank-(\d{4}-\d{2})/.exec(file.name)![1];
      expect(detectTemplate(file.text)?.version).toBe(version);
    });
  }
});
