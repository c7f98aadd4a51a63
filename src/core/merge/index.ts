/** Three-way merge of reports, answer by answer, and git's conflict markers in a report. */
export { mergeReports, type AnswerConflict, type MergeOptions, type MergeResult, type StructuralConflict, type TextRange } from './mergeReports';
export { conflictWarnings, describeConflictRegion, findConflictMarkers, resolveConflictRegion, type ConflictChoice, type ConflictRegion, type ConflictWarning } from './conflictMarkers';
export { diff3, type Region, type RegionKind } from './diff3';
export { diffSequences, type Hunk } from './sequenceDiff';
export { chosenAnswer, resolveAnswerConflict, type AnswerChoice } from './resolveAnswerConflict';
