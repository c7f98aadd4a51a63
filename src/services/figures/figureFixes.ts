/**
 * Carries out the file half of a figure fix: rename, convert, copy in, delete, `git add`. The text
 * half (pointing the links at the new file) is the caller's: the answer says which file moved
 * (`relink`), and the caller edits the text it holds (core's relinkEdits).
 *
 * The service never sees the report, so it checks each fix against the disk instead: it runs a fix
 * only where figureFacts would propose it now (the file is there, its name is the one a rename
 * would give, git does not track it...). A renderer cannot make it rename, delete or `git add`
 * anything else, and a fix computed before the disk changed fails with `stale-fix`.
 */
import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { TargetFacts } from '../../core/figures/figureDiskFindings';
import type { FigureFix } from '../../core/figures/figureFindings';
import { ALLOWED_FIGURE_EXTENSIONS, normalizeFigurePath, figureTarget } from '../../core/figures/figureLink';
import type { FigureRelink } from '../../core/figures/figureLinkEdits';
import { FigureError } from './figureError';
import { figureFacts, isImportableImage, outsideSource } from './figureFacts';
import { FIGURES_FOLDER, reportFolder } from './figureFolder';
import { importFigure } from './figureImport';
import { convertFigureToPng, deleteFigureIfUnused, renameFigure } from './figureStore';
import { gitAdd, gitAvailability } from './gitStatus';

export interface FixOutcome {
  readonly message: string;
  /** The file the report's links should follow to (none for delete and git add). */
  readonly relink?: FigureRelink;
  /** A deleted file, kept for an undo (`restoreFigure`). */
  readonly restoreToken?: string;
}

const stale = (why: string) => new FigureError('stale-fix', `This fix no longer matches the files (${why}); check again.`);

async function factsOf(reportPath: string, target: string): Promise<TargetFacts> {
  const { targets } = await figureFacts(reportPath, { local: [normalizeFigurePath(target)], outside: [] });
  return targets[0];
}

/** Carries out `fix` (any kind but `edit`, which is the caller's alone) on the files of the report at `reportPath`. */
export async function carryOutFigureFix(reportPath: string, fix: FigureFix): Promise<FixOutcome> {
  switch (fix.kind) {
    case 'edit':
      throw new FigureError('stale-fix', 'A text edit is applied by the editor, not by the figures service.');
    case 'rename-file': {
      const facts = await factsOf(reportPath, fix.from);
      const to = normalizeFigurePath(fix.to);
      if (
        facts.state !== 'exact' ||
        !facts.path.startsWith(`${FIGURES_FOLDER}/`) ||
        facts.safeName !== basename(to) ||
        dirname(to) !== dirname(facts.path)
      )
        throw stale(`${fix.from} is not there under a name that needs this rename`);
      const renamed = await renameFigure({ reportPath, from: fix.from, to: basename(to) });
      return { message: `Renamed ${fix.from} to ${renamed.relativeLink}`, relink: renamed.relink };
    }
    case 'convert-to-png': {
      const facts = await factsOf(reportPath, fix.target);
      const extension = figureTarget(fix.target).extension;
      if (facts.state !== 'exact' && facts.state !== 'case') throw stale(`${fix.target} does not exist`);
      if (ALLOWED_FIGURE_EXTENSIONS.includes(extension)) throw stale(`${fix.target} is already a .${extension}`);
      const converted = await convertFigureToPng({ reportPath, target: fix.target });
      return {
        message: `Converted ${fix.target} to ${converted.relativeLink}; the original is still in place`,
        relink: converted.relink,
      };
    }
    case 'copy-into-figures': {
      const target = figureTarget(fix.source);
      const source = outsideSource(reportFolder(reportPath), fix.source);
      if (!target.outside || !(await isImportableImage(source)))
        throw stale(`${fix.source} is not an image outside the report's folder`);
      const bytes = await readFile(source);
      const imported = await importFigure({ reportPath, question: fix.question, fileName: basename(source), bytes });
      return { message: `Copied ${fix.source} to ${imported.relativeLink}`, relink: { from: fix.source, to: imported.relativeLink } };
    }
    case 'delete-file': {
      const result = await deleteFigureIfUnused({ reportPath, target: fix.target });
      if (!result.deleted) throw stale(`the saved report links ${fix.target}; it was kept`);
      return { message: `Deleted ${fix.target}`, ...(result.restoreToken ? { restoreToken: result.restoreToken } : {}) };
    }
    case 'git-add': {
      const facts = await factsOf(reportPath, fix.target);
      if (facts.state !== 'exact' && facts.state !== 'case') throw stale(`${fix.target} does not exist`);
      if (!facts.git || facts.git.tracked || (facts.git.ignoredBy !== null) !== fix.force)
        throw stale(`git's view of ${fix.target} changed`);
      const git = await gitAvailability(reportFolder(reportPath));
      if (!git.checked) throw new FigureError('stale-fix', `git cannot run here: ${git.reason}`);
      await gitAdd(git.root, await realpath(resolve(reportFolder(reportPath), facts.actual)), fix.force);
      return { message: `Added ${fix.target} to git; commit and push it so graders get it` };
    }
  }
}
