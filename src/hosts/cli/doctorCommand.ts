/**
 * `report-editor doctor [PATH] [--json] [--fix]`: where the report drifted from the template, and
 * with --fix the repair, written atomically after a backup of the original next to it.
 */
import { constants } from 'node:fs';
import { copyFile, unlink } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkReport, type CheckResult } from '../../core/checkReport';
import { driftEffects } from '../../core/diagnostics';
import { breaksChecker, doctor, type Finding, lineDiffCounts, repair, type Severity, SEVERITIES } from '../../core/doctor';
import { figureLinkFindings } from '../../core/figures/figureFindings';
import { reportFigureLinks } from '../../core/figures/scanFigureLinks';
import { writeFileAtomic } from '../../services/atomicWrite';
import { loadReport, type LoadedReport } from '../../services/loadReport';
import { locateReport } from '../../services/locateReport';
import { readReportText, ReportFileError } from '../../services/reportFile';
import { assertWritable, writableHint } from '../../services/writePermission';
import type { CommandRun } from './cliIo';
import { collectGarbageAfterPhaseOf } from './collectGarbage';
import { applyFigureRenames, planFigureRenames, type PlannedRename } from './figureFileFixes';
import { applyFigureTextFixes, safeByDefault } from './figureTextFixes';
import { movedHeadingNotes } from './movedHeadings';
import { withheldJson, withheldNotes } from './withheldFixes';
import './storedPrompts';

const SEVERITY_TITLE: Record<Severity, string> = {
  'breaks-checker': "Breaks the course's checker",
  'changes-grade': 'Changes what is graded or how the graded page shows it',
  cosmetic: 'Cosmetic',
};

const HEADING_CHOICES = ['bold', 'move'] as const;

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}

function templateLine(loaded: LoadedReport, shown: string): string {
  const t = loaded.template;
  const what = t
    ? `${t.generation}-question template${t.version === 'unknown' ? '' : ` (${t.version})`}`
    : 'no recognisable template';
  return `${shown}: ${what}`;
}

function where(f: Finding): string {
  const line = f.line !== null ? `line ${f.line}` : '';
  const q = f.question !== null ? `Q${f.question}` : '';
  return [line, q].filter(Boolean).join('  ').padEnd(14);
}

/**
 * Per severity, at most this many findings are listed (a pasted or generated file can hold tens of
 * thousands); `--json` lists them all.
 */
export const MAX_LISTED_FINDINGS = 200;

/**
 * Findings grouped by severity, worst first, with their fixes; `effects` (by finding id) says
 * beforehand what a fix does to the checker's verdict.
 */
