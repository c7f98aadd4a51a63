/** `report-editor check`'s text for people: the failures, then every other problem once, by section. */
import type { ReportAnalysis } from '../../../core/analyzeReport';
import type { Diagnostic, DiagnosticSource } from '../../../core/diagnostics';
import { countOf } from '../../../core/constraints';
import type { LoadedReport } from '../../../services/loadReport';
import { relativeTo } from '../displayPath';

function describeSource(loaded: LoadedReport, repoRoot: string): string {
  const template = loaded.template
    ? `${loaded.template.generation}-question template${loaded.template.version === 'unknown' ? '' : ` (${loaded.template.version})`}`
    : 'no recognisable template';
  const table = loaded.reportPyPath
    ? `constraints from ${relativeTo(repoRoot, loaded.reportPyPath)}`
    : `constraints of ${loaded.profile.source.kind === 'course-default' ? loaded.profile.source.description : 'report.py'}`;
  return `${template}, ${table}`;
}

/**
 * Per group, at most this many warnings are printed (a generated or pasted file can cause tens of
 * thousands); `--json` lists them all.
 */
export const MAX_LISTED_WARNINGS = 200;

/** Where each source's diagnostics are printed, in this order; failures are printed above them. */
const SECTIONS: readonly [string, readonly DiagnosticSource[]][] = [
  ['Warnings:', ['merge', 'split', 'checker']],
  ['Figures:', ['figures']],
  ['Where the graded page (python report.py html) will differ from GitHub:', ['graded-page']],
  ['Notes:', ['template']],
];

/** The failures, then every other problem once, by section, with its fixes; then the pass count. */
export function formatHuman(
  loaded: LoadedReport,
  analysis: ReportAnalysis,
  diagnostics: readonly Diagnostic[],
  cwd: string,
  repoRoot: string,
): string[] {
  const { check } = analysis;
  const lines = [`${relativeTo(cwd, loaded.reportPath)}: ${describeSource(loaded, repoRoot)}`, ''];
  if (check.error) {
    lines.push(`The course's checker stops here: ${check.error}`);
    lines.push(
      `  It finds ${countOf(check.answers, 'answer')} instead of ${loaded.profile.expectedAnswers}, so it checks nothing. The warnings below show where.`,
    );
    lines.push('');
  }
  const isFailure = (d: Diagnostic) => d.source === 'checker' && (d.code === 'words' || d.code === 'images');
  // The failures as the checker words them; while it stops with an error it grades none.
  const failures = check.error ? [] : diagnostics.filter(isFailure);
  for (const d of failures) {
    lines.push(`✗ ${d.line === null ? d.message : d.message.replace(/^Question \d+/, (q) => `${q} (line ${d.line})`)}`);
  }
  if (failures.length > 0) lines.push('');
  for (const [title, sources] of SECTIONS) {
    const group = diagnostics.filter((d) => sources.includes(d.source) && !isFailure(d) && d.code !== 'checker-error');
    if (group.length === 0) continue;
    lines.push(title);
    for (const d of group.slice(0, MAX_LISTED_WARNINGS)) {
      const where = [d.question !== null ? `Q${d.question}` : '', d.line !== null ? `line ${d.line}` : '']
        .filter(Boolean)
        .join(', ');
      // Template notes inform; everything else printed here is something to act on.
      lines.push(`  ${d.source === 'template' ? 'ℹ' : '⚠'} ${where ? `${where}: ` : ''}${d.message}`);
      const fixes = d.fixes.map((f) => f.label);
      if (fixes.length > 0) lines.push(`      fix: ${fixes.join(' | ')}`);
    }
    if (group.length > MAX_LISTED_WARNINGS) {
      lines.push(`  … and ${group.length - MAX_LISTED_WARNINGS} more (report-editor check --json lists every one)`);
    }
    lines.push('');
  }
  lines.push(
    check.error
      ? `passed -/${loaded.profile.expectedAnswers} (the checker raised an error)`
      : `passed ${check.passed}/${check.answers}`,
  );
  return lines;
}
