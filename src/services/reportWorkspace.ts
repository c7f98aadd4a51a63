/**
 * The open report: opening (locate + load), safe saving with conflict detection, and watching the
 * file for changes made elsewhere (another editor, `git pull`). Plain Node — both hosts and the
 * tests use it as it is.
 */
import { watch, type FSWatcher } from 'chokidar';
import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { ApiEvents, DiskStamp, OpenResult, RequestOf, SaveResult } from '../api/contract';
import { removeStaleTempFiles } from './atomicWrite';
import { stampOf } from './diskStamp';
import { ExportRecord } from './exportRecord';
import { withFileLock } from './fileLock';
import { replaceIfUnchanged } from './guardedReplace';
import { expandHome } from './folderListing';
import { loadReport } from './loadReport';
import { findReportCandidates, locateReport } from './locateReport';
import { decodeReport, ReportFileError } from './reportFile';
import type { RecentRepos } from './recentRepos';
import { assertWritable, makeWritable, ReadOnlyFileError } from './writePermission';

export type SaveRequest = RequestOf<'saveReport'>;

/** The disk's text for a conflict; a file re-saved as something other than UTF-8 is shown as well as it decodes. */
function decodeDiskText(bytes: Uint8Array, path: string): string {
  try {
    return decodeReport(bytes, path);
  } catch {
    // Replaced on disk by something that is not UTF-8 text (re-saved as UTF-16, say): still a
    // change made elsewhere, so the student decides; show it as well as it can be decoded.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** A write error as a reason the student can act on. */
function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
    ? 'permission denied (is the file or its folder read-only?)'
    : code === 'ENOENT'
      ? 'its folder no longer exists'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : String((error as Error).message ?? error);
}

/** A file unchanged this long is taken as written (as the watcher's awaitWriteFinish does). */
const STABLE_MS = 80;

/** The file's bytes once two reads STABLE_MS apart agree (at most ~2 s of waiting). */
async function readSettled(path: string): Promise<Buffer> {
  let bytes = await readFile(path);
  for (let i = 0; i < 25; i++) {
    await new Promise((done) => setTimeout(done, STABLE_MS));
    const again = await readFile(path);
    if (again.equals(bytes)) return again;
    bytes = again;
  }
  return bytes;
}

export type EmitEvent = <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => void;

interface OpenFile {
  readonly reportPath: string;
  readonly repoRoot: string;
  /**
   * Stamp of the content the watcher last saw (or the open loaded). Our own saves do not set it:
   * every page of the report is told of every new content — another tab of the browser host must
   * see a save made in this one — and each page knows its own saves' stamps (renderer/state/diskSync.ts).
   */
  seen: DiskStamp;
  watcher: FSWatcher | null;
  watcherReady: Promise<void>;
}

export class ReportWorkspace {
  private current: OpenFile | null = null;
  /** The folder last answered `no-report`: the only one a report may be created in. */
  private noReport: string | null = null;
  /** HTML files exported in this session: the only files "Open export" will show. */
  readonly exports = new ExportRecord();

  constructor(
    private readonly emit: EmitEvent,
    private readonly recent: RecentRepos | null,
    private readonly options: { watch?: boolean } = {},
  ) {}

  get openReportPath(): string | null {
    return this.current?.reportPath ?? null;
  }

  get openRepoRoot(): string | null {
    return this.current?.repoRoot ?? null;
  }

  get noReportRoot(): string | null {
    return this.noReport;
  }

  async openPath(requested: string): Promise<OpenResult> {
    const path = resolve(expandHome(requested));
    this.noReport = null;
    let located;
    try {
      located = await locateReport(path);
    } catch (error) {
      if (!(error instanceof ReportFileError)) throw error;
      if (error.problem === 'ambiguous') {
        return { kind: 'choose', repoRoot: path, candidates: await findReportCandidates(path) };
      }
      if (error.problem === 'no-template' && error.path === path) {
        this.noReport = path;
        return { kind: 'no-report', repoRoot: path, message: error.message };
      }
      return { kind: 'error', path, message: error.message };
    }
    let loaded;
    try {
      loaded = await loadReport(located.reportPath);
    } catch (error) {
      if (error instanceof ReportFileError) return { kind: 'error', path: located.reportPath, message: error.message };
      throw error;
    }
    await this.close();
    // Temp files left by a save or figure import that was killed (crash, power cut) would show up
    // in `git status`: sweep the report's folder and its figures/.
    const folder = dirname(await realpath(located.reportPath).catch(() => located.reportPath));
    await Promise.all([removeStaleTempFiles(folder), removeStaleTempFiles(join(dirname(located.reportPath), 'figures'))]);
    const stamp = stampOf(loaded.text);
    this.current = {
      reportPath: located.reportPath,
      repoRoot: located.repoRoot,
      seen: stamp,
      watcher: null,
      watcherReady: Promise.resolve(),
    };
    if (this.options.watch !== false) {
      const watcher = this.startWatching(this.current);
      this.current.watcher = watcher;
      this.current.watcherReady = new Promise((done) => watcher.once('ready', () => done()));
      // A write between loading and the watcher's start (a reloaded tab's last save landing) has no
      // event: look once more when it is ready.
      const opened = this.current;
      void opened.watcherReady.then(() => this.reportIfChanged(opened, true));
    }
    await this.recent?.add({ repoRoot: located.repoRoot, reportPath: located.reportPath }).catch(() => undefined);
    return {
      kind: 'opened',
      report: {
        repoRoot: located.repoRoot,
        reportPath: located.reportPath,
        relativePath: relative(located.repoRoot, located.reportPath) || basename(located.reportPath),
        text: loaded.text,
        stamp,
        profile: loaded.profile,
        template: loaded.template,
        differences: loaded.differences,
        reportPyPath: loaded.reportPyPath,
      },
    };
  }

  /**
   * Only the report that is open can be written; anything else is refused. Saves of one file run
   * one at a time (see fileLock), each judged against the disk as the previous one left it.
   */
  save(request: SaveRequest): Promise<SaveResult> {
    const open = this.current;
    if (!open || resolve(request.reportPath) !== open.reportPath) {
      return Promise.resolve({ kind: 'error', message: `${request.reportPath} is not the open report; open it before saving` });
    }
    return withFileLock(open.reportPath, () => this.saveNow(open, request));
  }

  private async saveNow(open: OpenFile, request: SaveRequest): Promise<SaveResult> {
    let diskText: string | null = null;
    let diskStamp: DiskStamp | null = null;
    try {
      const bytes = await readFile(open.reportPath);
      diskStamp = stampOf(bytes);
      diskText = decodeDiskText(bytes, open.reportPath);
    } catch {
      // Deleted while open (or unreadable): writing recreates it, so nothing typed is lost.
      diskText = null;
    }
    if (diskText !== null && diskStamp !== null) {
      if (diskText === request.text) {
        return { kind: 'unchanged', stamp: diskStamp };
      }
      if (diskStamp !== request.baseStamp && !request.force) {
        return { kind: 'conflict', diskText, stamp: diskStamp };
      }
    }
    const readOnly = await this.checkWritable(open.reportPath, request.makeWritable === true);
    if (readOnly) return readOnly;
    const stamp = stampOf(request.text);
    let outcome;
    try {
      outcome = await replaceIfUnchanged(open.reportPath, request.text, diskStamp);
    } catch (error) {
      return { kind: 'error', message: `Could not save ${open.reportPath}: ${writeFailure(error)}. Your text is still here; nothing was lost.` };
    }
    if (outcome.kind === 'changed') {
      // Another program wrote the file while this save was in flight: theirs stays on disk.
      const theirs = stampOf(outcome.bytes);
      return { kind: 'conflict', diskText: decodeDiskText(outcome.bytes, open.reportPath), stamp: theirs };
    }
    return { kind: 'saved', stamp };
  }

  /** A read-only result, or null when the file may be written (made writable first if asked). */
  private async checkWritable(path: string, makeIt: boolean): Promise<SaveResult | null> {
    try {
      await assertWritable(path);
      return null;
    } catch (error) {
      if (!(error instanceof ReadOnlyFileError)) throw error;
    }
    if (!makeIt) {
      return { kind: 'read-only', message: `${path} is read-only, so your edits were not saved. Your text is still here; nothing was lost.` };
    }
    try {
      await makeWritable(path);
      return null;
    } catch (error) {
      return { kind: 'error', message: `Could not make ${path} writable: ${writeFailure(error)}. Your text is still here; nothing was lost.` };
    }
  }

  private startWatching(open: OpenFile): FSWatcher {
    // Watch the folder, not the file: atomic saves (ours and other editors') replace the inode.
    const watcher = watch(dirname(open.reportPath), {
      depth: 0,
      ignoreInitial: true,
      ignored: (path) => path !== open.reportPath && path !== dirname(open.reportPath),
      awaitWriteFinish: { stabilityThreshold: STABLE_MS, pollInterval: 20 },
    });
    const onChange = () => this.reportIfChanged(open);
    watcher.on('add', onChange);
    watcher.on('change', onChange);
    watcher.on('unlink', () => {
      if (this.current === open) this.emit('reportRemoved', { reportPath: open.reportPath });
    });
    return watcher;
  }

  /**
   * Tells the pages when the report's content differs from what was last seen (each new content
   * once). `settle`: not after a watcher event (those wait for the write to finish), so the file is
   * read until it holds still: a look while another program is writing it would see it half written,
   * and a page with nothing unsaved would load that half (its cards rebuilt, the focus lost).
   */
  private async reportIfChanged(open: OpenFile, settle = false): Promise<void> {
    if (this.current !== open) return;
    let text: string;
    try {
      text = decodeReport(settle ? await readSettled(open.reportPath) : await readFile(open.reportPath), open.reportPath);
    } catch {
      return;
    }
    const stamp = stampOf(text);
    if (stamp === open.seen || this.current !== open) return;
    open.seen = stamp;
    this.emit('reportChanged', { reportPath: open.reportPath, text, stamp });
  }

  /** Resolves once the watcher is ready (tests wait on it so no early event is missed). */
  async ready(): Promise<void> {
    await this.current?.watcherReady;
  }

  async close(): Promise<void> {
    const open = this.current;
    this.current = null;
    await open?.watcher?.close();
  }
}