export function formatFindings(
  findings: readonly Finding[],
  indent = '',
  effects: ReadonlyMap<string, string> = new Map(),
): string[] {
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${indent}${SEVERITY_TITLE[severity]} (${group.length}):`);
    for (const f of group.slice(0, MAX_LISTED_FINDINGS)) {
      lines.push(`${indent}  ${where(f)} ${f.message}`);
      if (f.fix) {
        const options =
          f.fix.options && f.fix.options.length > 1
            ? ` (or: ${f.fix.options
                .slice(1)
                .map((o) => o.label)
                .join(', ')})`
            : '';
        lines.push(`${indent}  ${''.padEnd(14)} fix: ${f.fix.label}${options}`);
        const effect = effects.get(f.id);
        if (effect) lines.push(`${indent}  ${''.padEnd(14)}      ${effect}`);
      }
    }
    if (group.length > MAX_LISTED_FINDINGS) {
      lines.push(
        `${indent}  … and ${group.length - MAX_LISTED_FINDINGS} more (report-editor doctor --json lists every one)`,
      );
    }
    lines.push('');
  }
  return lines;
}

/** What each fix does to the verdict, by finding id (only fixes that change it). */
function fixEffects(drift: ReturnType<typeof driftEffects>): Map<string, string> {
  const effects = new Map<string, string>();
  for (const { finding, effect } of drift) if (effect) effects.set(finding.id, effect);
  return effects;
}

function checkerSummary(text: string, loaded: LoadedReport, known: CheckResult | null = null) {
  const check = known ?? checkReport(text, loaded.profile);
  return { answers: check.answers, expected: loaded.profile.expectedAnswers, error: check.error };
}

function timestamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/** Copies the report to `README.md.bak` (or a timestamped name), never over an existing file. */
export async function writeBackup(reportPath: string, now = new Date()): Promise<string> {
  const stamp = timestamp(now);
  const candidates = [`${reportPath}.bak`, `${reportPath}.${stamp}.bak`];
  for (let k = 2; k < 100; k++) candidates.push(`${reportPath}.${stamp}-${k}.bak`);
  for (const candidate of candidates) {
    try {
      await copyFile(reportPath, candidate, constants.COPYFILE_EXCL);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ReportFileError(
          'unreadable',
          `cannot write a backup next to ${reportPath} (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was changed`,
          reportPath,
        );
      }
    }
  }
  throw new ReportFileError(
    'unreadable',
    `too many backups next to ${reportPath}; remove some, nothing was changed`,
    reportPath,
  );
}

/** What was done for a finding: the option picked (`--headings move`), else the fix's own label. */
function appliedLabel(finding: Finding, headings: string): string {
  const option =
    finding.kind === 'heading-in-answer' ? finding.fix?.options?.find((o) => o.id === headings) : undefined;
  return option ? option.label.replace(/\bit\b/, 'the heading') : finding.fix!.label;
}

const renameLabel = (r: PlannedRename): string => `Renamed ${r.from} to ${r.to} and relinked it`;

export const runDoctorCommand: CommandRun = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      fix: { type: 'boolean', default: false },
      headings: { type: 'string', default: 'bold' },
      // The safe figure fixes (a "!" or backticks on a link to an existing file, names with spaces)
      // are part of --fix; --figures adds the ones that may undo a deliberate link (see figureTextFixes).
      figures: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const headings = values.headings as string;
  if (!(HEADING_CHOICES as readonly string[]).includes(headings)) {
    io.err(
      `report-editor doctor: --headings must be "bold" (headings inside answers become bold text) or "move" (moved below the answer), not "${headings}"`,
    );
    return 2;
  }
  const located = await locateReport(resolve(io.cwd, positionals[0] ?? '.'));
  const loaded = await loadReport(located.reportPath);
  const shown = displayPath(io.cwd, loaded.reportPath);
  const template = { generation: loaded.profile.generation, version: loaded.template?.version ?? null };
  // On a huge report each phase's structures are ~100 MB: collected as each one ends (see there),
  // starting with the loading's (finding and recognising the report parsed it).
  const phaseEnded = () => collectGarbageAfterPhaseOf(loaded.text);
  phaseEnded();

  if (!values.fix) {
    // The JSON has no effects: the findings alone, without simulating any fix.
    const drift = values.json
      ? doctor(loaded.text, loaded.profile).map((finding) => ({ finding }))
      : driftEffects(loaded.text, loaded.profile);
    const findings = drift.map((d) => d.finding);
    const exit = breaksChecker(findings).length > 0 ? 1 : 0;
    if (values.json) {
      io.out(
        JSON.stringify({ report: shown, ...template, checker: checkerSummary(loaded.text, loaded), findings }, null, 2),
      );
      return exit;
    }
    const lines = [templateLine(loaded, shown), ''];
    if (findings.length === 0) lines.push('No drift from the template found.');
    else {
      for (const line of formatFindings(findings, '', fixEffects(drift))) lines.push(line);
      const fixable = findings.filter((f) => f.fix).length;
      lines.push(
        fixable > 0
          ? `${fixable} of ${findings.length} finding${findings.length === 1 ? '' : 's'} can be repaired without changing your words: report-editor doctor ${positionals[0] ?? ''}${positionals[0] ? ' ' : ''}--fix (keeps a backup)`
          : `${findings.length} finding${findings.length === 1 ? '' : 's'}, none of which can be repaired without changing your words.`,
      );
    }
    for (const line of lines) io.out(line);
    return exit;
  }

  // One diagnosis gives the findings and the first round of fixes; when the last round diagnosed
  // the repaired text, what is left needs no diagnosis of its own either.
  let repairing: ReturnType<typeof repair>;
  try {
    repairing = repair(loaded.text, loaded.profile, 'all', { 'heading-in-answer': headings }, phaseEnded);
    phaseEnded();
  } catch (error) {
    // applyFixes refuses to return a text that lost a word; say so rather than crash.
    io.err(`report-editor doctor: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const { findings } = repairing;
  const fixable = findings.filter((f) => f.fix);
  const reportDir = dirname(loaded.reportPath);
  // The figure fixes read the links of the repaired text once, from the parse its last diagnosis
  // made (each full read of a 3 MB text of 117,000 questions costs ~100 MB and half a second).
  const figureFixes = applyFigureTextFixes(
    repairing.text,
    values.figures ? undefined : (f) => safeByDefault(f, reportDir),
    figureLinkFindings(repairing.text, reportFigureLinks(repairing.text, repairing.doc ?? undefined)),
  );
  let repaired = figureFixes.text;
  const renamePlan = await planFigureRenames(loaded.reportPath, repaired, figureFixes.findings ?? undefined);
  let renamed: readonly PlannedRename[] = [];
  let backup: string | null = null;
  if (repaired !== loaded.text || renamePlan.renames.length > 0) {
    // Someone (the app, an editor) may have saved the file meanwhile: never overwrite their work.
    if ((await readReportText(loaded.reportPath)) !== loaded.text) {
      io.err(
        `report-editor doctor: ${shown} changed on disk while it was being repaired; nothing was written, run it again`,
      );
      return 2;
    }
    // A read-only report (also for root) is left alone, and then no backup is left behind either.
    await assertWritable(
      loaded.reportPath,
      (owner) =>
        `${shown} is read-only; nothing was repaired or backed up (make it writable first: ${writableHint(shown, owner)})`,
    );
    backup = await writeBackup(loaded.reportPath);
    // Files are renamed last, just before the text that links their new names is written.
    let undoRenames = async () => {};
    try {
      const afterRenames = await applyFigureRenames(loaded.reportPath, repaired, renamePlan.renames);
      repaired = afterRenames.text;
      undoRenames = afterRenames.undo;
      renamed = renamePlan.renames;
      await writeFileAtomic(loaded.reportPath, repaired);
    } catch (error) {
      // Nothing was written, so the renamed files go back and the backup would only be clutter.
      await undoRenames();
      renamed = [];
      await unlink(backup).catch(() => undefined);
      if (error instanceof ReportFileError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new ReportFileError(
        'unreadable',
        `cannot write ${shown} (${code ?? String(error)}); nothing was changed`,
        loaded.reportPath,
      );
    }
  }
  const known = repaired === repairing.text ? repairing.remaining : null;
  // Effects are printed for fixes only: left-over findings rarely have one.
  const remainingDrift =
    known && !known.some((f) => f.fix) ? known.map((finding) => ({ finding })) : driftEffects(repaired, loaded.profile);
  const remaining = remainingDrift.map((d) => d.finding);
  const remainingIds = new Set(remaining.filter((f) => f.fix).map((f) => f.id));
  const fixed = fixable.filter((f) => !remainingIds.has(f.id));
  const exit = breaksChecker(remaining).length > 0 ? 1 : 0;
  const checker = checkerSummary(repaired, loaded, repaired === repairing.text ? repairing.check : null);
  const figuresFixed = [
    ...figureFixes.applied,
    ...renamed.map((r) => ({ kind: 'path-with-spaces', question: r.question, line: r.line, label: renameLabel(r) })),
  ];
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          report: shown,
          ...template,
          backup: backup && displayPath(io.cwd, backup),
          fixed,
          // Present when asked for (--figures) or when there is something to list, so the shape
          // scripts already read does not change for reports without figure fixes.
          ...(values.figures || figuresFixed.length > 0 ? { figuresFixed } : {}),
          ...(renamePlan.refused.length > 0 ? { figuresNotFixed: renamePlan.refused } : {}),
          ...(repairing.withheld.length > 0
            ? { notApplied: withheldJson(loaded.text, repairing.withheld, loaded.profile) }
            : {}),
          checker,
          findings: remaining,
        },
        null,
        2,
      ),
    );
    return exit;
  }
  const lines = [templateLine(loaded, shown), ''];
  if (backup === null) {
    lines.push(
      findings.length === 0
        ? 'No drift from the template found; nothing to repair.'
        : repairing.withheld.length > 0
          ? 'Nothing was repaired; the file is unchanged.'
          : 'Nothing here can be repaired without changing your words; the file is unchanged.',
      '',
    );
  } else {
    const { added, removed } = lineDiffCounts(loaded.text, repaired);
    const count = fixed.length + figureFixes.applied.length + renamed.length;
    lines.push(
      `Repaired ${count} finding${count === 1 ? '' : 's'} (${added} line${added === 1 ? '' : 's'} added, ${removed} removed; every answer keeps its words):`,
    );
    for (const f of fixed.slice(0, MAX_LISTED_FINDINGS)) lines.push(`  ✓ ${where(f)} ${appliedLabel(f, headings)}`);
    if (fixed.length > MAX_LISTED_FINDINGS) lines.push(`  … and ${fixed.length - MAX_LISTED_FINDINGS} more`);
    if (headings === 'move') lines.push(...movedHeadingNotes(loaded.text, repaired, loaded.profile, fixed));
    for (const f of figureFixes.applied) {
      lines.push(
        `  ✓ ${[f.line !== null ? `line ${f.line}` : '', f.question !== null ? `Q${f.question}` : ''].filter(Boolean).join('  ').padEnd(14)} ${f.label}`,
      );
    }
    for (const r of renamed) {
      lines.push(
        `  ✓ ${[r.line !== null ? `line ${r.line}` : '', r.question !== null ? `Q${r.question}` : ''].filter(Boolean).join('  ').padEnd(14)} ${renameLabel(r)}`,
      );
    }
    lines.push(`Backup of the original: ${displayPath(io.cwd, backup)}`, '');
  }
  lines.push(...withheldNotes(loaded.text, repairing.withheld, loaded.profile, where));
  for (const refusal of renamePlan.refused) lines.push(`✗ ${refusal}`);
  if (renamePlan.refused.length > 0) lines.push('');
  lines.push(
    checker.error
      ? `The course's checker ${repairing.stoppedBefore ? 'still stops' : 'stops'}: ${checker.error}`
      : `The course's checker finds ${checker.answers} of ${checker.expected} answers.`,
    '',
  );
  if (remaining.length > 0) {
    lines.push(`Left for you (${remaining.length}):`);
    for (const line of formatFindings(remaining, '  ', fixEffects(remainingDrift))) lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) io.out(line);
  return exit;
};
