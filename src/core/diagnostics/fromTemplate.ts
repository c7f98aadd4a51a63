/**
 * Template drift in the ranges: where the template's prompt tells the student one range and the
 * checker in force enforces another. The student cannot fix it; they should know which one counts.
 */
import { formatNeed, type Range } from '../constraints';
import type { RangeDifference } from '../templateVersion';
import type { Diagnostic } from './diagnostic';

const describe = (range: Range | null, kind: 'words' | 'images') => (range ? formatNeed(range, kind) : `no ${kind} limit`);

export function templateDiagnostics(differences: readonly RangeDifference[]): Diagnostic[] {
  return differences.map((d) => ({
    source: 'template',
    code: `declared-range-${d.kind}`,
    severity: 'info',
    question: d.question,
    line: null,
    range: null,
    message: `Question ${d.question}'s prompt says ${describe(d.declared, d.kind)}, but the checker in force enforces ${describe(d.enforced, d.kind)}: the checker's range is the one that counts.`,
    fixes: [],
  }));
}
