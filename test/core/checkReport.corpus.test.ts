import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/checkReport';
import { courseProfile } from '../../src/core/constraints';
import { corpusAvailable, corpusFiles } from '../support/corpus';

describe.skipIf(!corpusAvailable)("checker parity with the course's report.py on the corpus", () => {
  for (const file of corpusFiles()) {
    it(`${file.name}: same verdict, counts and answer texts`, () => {
      const result = checkReport(file.text, courseProfile(file.expected.generation as 27 | 31));
      const e = file.expected;
      expect(result.error).toBe(e.error);
      expect(result.answers).toBe(e.answers);
      expect(result.passed).toBe(e.passed);
      expect(result.failures).toEqual(e.failures);
      expect(result.perAnswer).toEqual(e.per_answer);
    });
  }
});
