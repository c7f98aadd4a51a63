/**
 * What the disk and git say about the paths a report links: whether each file is there (in which
 * case), which files figures/ holds, which outside images could be copied in, what git tracks or
 * ignores. Answers facts about paths only: the report's text never comes here (core's
 * figureHygieneFindings turns the facts into findings, next to the text).
 */
import { lstat, readdir, realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { FigureFacts, FigureFactsRequest, GitAvailability, TargetFacts } from '../../core/figures/figureDiskFindings';
import { isInside } from '../safePath';
import { figuresFolder, isImportableFormat, linkOf, reportFolder, sniffFile, walkFigures } from './figureFolder';
import { candidateName, extensionOfName, renamedStem } from './figureNames';
import { gitAvailability, gitFileStatus } from './gitStatus';

type DiskState =
  | { state: 'exact'; path: string; actual: string }
  | { state: 'case'; path: string; actual: string }
  | { state: 'missing' }
  | { state: 'folder' };

/** Disk lookups pending at once. */
const DISK_LOOKUPS_AT_ONCE = 512;

type Listings = Map<string, Promise<string[] | null>>;

function listing(listings: Listings, dir: string): Promise<string[] | null> {
  let entries = listings.get(dir);
  if (!entries) {
    entries = readdir(dir).catch(() => null);
    listings.set(dir, entries);
  }
  return entries;
}

/**
 * Where a report-relative path lands, segment by segment with exact names: a laptop's
 * case-insensitive disk finds `Bucket.png` for `bucket.png`; GitHub and Linux do not.
 */
async function diskState(root: string, relativePath: string, listings: Listings): Promise<DiskState> {
  let current = root;
  const actual: string[] = [];
  let caseDiffers = false;
  for (const part of relativePath.split('/')) {
    const entries = await listing(listings, current);
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
  return { state: caseDiffers ? 'case' : 'exact', path: current, actual: actual.join('/') };
}

const MISSING: DiskState = { state: 'missing' };

/**
 * A local path as core writes it (normalized, relative, not climbing out): anything else was not
 * made by the renderer's scan, and is not looked up (a page probing the disk learns nothing).
 */
function insideReportFolder(path: string): boolean {
  if (/^(?:[/\\~]|[a-z]:)/i.test(path) || path.includes('\\')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** The first free safe name (`my plot.png` → `my-plot.png`, numbered when taken) for a file in its folder. */
async function safeNameOf(path: string, listings: Listings): Promise<string> {
  const name = basename(path);
  const extension = extensionOfName(name);
  const taken = new Set(((await listing(listings, dirname(path))) ?? []).map((e) => e.toLowerCase()));
  const stem = renamedStem(name);
  let n = 1;
  while (taken.has(candidateName(stem, extension, n).toLowerCase())) n++;
  return candidateName(stem, extension, n);
}

/** An outside link as a path on this machine (`~` is the home folder, relative is from the report's folder). */
export function outsideSource(reportDir: string, path: string): string {
  if (path.startsWith('~/') || path === '~') return join(homedir(), path.slice(1));
  return isAbsolute(path) ? path : resolve(reportDir, path);
}

/** A regular file whose first bytes are an image importFigure accepts (the copy fix reads nothing else). */
export async function isImportableImage(path: string): Promise<boolean> {
  const info = await lstat(path).catch(() => null);
  return info?.isFile() === true && isImportableFormat(await sniffFile(path));
}

/**
 * The facts for the paths of `request` (relative to the report's folder at `reportPath`). The git
 * checks are skipped, saying why, outside a git work tree or when no linked file exists.
 */
export async function figureFacts(reportPath: string, request: FigureFactsRequest): Promise<FigureFacts> {
  const reportDir = reportFolder(reportPath);
  const listings: Listings = new Map();
  // A figures/ that links outside the report's folder is not walked (its links show as missing).
  const figuresDir = await figuresFolder(reportPath, false).catch(() => null);
  const figureFiles = figuresDir ? (await walkFigures(figuresDir)).map((f) => linkOf(figuresDir, f.path)) : [];
  const byLowerName = new Map<string, string[]>();
  for (const file of figureFiles) {
    const key = basename(file).toLowerCase();
    byLowerName.set(key, [...(byLowerName.get(key) ?? []), file]);
  }

  // Each path looked up once, many at the same time (tens of thousands of links one after another
  // took 10 s), in batches (all 100 000 pending at once held ~150 MB of promises).
  const paths = [...new Set(request.local)];
  const states: DiskState[] = [];
  for (let from = 0; from < paths.length; from += DISK_LOOKUPS_AT_ONCE) {
    const batch = paths.slice(from, from + DISK_LOOKUPS_AT_ONCE);
    states.push(
      ...(await Promise.all(
        batch.map((path) => (insideReportFolder(path) ? diskState(reportDir, path, listings) : MISSING)),
      )),
    );
  }

  // git only when a linked figure file exists: nothing else needs it, and starting it is most of
  // what `check` spends outside its own process.
  const existing = states.filter((s): s is Extract<DiskState, { path: string }> => 'path' in s);
  const git: GitAvailability =
    existing.length > 0 ? await gitAvailability(reportDir) : { checked: false, reason: 'no linked figure file to check' };
  const realOf = new Map<string, string>();
  let gitStatus = new Map<string, { tracked: boolean; ignoredBy: string | null }>();
  if (git.checked) {
    for (const s of existing) {
      const real = await realpath(s.path).catch(() => s.path);
      if (isInside(git.root, real)) realOf.set(s.path, real);
    }
    gitStatus = await gitFileStatus(git.root, [...new Set(realOf.values())]);
  }

  const targets: TargetFacts[] = [];
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i];
    const s = states[i];
    if (s.state === 'missing' || s.state === 'folder') {
      const sameName = byLowerName.get(basename(path).toLowerCase());
      targets.push({ path, state: s.state, sameName: sameName?.length === 1 ? sameName[0] : null });
      continue;
    }
    const real = realOf.get(s.path);
    const status = real !== undefined ? gitStatus.get(real) : undefined;
    targets.push({
      path,
      state: s.state,
      actual: s.actual,
      safeName: s.state === 'exact' && /\s/.test(path) ? await safeNameOf(s.path, listings) : null,
      git: status ?? null,
    });
  }

  const outside = [...new Set(request.outside)];
  const importableOutside: string[] = [];
  for (let from = 0; from < outside.length; from += DISK_LOOKUPS_AT_ONCE) {
    const batch = outside.slice(from, from + DISK_LOOKUPS_AT_ONCE);
    const importable = await Promise.all(batch.map((p) => isImportableImage(outsideSource(reportDir, p))));
    importableOutside.push(...batch.filter((_, i) => importable[i]));
  }
  return { targets, importableOutside, figureFiles, git };
}
