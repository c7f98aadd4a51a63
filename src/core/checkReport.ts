/**
 * A faithful re-implementation of the course's `report.py check`: same split, same counts, same
 * verdicts, same error. Every quirk is deliberate — see TEMPLATE.md "How the checker finds answers".
 */
import { type CheckerProfile, type Range } from './constraints';
import { codePointOffset, countImages, countWords, normalizeNewlines, stripNewlines } from './pythonText';

const MARKER = 'Answer:';

export interface OfficialAnswer {
  /** 1-based position, which is the question the checker judges it as. */
  readonly index: number;
  /** The answer as the checker sees it (after its cuts and `strip("\n")`). */
  readonly text: string;
  /**
   * Offset in the newline-normalised report text where the raw piece begins (just after its
   * `Answer:`), so the structure view can tell which question heading it really came from.
   */
  readonly start: number;
  /** True for the extra copy of the last piece the checker appends whole. */
  readonly appendedLast: boolean;
}

export interface Failure {
  readonly question: number;
  readonly kind: 'words' | 'images';
  readonly min: number;
  readonly max: number;
  readonly got: number;
}

export interface AnswerCount {
  readonly index: number;
  readonly words: number;
  readonly images: number;
  readonly text: string;
}

export interface CheckResult {
  readonly generation: number;
  /** The exception the checker raises, as Python prints it, or null. */
  readonly error: string | null;
  /** How many answers the checker's split finds. */
  readonly answers: number;
  /** Questions with no failed constraint, or null when the checker stops with an error. */
  readonly passed: number | null;
  readonly failures: readonly Failure[];
  readonly perAnswer: readonly AnswerCount[];
}

/**
 * The answers exactly as `report.py` splits them out of `text` (the raw file contents).
 * Offsets refer to `normalizeNewlines(text)`.
 */
export function officialAnswers(text: string, profile: CheckerProfile): OfficialAnswer[] {
  const normalized = normalizeNewlines(text);
  const base = profile.headerChars > 0 ? codePointOffset(normalized, profile.headerChars) : 0;
  const body = base > 0 ? normalized.slice(base) : normalized;

  // Pieces of `body.split("Answer:")`, each with its start offset in `normalized`.
  const pieces: { text: string; start: number }[] = [];
  let from = 0;
  for (;;) {
    const at = body.indexOf(MARKER, from);
    if (at === -1) break;
    pieces.push({ text: body.slice(from, at), start: base + from });
    from = at + MARKER.length;
  }
  pieces.push({ text: body.slice(from), start: base + from });

  const considered = profile.discardFirst === 'piece' ? pieces.slice(1) : pieces;
  const kept: { text: string; start: number; appendedLast: boolean }[] = [];
  for (const piece of considered) {
    const cut = piece.text.indexOf('###');
    if (cut === -1) continue;
    let answer = piece.text.slice(0, cut);
    const sectionCut = answer.indexOf('##');
    if (sectionCut !== -1) answer = answer.slice(0, sectionCut);
    kept.push({ text: answer, start: piece.start, appendedLast: false });
  }
  // `answers.append(per_question[-1])`: the last piece again, whole. (With nothing left after the
  // 31-question pop, Python raises IndexError instead; checkReport reports that.)
  const last = considered.length > 0 ? considered[considered.length - 1] : undefined;
  if (last) kept.push({ text: last.text, start: last.start, appendedLast: true });
  const answers = profile.discardFirst === 'answer' ? kept.slice(1) : kept;

  return answers.map((a, i) => ({
    index: i + 1,
    text: stripNewlines(a.text),
    start: a.start,
    appendedLast: a.appendedLast,
  }));
}

function violates(range: Range | undefined, got: number): boolean {
  return range !== undefined && !(range.min <= got && got <= range.max);
}

/** What `python report.py check` says about `text` under `profile`. */
export function checkReport(text: string, profile: CheckerProfile): CheckResult {
  const official = officialAnswers(text, profile);
  if (profile.discardFirst === 'piece' && official.length === 0) {
    // No `Answer:` at all: `per_question.pop(0)` leaves an empty list and `per_question[-1]` fails.
    return {
      generation: profile.generation,
      error: 'IndexError: list index out of range',
      answers: 0,
      passed: null,
      failures: [],
      perAnswer: [],
    };
  }
  const perAnswer = official.map((a) => ({
    index: a.index,
    words: countWords(a.text),
    images: countImages(a.text),
    text: a.text,
  }));
  if (official.length !== profile.expectedAnswers) {
    return {
      generation: profile.generation,
      error: profile.countError,
      answers: official.length,
      passed: null,
      failures: [],
      perAnswer,
    };
  }
  const failures: Failure[] = [];
  let passed = 0;
  // report.py pairs answers with its constraints by `zip`: with fewer constraints than answers
  // (a repo's report.py with one commented out), the answers past the table are never judged and
  // do not count as passed.
  perAnswer.forEach((answer, i) => {
    if (i >= profile.questions.length) return;
    const constraint = profile.questions[i];
    let ok = true;
    if (constraint.words && violates(constraint.words, answer.words)) {
      failures.push({ question: i + 1, kind: 'words', ...constraint.words, got: answer.words });
      ok = false;
    }
    if (constraint.images && violates(constraint.images, answer.images)) {
      failures.push({ question: i + 1, kind: 'images', ...constraint.images, got: answer.images });
      ok = false;
    }
    if (ok) passed++;
  });
  return {
    generation: profile.generation,
    error: null,
    answers: official.length,
    passed,
    failures,
    perAnswer,
  };
}
