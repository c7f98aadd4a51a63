/** The public surface of the report core: pure functions, no Node, DOM or Electron. */
export * from './constraints';
export * from './pythonText';
export * from './checkReport';
export * from './reportPy';
export * from './reportModel';
export { parseReport } from './parseReport';
export { detectLineEnding } from './reportLines';
export { setAnswer, setChecked } from './editReport';
export * from './templateVersion';
export * from './analyzeReport';
export * from './render';
export * from './gradedPage';
export * from './textEdit';
export * from './graded';
export * from './figures/figureLink';
export * from './figures/scanFigureLinks';
export * from './figures/figureFindings';
export * from './figures/figureLinkEdits';
/** The package's earlier name for `applyEdits` (from when figure links had one file): kept for its users. */
export { applyEdits as applyTextEdits } from './textEdit';
export * from './doctor';
export * from './merge';
export * from './diagnostics';
