/** The doctor: template drift in a report, with fixes that never change an answer's words. */
export { doctor, doctorWithFixes, applyFixes, repair, breaksChecker, type Repair } from './doctor';
export type { Finding, FindingFix, FindingKind, FixChoices, FixOption, Severity } from './types';
export { SEVERITIES } from './types';
export type { WithheldFix } from './verdictGuard';
export { comparableWords, wordsByQuestion, lostWords, type QuestionWords } from './answerWords';
export { lineDiff, lineDiffCounts, diffHunks, type DiffLine, type DiffHunk } from './lineDiff';
export { JEKYLL_HEADER } from './frontMatter';
