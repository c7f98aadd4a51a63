/**
 * The figure fix of `doctor --fix` that touches a file: a figure whose name has spaces (which the
 * graded page's Markdown reads as the end of the link) is renamed to the name the app proposes
 * (`my plot.png` → `my-plot.png`), with `git mv` when git tracks it so the repo keeps it, and every
 * link to it in the report follows. Where that name is taken, nothing is renamed and one line says so.
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { figureLinkFindings, type FigureFinding } from '../../core/figures/figureFindings';
import { relinkEdits, renameFigureLinkEdits } from '../../core/figures/figureLinkEdits';
import { applyEdits as applyTextEdits } from '../../core/textEdit';
import { figureHygiene } from '../../services/figures/figureHygiene';
import { candidateName, extensionOfName, renamedStem } from '../../services/figures/figureNames';
import { reportFolder } from '../../services/figures/figureFolder';
import { renameFigure } from '../../services/figures/figureStore';
import { gitAvailability, gitFileStatus, gitMove } from '../../services/figures/gitStatus';

export interface PlannedRename {
  readonly question: number | null;
  readonly line: number | null;
  /** Links as written in the report, relative to its folder. */
  readonly from: string;
  readonly to: string;
}

export interface RenamePlan {
  readonly renames: readonly PlannedRename[];
  /** One line per figure left alone, and why. */
  readonly refused: readonly string[];
}

/**
 * Which renames `text` (saved at `reportPath`) calls for; nothing is changed yet. `found` is
 * `figureLinkFindings(text)` when the caller has it.
 */
export async function planFigureRenames(
  reportPath: string,
  text: string,
  found: readonly FigureFinding[] = figureLinkFindings(text),
): Promise<RenamePlan> {
  // The disk checks only where the text has a link with a space: a pasted file of 100,000 image
  // links would otherwise get a second full hygiene pass (a finding per missing file) for nothing.
  if (!found.some((f) => f.kind === 'path-with-spaces')) return { renames: [], refused: [] };
  const { findings } = await figureHygiene({ reportPath, text });
  const renames: PlannedRename[] = [];
  const refused: string[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    if (finding.kind !== 'path-with-spaces') continue;
    const fix = finding.fixes.find((f) => f.kind === 'rename-file');
    if (!fix || fix.kind !== 'rename-file' || seen.has(fix.from)) continue;
    seen.add(fix.from);
    const name = basename(fix.from);
    const wanted = candidateName(renamedStem(name), extensionOfName(name), 1);
    // The app offers a numbered name when the plain one is taken; a command run without a look at
    // the folder should not pick one: the student decides which file is which.
    if (basename(fix.to) !== wanted) {
      refused.push(`${fix.from} was not renamed: ${join(dirname(fix.from), wanted)} already exists (rename one of them yourself)`);
      continue;
    }
    renames.push({ question: finding.question, line: finding.line, from: fix.from, to: fix.to });
  }
  return { renames, refused };
}

/**
 * Renames the planned files (git mv when tracked) and returns `text` with every link to them
 * following. Call it only when the text is about to be written; `undo` puts the files back if that
 * write fails.
 */
export async function applyFigureRenames(
  reportPath: string,
  text: string,
  renames: readonly PlannedRename[],
): Promise<{ text: string; undo: () => Promise<void> }> {
  const folder = reportFolder(reportPath);
  const git = renames.length > 0 ? await gitAvailability(folder) : null;
  const done: { from: string; to: string; tracked: boolean }[] = [];
  let current = text;
  for (const rename of renames) {
    const from = resolve(folder, rename.from);
    const to = resolve(folder, rename.to);
    const real = await realpath(from);
    const tracked = git?.checked === true && (await gitFileStatus(git.root, [real])).get(real)?.tracked === true;
    if (tracked && git?.checked) {
      await gitMove(git.root, real, join(dirname(real), basename(to)));
      current = applyTextEdits(current, renameFigureLinkEdits(current, rename.from, rename.to));
    } else {
      const renamed = await renameFigure({ reportPath, from: rename.from, to: basename(rename.to) });
      current = applyTextEdits(current, relinkEdits(current, renamed.relink));
    }
    done.push({ from, to, tracked });
  }
  const undo = async () => {
    for (const r of done.reverse()) {
      if (r.tracked && git?.checked) await gitMove(git.root, r.to, r.from).catch(() => undefined);
      else await import('node:fs/promises').then((fs) => fs.rename(r.to, r.from)).catch(() => undefined);
    }
  };
  return { text: current, undo };
}
