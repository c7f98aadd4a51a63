/**
 * Figure hygiene: everything that makes a figure count for the student and vanish for the grader.
 * The text-level checks come from the core (figureLinkFindings); this adds what needs the disk and
 * git: missing files, case that differs from the disk, files nothing links, and files git does not
 * track or ignores. Each finding carries its one-click fixes; applyFigureFix carries them out.
 */
import { lstat, readFile, readdir, realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { figureLinkFindings, figureLinkPlace, type FigureFinding, type FigureFindingKind, type FigureFix } from '../../core/figures/figureFindings';
import { reportFigureLinks } from '../../core/figures/scanFigureLinks';
import { renameFigureLinkEdits, retargetEdit } from '../../core/figures/figureLinkEdits';
import type { FigureLink } from '../../core/figures/figureLink';
import type { TextEdit } from '../../core/textEdit';
import { parseReport } from '../../core/parseReport';
import type { ReportDocument } from '../../core/reportModel';
import { isInside } from '../safePath';
import { FigureError } from './figureError';
import { candidateName, extensionOfName, renamedStem } from './figureNames';
import {
  convertFigureToPng,
  deleteFigureIfUnused,
  figuresFolder,
  FIGURES_FOLDER,
  importFigure,
  isImportableFormat,
  linkOf,
  renameFigure,
  reportFolder,
  sniffFile,
  walkFigures,
} from './figureStore';
import { gitAdd, gitAvailability, gitFileStatus, type GitAvailability } from './gitStatus';

export interface FigureHygiene {
  /** Sorted by line; findings without a line (unused files) last. */
  readonly findings: readonly FigureFinding[];
  /** Whether the tracked/ignored checks ran, and why not. */
  readonly git: GitAvailability;
}

/** The same shape as core's ReportWarning, so `report-editor check` can list both together. */
export interface FigureWarning {
  readonly kind: FigureFindingKind;
  readonly question: number | null;
  readonly line: number | null;
  readonly message: string;
}

type DiskState =
  | { state: 'exact'; path: string }
  | { state: 'case'; path: string; actual: string }
  | { state: 'missing' }
  | { state: 'folder' };

/** Disk lookups pending at once. */
const DISK_LOOKUPS_AT_ONCE = 512;

/**
 * Where a report-relative path lands, segment by segment with exact names: a laptop's
 * case-insensitive disk finds `Bucket.png` for `bucket.png`; GitHub and Linux do not.
 */
async function diskState(
  root: string,
  relativePath: string,
  listings: Map<string, Promise<string[] | null>>,
): Promise<DiskState> {
  const list = (dir: string) => {
    let entries = listings.get(dir);
    if (!entries) {
      entries = readdir(dir).catch(() => null);
      listings.set(dir, entries);
    }
    return entries;
  };
  let current = root;
  const actual: string[] = [];
  let caseDiffers = false;
  for (const part of relativePath.split('/')) {
    const entries = await list(current);
    if (!entries) return { state: 'missing' };
    let name = entries.includes(part) ? part : undefined;
    if (name === undefined) {
      name = entries.find((e) => e.toLowerCase() === part.toLowerCase());
      if (name === undefined) return { state: 'missing' };
      caseDiffers = true;
    }
    actual.push(name);
    current = join(current, name);
  }
  const info = await lstat(current).catch(() => null);
  if (!info) return { state: 'missing' };
  if (info.isDirectory()) return { state: 'folder' };
  return caseDiffers ? { state: 'case', path: current, actual: actual.join('/') } : { state: 'exact', path: current };
}

function withFixes(finding: FigureFinding, fixes: readonly FigureFix[], first = false): FigureFinding {
  return { ...finding, fixes: first ? [...fixes, ...finding.fixes] : [...finding.fixes, ...fixes] };
}

/** A regular file whose first bytes are an image importFigure accepts (the copy fix reads nothing else). */
async function isImportableImage(path: string): Promise<boolean> {
  const info = await lstat(path).catch(() => null);
  return info?.isFile() === true && isImportableFormat(await sniffFile(path));
}

function outsideSource(reportDir: string, path: string): string {
  if (path.startsWith('~/') || path === '~') return join(homedir(), path.slice(1));
  return isAbsolute(path) ? path : resolve(reportDir, path);
}

/**
 * Every hygiene check of the issue, on the report `text` (which may be unsaved) as it would be
 * saved at `reportPath`. The git checks are skipped, saying why, outside a git work tree.
 */
/** `doc`, when the caller already parsed `request.text`, saves a parse (~100 MB on a 2 MB report). */
export async function figureHygiene(
  request: { reportPath: string; text: string },
  doc: ReportDocument = parseReport(request.text),
): Promise<FigureHygiene> {
  const reportDir = reportFolder(request.reportPath);
  const links = reportFigureLinks(request.text, doc);
  const textFindings = figureLinkFindings(request.text, links);
  const listings = new Map<string, Promise<string[] | null>>();
  const findings: FigureFinding[] = [];
  // A figures/ that links outside the report's folder is not walked (its links show as missing).
  const figuresDir = await figuresFolder(request.reportPath, false).catch(() => null);
  const figureFiles = figuresDir ? await walkFigures(figuresDir) : [];

  // What each student link finds on disk: each path looked up once, many at the same time (tens of
  // thousands of links one after another took 10 s), in batches (all 100 000 pending at once held
  // ~150 MB of promises).
  const states = new Map<FigureLink, DiskState>();
  const local = links.filter((l) => l.student && !l.target.remote && l.target.path !== null && !l.target.outside);
  const paths = [...new Set(local.map((l) => l.target.path!))];
  const resolved = new Map<string, DiskState>();
  for (let from = 0; from < paths.length; from += DISK_LOOKUPS_AT_ONCE) {
    const batch = paths.slice(from, from + DISK_LOOKUPS_AT_ONCE);
    const batchStates = await Promise.all(batch.map((path) => diskState(reportDir, path, listings)));
    batch.forEach((path, i) => resolved.set(path, batchStates[i]));
  }
  for (const link of local) states.set(link, resolved.get(link.target.path!)!);

  for (const finding of textFindings) {
    const link = finding.link!;
    const state = states.get(link);
    if (finding.kind === 'disallowed-extension' && state && (state.state === 'exact' || state.state === 'case')) {
      findings.push(
        withFixes(finding, [
          { kind: 'convert-to-png', label: 'Convert it to PNG and relink', target: link.target.path! },
        ]),
      );
    } else if (
      finding.kind === 'path-with-spaces' &&
      state?.state === 'exact' &&
      link.target.path!.startsWith(`${FIGURES_FOLDER}/`)
    ) {
      const name = basename(state.path);
      const extension = extensionOfName(name);
      const taken = new Set(((await listings.get(dirname(state.path))) ?? []).map((e) => e.toLowerCase()));
      const stem = renamedStem(name);
      let n = 1;
      while (taken.has(candidateName(stem, extension, n).toLowerCase())) n++;
      const to = [...link.target.path!.split('/').slice(0, -1), candidateName(stem, extension, n)].join('/');
      findings.push(
        withFixes(
          finding,
          [{ kind: 'rename-file', label: `Rename the file to ${basename(to)}`, from: link.target.path!, to }],
          true,
        ),
      );
    } else if (finding.kind === 'outside-report') {
      const source = outsideSource(reportDir, link.target.path!);
      findings.push(
        (await isImportableImage(source))
          ? withFixes(finding, [
              {
                kind: 'copy-into-figures',
                label: 'Copy it into figures/ and relink',
                source: link.target.path!,
                question: link.question,
              },
            ])
          : finding,
      );
    } else {
      findings.push(finding);
    }
  }

  const existing = new Map<string, FigureLink>();
  for (const [link, state] of states) {
    const path = link.target.path!;
    if (state.state === 'missing' || state.state === 'folder') {
      const fixes: FigureFix[] = [];
      const name = basename(path).toLowerCase();
      const sameName = figureFiles.filter((f) => basename(f.path).toLowerCase() === name);
      if (sameName.length === 1) {
        const found = linkOf(figuresDir!, sameName[0].path);
        fixes.push({ kind: 'edit', label: `Link ${found} instead`, edits: [retargetEdit(link, found)] });
      }
      findings.push({
        kind: 'missing-file',
        severity: 'error',
        question: link.question,
        line: link.line,
        message:
          state.state === 'folder'
            ? `${figureLinkPlace(link)} links ${path}, which is a folder, not an image.`
            : `${figureLinkPlace(link)} links ${path}, but there is no such file: graders will see a broken image.`,
        target: path,
        link,
        fixes,
      });
    } else if (state.state === 'case') {
      findings.push({
        kind: 'case-mismatch',
        severity: 'error',
        question: link.question,
        line: link.line,
        message: `${figureLinkPlace(link)} links ${path}, but the file is ${state.actual}: that works on Windows and macOS, and is a broken image on GitHub and Linux.`,
        target: path,
        link,
        fixes: [{ kind: 'edit', label: `Link ${state.actual}`, edits: [retargetEdit(link, state.actual)] }],
      });
      if (!existing.has(state.path)) existing.set(state.path, link);
    } else if (!existing.has(state.path)) {
      existing.set(state.path, link);
    }
  }

  // Files in figures/ that no student link reaches (case-insensitively: a case mismatch is reported above).
  const linked = new Set([...states.keys()].map((l) => l.target.path!.toLowerCase()));
  for (const file of figureFiles) {
    const relativeLink = linkOf(figuresDir!, file.path);
    if (linked.has(relativeLink.toLowerCase())) continue;
    findings.push({
      kind: 'unused-file',
      severity: 'info',
      question: null,
      line: null,
      message: `${relativeLink} is in ${FIGURES_FOLDER}/ but nothing in the report links it.`,
      target: relativeLink,
      link: null,
      fixes: [{ kind: 'delete-file', label: 'Delete the file', target: relativeLink }],
    });
  }

  // git only when a linked figure file exists: nothing else needs it, and starting it is most of
  // what `check` spends outside its own process.
  const git: GitAvailability =
    existing.size > 0 ? await gitAvailability(reportDir) : { checked: false, reason: 'no linked figure file to check' };
  if (git.checked && existing.size > 0) {
    const real = new Map<string, FigureLink>();
    for (const [path, link] of existing) {
      const resolved = await realpath(path).catch(() => path);
      if (isInside(git.root, resolved)) real.set(resolved, link);
    }
    const status = await gitFileStatus(git.root, [...real.keys()]);
    for (const [path, link] of real) {
      const s = status.get(path);
      if (!s || s.tracked) continue;
      const target = link.target.path!;
      findings.push(
        s.ignoredBy
          ? {
              kind: 'ignored-file',
              severity: 'error',
              question: link.question,
              line: link.line,
              message: `${target} is excluded by an ignore rule (${s.ignoredBy}): it never reaches the repo, so graders will not see it.`,
              target,
              link,
              fixes: [{ kind: 'git-add', label: 'Add it to git anyway (git add -f)', target, force: true }],
            }
          : {
              kind: 'untracked-file',
              severity: 'error',
              question: link.question,
              line: link.line,
              message: `${target} is not in git yet: graders will not see it until it is added, committed and pushed.`,
              target,
              link,
              fixes: [{ kind: 'git-add', label: 'Add it to git (git add)', target, force: false }],
            },
      );
    }
  }

  findings.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.link?.start ?? 0) - (b.link?.start ?? 0));
  return { findings, git };
}

