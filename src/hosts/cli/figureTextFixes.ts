/**
 * The figure fixes `doctor --fix` applies besides its own: the ones that only edit the link's own
 * bytes and cannot lose a word or touch a file — add the missing "!" of `[alt](figures/x.png)` and
 * take an image out of the backticks or code fence that shows it as code. (Renames, conversions and
 * copies change files on disk and stay one click each in the app.)
 */
import { applyEdits } from '../../core/textEdit';
import { figureLinkFindings, type FigureFindingKind } from '../../core/figures/figureFindings';

const SAFE_KINDS: readonly FigureFindingKind[] = ['image-without-bang', 'image-in-backticks'];

export interface AppliedFigureFix {
  readonly kind: FigureFindingKind;
  readonly question: number | null;
  /** Line in the text the fix was applied to. */
  readonly line: number | null;
  readonly label: string;
}

export function applyFigureTextFixes(text: string): { text: string; applied: AppliedFigureFix[] } {
  const applied: AppliedFigureFix[] = [];
  let current = text;
  // One at a time, re-reading the links after each: a fix's offsets are only valid for its text.
  for (let guard = 0; guard < 1000; guard++) {
    const finding = figureLinkFindings(current).find((f) => SAFE_KINDS.includes(f.kind) && f.fixes[0]?.kind === 'edit');
    const fix = finding?.fixes[0];
    if (!finding || fix?.kind !== 'edit') break;
    const next = applyEdits(current, fix.edits);
    if (next === current) break;
    applied.push({ kind: finding.kind, question: finding.question, line: finding.line, label: fix.label });
    current = next;
  }
  return { text: current, applied };
}
