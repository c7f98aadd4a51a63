/**
 * Links from answers to repo files that do not exist: reported with the figures, because for the
 * grader they fail the same way (a dead link instead of a broken image).
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { localFileLinks } from '../core/fileLinks';
import type { ReportDocument } from '../core/reportModel';

export interface DeadFileLinkWarning {
  readonly kind: 'missing-file';
  readonly question: number;
  readonly line: number;
  readonly message: string;
}

export async function deadFileLinkWarnings(reportPath: string, text: string, doc?: ReportDocument): Promise<DeadFileLinkWarning[]> {
  const folder = dirname(reportPath);
  const out: DeadFileLinkWarning[] = [];
  for (const link of localFileLinks(text, doc)) {
    const exists = await stat(resolve(folder, link.path)).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    out.push({
      kind: 'missing-file',
      question: link.question,
      line: link.line,
      message: `Question ${link.question} links ${link.path}, but there is no such file: the grader gets a dead link.`,
    });
  }
  return out;
}