/** The hygiene findings as warnings for `report-editor check` (same shape as core's ReportWarning). */
export async function figureWarnings(reportPath: string, text: string): Promise<FigureWarning[]> {
  const { findings } = await figureHygiene({ reportPath, text });
  return findings.map((f) => ({ kind: f.kind, question: f.question, line: f.line, message: f.message }));
}

export interface AppliedFix {
  /** The edits of the report text the fix makes, for the caller to apply (none for file-only fixes). */
  readonly edits: readonly TextEdit[];
  readonly message: string;
}

function sameFix(a: FigureFix, b: FigureFix): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Carries out one fix, but only one that figureHygiene itself proposes for this `text` right now:
 * a renderer cannot make the service copy, delete or `git add` anything else, and a fix computed on
 * an older text fails with `stale-fix` instead of editing the wrong bytes.
 */
export async function applyFigureFix(request: {
  reportPath: string;
  text: string;
  fix: FigureFix;
}): Promise<AppliedFix> {
  const { findings } = await figureHygiene({ reportPath: request.reportPath, text: request.text });
  const fix = findings.flatMap((f) => f.fixes).find((f) => sameFix(f, request.fix));
  if (!fix)
    throw new FigureError(
      'stale-fix',
      'This fix no longer matches the report (it changed since the check ran); check again.',
    );
  const { reportPath, text } = request;
  switch (fix.kind) {
    case 'edit':
      return { edits: fix.edits, message: fix.label };
    case 'rename-file': {
      const renamed = await renameFigure({ reportPath, text, from: fix.from, to: basename(fix.to) });
      return { edits: renamed.edits, message: `Renamed ${fix.from} to ${renamed.relativeLink}` };
    }
    case 'convert-to-png': {
      const converted = await convertFigureToPng({ reportPath, text, target: fix.target });
      return {
        edits: converted.edits,
        message: `Converted ${fix.target} to ${converted.relativeLink}; the original is still in place`,
      };
    }
    case 'copy-into-figures': {
      const reportDir = reportFolder(reportPath);
      const source = outsideSource(reportDir, fix.source);
      const bytes = await readFile(source);
      const imported = await importFigure({ reportPath, question: fix.question, fileName: basename(source), bytes });
      return {
        edits: renameFigureLinkEdits(text, fix.source, imported.relativeLink),
        message: `Copied ${fix.source} to ${imported.relativeLink}`,
      };
    }
    case 'delete-file': {
      const result = await deleteFigureIfUnused({ reportPath, text, target: fix.target });
      return {
        edits: [],
        message: result.deleted ? `Deleted ${fix.target}` : `${fix.target} is linked again; it was kept`,
      };
    }
    case 'git-add': {
      const git = await gitAvailability(reportFolder(reportPath));
      if (!git.checked) throw new FigureError('stale-fix', `git cannot run here: ${git.reason}`);
      await gitAdd(git.root, await realpath(resolve(reportFolder(reportPath), fix.target)), fix.force);
      return { edits: [], message: `Added ${fix.target} to git; commit and push it so graders get it` };
    }
  }
}
