/**
 * The figure fixes of `doctor --fix` that edit only a link's own bytes: add the missing "!" of
 * `[alt](figures/x.png)` and take an image out of the backticks or code fence that shows it as code.
 * (Renaming a file with spaces is in figureFileFixes.ts; conversions and copies make new files and
 * stay one click each in the app.)
 *
 * `--fix` applies only the ones that cannot be a student's choice or change a word (`safeByDefault`);
 * `--figures` applies every one. Measured on the real reports: a "!" on a link inside a sentence or
 * to a web address turns a deliberate link into a counted image (real-010, real-030), a "!" on a
 * link to a file that is not there adds an image the checker counts and graders see broken
 * (real-004), and removing a fence drops its info word (```markdown, real-019).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { figureLinkFindings, type FigureFinding, type FigureFindingKind } from '../../core/figures/figureFindings';
import type { TextEdit } from '../../core/textEdit';

/**
 * A fix `--fix` applies without being asked: the link is to a file that exists in the report's
 * folder, and it is a "!" missing on a link that stands alone on its line (the core calls that an
 * error rather than a warning) or backticks (not a fence) around an image.
 */
export function safeByDefault(finding: FigureFinding, reportDir: string): boolean {
  const link = finding.link;
  if (!link || link.target.remote || link.target.outside || link.target.path === null) return false;
  const kindIsSafe =
    finding.kind === 'image-without-bang' ? finding.severity === 'error' : finding.kind === 'image-in-backticks' && !link.code?.fence;
  if (!kindIsSafe) return false;
  try {
    return statSync(resolve(reportDir, link.target.path)).isFile();
  } catch {
    return false;
  }
}

const SAFE_KINDS: readonly FigureFindingKind[] = ['image-without-bang', 'image-in-backticks'];

/** Rounds of "find, then fix every non-overlapping one"; a fix that exposes another is met next round. */
const MAX_ROUNDS = 10;

export interface AppliedFigureFix {
  readonly kind: FigureFindingKind;
  readonly question: number | null;
  /** Line in the text the fix was applied to. */
  readonly line: number | null;
  readonly label: string;
}

/**
 * `text` with the accepted fixes applied. `found` is `figureLinkFindings(text)` when the caller has
 * it; the result's `findings` are those of the returned text when the last round scanned it (as it
 * does unless the rounds ran out), else null: the rename plan reads them instead of a third scan.
 */
export function applyFigureTextFixes(
  text: string,
  accept: (finding: FigureFinding) => boolean = () => true,
  found: readonly FigureFinding[] = figureLinkFindings(text),
): { text: string; applied: AppliedFigureFix[]; findings: readonly FigureFinding[] | null } {
  const applied: AppliedFigureFix[] = [];
  let current = text;
  let findings: readonly FigureFinding[] | null = found;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    findings ??= figureLinkFindings(current);
    // All fixes of a round are computed on the same text, so they apply together in one pass
    // (one at a time, re-reading the whole report after each, was quadratic on a pasted file).
    const candidates = findings
      .filter((f) => SAFE_KINDS.includes(f.kind) && accept(f))
      .flatMap((f) => {
        const fix = f.fixes[0];
        return fix?.kind === 'edit' && fix.edits.length > 0 ? [{ finding: f, label: fix.label, edits: fix.edits }] : [];
      })
      .sort((a, b) => Math.min(...a.edits.map((e) => e.start)) - Math.min(...b.edits.map((e) => e.start)));
    const parts: string[] = [];
    let at = 0;
    let changed = false;
    for (const c of candidates) {
      const edits = [...c.edits].sort((a, b) => a.start - b.start);
      // Overlapping an edit taken already (two findings on one link): left for the next round.
      if (edits[0].start < at || !edits.every((e, i) => (i === 0 || e.start >= edits[i - 1].end) && current.slice(e.start, e.end) === e.expect)) {
        continue;
      }
      for (const e of edits as TextEdit[]) {
        parts.push(current.slice(at, e.start), e.text);
        at = e.end;
      }
      applied.push({ kind: c.finding.kind, question: c.finding.question, line: c.finding.line, label: c.label });
      changed = true;
    }
    if (!changed) break;
    parts.push(current.slice(at));
    current = parts.join('');
    findings = null;
  }
  return { text: current, applied, findings };
}
