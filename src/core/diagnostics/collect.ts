/**
 * The one aggregator: every analysis's diagnostics in, one deduplicated, ordered list out. One
 * problem is one diagnostic, however many checks see it (a link without "!" to a missing file; a
 * "##" the split and the doctor both report): the most useful message stays, every distinct fix
 * is kept.
 */
import { SEVERITY_RANK, type Diagnostic, type DiagnosticFix, type DiagnosticSource } from './diagnostic';

/** Which source's message wins when two describe one problem equally severely. */
const SOURCE_ORDER: readonly DiagnosticSource[] = [
  'checker',
  'merge',
  'split',
  'figures',
  'doctor',
  'graded-page',
  'template',
];

/** Codes that name one problem under different names in different analyses. */
const SAME_PROBLEM: Readonly<Record<string, string>> = {
  'heading-in-answer': 'cut-by-heading',
  'hashes-in-answer': 'cut-by-heading',
  unanswered: 'placeholder',
  'missing-question-heading': 'missing-question',
};

/** Of two equally severe descriptions of one link, the one about the file itself comes first: no fix of the link helps until the file is there. */
const LEADING_CODES: readonly string[] = ['missing-file', 'outside-report', 'case-mismatch'];

const problemOf = (d: Diagnostic) => SAME_PROBLEM[d.code] ?? d.code;

/**
 * Two diagnostics describe the same problem when they sit on the same link (figure checks), or
 * name the same problem at the same question from different analyses. One analysis may list a
 * problem several times (two headings in one answer): those stay apart unless they are identical.
 */
function problemKey(d: Diagnostic): string {
  return d.source === 'figures' && d.range
    ? `${d.question}|link|${d.range.start}:${d.range.end}`
    : `${d.question}|${problemOf(d)}`;
}

const fixKey = (f: DiagnosticFix) =>
  `${f.label}\u0000${JSON.stringify(f.edits ?? null)}\u0000${JSON.stringify(f.action ?? null)}`;

function better(a: Diagnostic, b: Diagnostic): Diagnostic {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity < 0 ? a : b;
  const lead = (d: Diagnostic) => (LEADING_CODES.includes(d.code) ? 0 : 1);
  if (lead(a) !== lead(b)) return lead(a) < lead(b) ? a : b;
  return SOURCE_ORDER.indexOf(a.source) <= SOURCE_ORDER.indexOf(b.source) ? a : b;
}

function merge(a: Diagnostic, b: Diagnostic): Diagnostic {
  const lead = better(a, b);
  const other = lead === a ? b : a;
  const fixes = new Map<string, DiagnosticFix>();
  for (const f of [...lead.fixes, ...other.fixes]) if (!fixes.has(fixKey(f))) fixes.set(fixKey(f), f);
  return {
    ...lead,
    line: lead.line ?? other.line,
    range: lead.range ?? other.range,
    fixes: [...fixes.values()],
  };
}

/**
 * Git's conflict markers first (until they are resolved every count includes both versions), then
 * the checker's error (nothing is graded until it is fixed), then the report-wide ones, then questions in order, errors before warnings before notes in each.
 */
function compare(a: Diagnostic, b: Diagnostic): number {
  const lead = (d: Diagnostic) => (d.source === 'merge' ? 0 : d.code === 'checker-error' ? 1 : 2);
  if (lead(a) !== lead(b)) return lead(a) - lead(b);
  const qa = a.question ?? 0;
  const qb = b.question ?? 0;
  return qa - qb || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.line ?? 0) - (b.line ?? 0);
}

export function collectDiagnostics(...lists: readonly (readonly Diagnostic[])[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Indexed, not searched: a pathological report can hold a million findings. Flat maps with
  // composite keys: two maps per problem took ~30 MB for 70 000 missing figures.
  /** Where a problem with this exact source, line and message went. */
  const exactAt = new Map<string, number>();
  /** Per problem, where each source's first description of it went, in the order they came. */
  const sourcesAt = new Map<string, [DiagnosticSource, number][]>();
  for (const list of lists) {
    for (const d of list) {
      const key = problemKey(d);
      const link = key.includes('|link|');
      const exact = link ? key : `${key}\u0000${d.source}|${d.line}|${d.message}`;
      let at = exactAt.get(exact);
      const sources = link ? undefined : sourcesAt.get(key);
      if (at === undefined && sources) at = sources.find(([source]) => source !== d.source)?.[1];
      if (at === undefined) {
        at = out.push(d) - 1;
      } else out[at] = merge(out[at], d);
      if (!exactAt.has(exact)) exactAt.set(exact, at);
      if (link) continue;
      if (!sources) sourcesAt.set(key, [[d.source, at]]);
      else if (!sources.some(([source]) => source === d.source)) sources.push([d.source, at]);
    }
  }
  // Stable: diagnostics at one place keep the order their analyses gave them.
  return out.sort(compare);
}

/** Diagnostics of one kind, for a list that shows "× 29" instead of 29 alike lines. */
export interface DiagnosticGroup {
  readonly source: DiagnosticSource;
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  readonly items: readonly Diagnostic[];
}

/** Groups by kind (source and code), worst group first, each group in question order. */
export function groupDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticGroup[] {
  const groups = new Map<
    string,
    { source: DiagnosticSource; code: string; severity: Diagnostic['severity']; items: Diagnostic[] }
  >();
  for (const d of diagnostics) {
    const key = `${d.source}:${d.code}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { source: d.source, code: d.code, severity: d.severity, items: [d] });
    else {
      group.items.push(d);
      if (SEVERITY_RANK[d.severity] < SEVERITY_RANK[group.severity]) group.severity = d.severity;
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source),
  );
}
