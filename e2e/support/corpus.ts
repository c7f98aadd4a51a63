/**
 * The real reports the specs edit, read in place from ../shared/corpus, and the byte-wise checks
 * they make on what the app saved.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { courseProfile, type Generation } from '../../src/core/constraints';
import { checkReport } from '../../src/core/checkReport';
import { parseReport } from '../../src/core/parseReport';
import { findQuestion } from '../../src/core/reportModel';
import { CORPUS_DIR, corpusAvailable, type ExpectedCheck } from '../../test/support/corpus';

export { corpusAvailable };

export const CORPUS_MISSING = `${CORPUS_DIR} not found: the end-to-end specs edit real reports from the shared corpus`;

export interface CorpusReport {
  readonly name: string;
  /** The exact bytes of the file. */
  readonly bytes: Buffer;
  readonly text: string;
  readonly expected: ExpectedCheck;
}

export function corpusReport(name: string): CorpusReport {
  const bytes = readFileSync(join(CORPUS_DIR, 'reports', `${name}.md`));
  const expected = JSON.parse(
    readFileSync(join(CORPUS_DIR, 'expected', `${name}.check.json`), 'utf8'),
  ) as ExpectedCheck;
  return { name, bytes, text: bytes.toString('utf8'), expected };
}

/** Where question `number`'s answer segment lies in `text` (UTF-16 offsets). */
export function answerSpan(text: string, number: number): { start: number; end: number } {
  const doc = parseReport(text);
  const question = findQuestion(doc, number);
  if (!question) throw new Error(`no question ${number}`);
  const segment = doc.segments[question.answerSegment];
  return { start: segment.start, end: segment.start + segment.text.length };
}

/** Where checklist item `index`'s segment lies in `text`. */
export function checklistSpan(text: string, index: number): { start: number; end: number } {
  const doc = parseReport(text);
  const item = doc.checklist[index];
  if (!item) throw new Error(`no checklist item ${index}`);
  const segment = doc.segments[item.segment];
  return { start: segment.start, end: segment.start + segment.text.length };
}

/**
 * The course checker's counts on `text`, for every answer except `skip`, compared with its
 * recorded verdict on the original: returns the answers whose counts differ (expected: none).
 */
export function changedVerdicts(text: string, expected: ExpectedCheck, skip: readonly number[]): string[] {
  const result = checkReport(text, courseProfile(expected.generation as Generation));
  const differences: string[] = [];
  if (result.error !== expected.error) differences.push(`error: ${result.error} vs ${expected.error}`);
  for (const answer of expected.per_answer) {
    if (skip.includes(answer.index)) continue;
    const got = result.perAnswer.find((a) => a.index === answer.index);
    if (!got || got.words !== answer.words || got.images !== answer.images) {
      differences.push(
        `answer ${answer.index}: ${got?.words ?? '-'} words/${got?.images ?? '-'} images, expected ${answer.words}/${answer.images}`,
      );
    }
  }
  return differences;
}
