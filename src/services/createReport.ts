/**
 * A repo with no report: `reports/README.md` made from the course's newest blank template, with
 * `figures/` beside it. Nothing is ever overwritten — the file is written to a temp name and then
 * hard-linked into place, which fails when the name already exists (a file, a folder, even a
 * dangling symlink), so a report made meanwhile by git or another program stays as it is.
 */
import { link, lstat, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BLANK_TEMPLATES, type BlankTemplate } from '../core/templates/blankTemplates';
import { syncFolder, tempPathFor, writeFlushedTemp } from './atomicWrite';

/** Where a created report goes, relative to the repo root: the path the course's checker reads. */
export const CREATED_REPORT = join('reports', 'README.md');

/** The newest template the app knows (versions are `YYYY-MM`, so they sort as text). */
export function newestTemplate(): BlankTemplate {
  return BLANK_TEMPLATES.reduce((newest, t) => (t.version > newest.version ? t : newest));
}

export class CreateReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CreateReportError';
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of the reports/ or figures/ folder';
  if (code === 'ENOSPC') return 'the disk is full';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates `<repoRoot>/reports/README.md` from the newest template and `reports/figures/`; answers
 * the report's path. Throws CreateReportError (nothing written over) when the file already exists
 * or the folders cannot be made.
 */
export async function createReportFromTemplate(repoRoot: string): Promise<{ reportPath: string; template: BlankTemplate }> {
  const reportPath = join(repoRoot, CREATED_REPORT);
  const template = newestTemplate();
  const exists = await lstat(reportPath).then(
    () => true,
    () => false,
  );
  if (exists) throw new CreateReportError(`${reportPath} already exists; nothing was changed`);
  const reportsDir = join(repoRoot, 'reports');
  try {
    await mkdir(join(reportsDir, 'figures'), { recursive: true });
  } catch (error) {
    throw new CreateReportError(`Could not create ${join(reportsDir, 'figures')}: ${reason(error)}`);
  }
  const temp = tempPathFor(reportPath);
  try {
    await writeFlushedTemp(temp, template.text);
    try {
      await link(temp, reportPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new CreateReportError(`${reportPath} appeared while it was being created; it was left as it is`);
      // A file system without hard links (FAT, some network shares): exclusive create instead.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      await writeFile(reportPath, template.text, { flag: 'wx' });
    }
    await syncFolder(reportsDir);
  } catch (error) {
    if (error instanceof CreateReportError) throw error;
    throw new CreateReportError(`Could not create ${reportPath}: ${reason(error)}`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  return { reportPath, template };
}
