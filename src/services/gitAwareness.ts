/**
 * What git knows about the open report, read-only: its answers as last committed (so the form can
 * mark what changed since), whether the file has uncommitted changes, how far the branch is
 * behind its upstream *as last fetched* (never fetched here: no network, no credentials), and
 * whether this clone merges the report with the merge driver. Where git is missing or the report
 * is not in a repository, there is nothing to say: null.
 */
import { realpath } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import type { CommittedAnswer, GitReportStatus } from '../api/contract';
import { parseReport } from '../core/parseReport';
import { GitMissingError, runGit } from './gitCommand';

/** The merge driver's name in .gitattributes and git config (see `report-editor git-setup`). */
export const MERGE_DRIVER_NAME = 'mlops-report';

/** git's answer, or null when it fails (not a repository, no such revision, no upstream). */
async function gitOut(cwd: string, args: readonly string[]): Promise<string | null> {
  const result = await runGit(cwd, args);
  return result.code === 0 ? result.stdout : null;
}

/** Each question's answer, first occurrence of a number only (a duplicated heading keeps the first). */
export function answersOf(text: string): CommittedAnswer[] {
  const seen = new Set<number>();
  const out: CommittedAnswer[] = [];
  for (const q of parseReport(text).questions) {
    if (seen.has(q.number)) continue;
    seen.add(q.number);
    out.push({ question: q.number, answer: q.answer });
  }
  return out;
}

/**
 * The report's git status: HEAD's answers, for the renderer to compare with the text it holds (the
 * service never sees that text). Null where git is missing or the report is outside a repository.
 */
export async function gitReportStatus(reportPath: string): Promise<GitReportStatus | null> {
  const folder = dirname(reportPath);
  try {
    const top = await gitOut(folder, ['rev-parse', '--show-toplevel']);
    if (top === null) return null;
    const root = await realpath(top.trim());
    const path = relative(root, await realpath(reportPath)).split(sep).join('/');
    const [branch, head, status, upstream, attribute, driver] = await Promise.all([
      gitOut(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']),
      gitOut(root, ['show', `HEAD:${path}`]),
      gitOut(root, ['status', '--porcelain', '--', path]),
      gitOut(root, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']),
      gitOut(root, ['check-attr', 'merge', '--', path]),
      gitOut(root, ['config', '--get', `merge.${MERGE_DRIVER_NAME}.driver`]),
    ]);
    const behind = upstream === null ? null : await gitOut(root, ['rev-list', '--count', 'HEAD..@{upstream}']);
    const committed = head === null ? null : answersOf(head);
    return {
      branch: branch === null ? null : branch.trim(),
      path,
      committed,
      uncommitted: status !== null && status.trim() !== '',
      upstream: upstream === null ? null : upstream.trim(),
      behind: behind === null ? null : Number(behind.trim()),
      mergeDriver: attribute !== null && attribute.trim().endsWith(`: merge: ${MERGE_DRIVER_NAME}`) && (driver ?? '').trim() !== '',
    };
  } catch (error) {
    if (error instanceof GitMissingError) return null;
    throw error;
  }
}
