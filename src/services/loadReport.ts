/**
 * Loads a report with everything needed to judge it: its text, and the checker that applies —
 * the repo's own `report.py` beside the report when it has one, else the course's current one.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CheckerProfile } from '../core/constraints';
import { parseReportPy } from '../core/reportPy';
import { resolveProfile, type ResolvedProfile } from '../core/templateVersion';
import { readReportText, ReportFileError } from './reportFile';

export interface LoadedReport extends ResolvedProfile {
  readonly reportPath: string;
  readonly text: string;
  /** Path of the report.py whose table is in force, or null when the course default is used. */
  readonly reportPyPath: string | null;
}

export async function readReportPy(reportPath: string): Promise<{ path: string; profile: CheckerProfile } | null> {
  const path = join(dirname(reportPath), 'report.py');
  // Almost no repo has one: asked without an error for "not there" (a failed read builds an
  // exception with its stack, ~0.15 ms, for every report of a batch).
  if (statSync(path, { throwIfNoEntry: false }) === undefined) return null;
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const profile = parseReportPy(source, path);
  return profile ? { path, profile } : null;
}

/**
 * `options.text`: the file's text when the caller has just read it (locateReport's `text`), so it
 * is not read and decoded again.
 */
export async function loadReport(
  reportPath: string,
  options: { requireTemplate?: boolean; text?: string } = {},
): Promise<LoadedReport> {
  const text = options.text ?? (await readReportText(reportPath));
  const reportPy = await readReportPy(reportPath);
  const resolved = resolveProfile(text, reportPy?.profile ?? null);
  if (options.requireTemplate !== false && resolved.template === null) {
    throw new ReportFileError(
      'no-template',
      text.trim() === ''
        ? `${reportPath} is empty; copy the course's report template into it (or open the file that holds your report)`
        : `${reportPath} does not hold the 02476 exam template (no "### Question N" headings or template text found)`,
      reportPath,
    );
  }
  return { ...resolved, reportPath, text, reportPyPath: reportPy?.path ?? null };
}
