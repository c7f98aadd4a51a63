/** Every analysis of a report as one kind of diagnostic, and the one aggregator over them. */
export * from './diagnostic';
export { editBetween } from './editBetween';
export { checkerDiagnostics, checkerErrorMessage, splitDiagnostics } from './fromChecker';
export { figureDiagnostics, figureFixToDiagnosticFix } from './fromFigures';
export { diagnoseDrift, doctorDiagnostics, driftEffects } from './fromDoctor';
export { templateDiagnostics } from './fromTemplate';
export { gradedPageDiagnostics } from './fromGradedPage';
export { conflictDiagnostics } from './fromConflicts';
export { verdictEffect } from './verdictEffect';
export { collectDiagnostics, groupDiagnostics, type DiagnosticGroup } from './collect';
export { questionMarks } from './questionMarks';
export {
  aggregateDiagnostics,
  reportDiagnostics,
  type DiagnosticSources,
  type ReportDiagnosticsInput,
} from './reportDiagnostics';
