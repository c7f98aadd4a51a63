/**
 * The contract, written once: every channel's request schema (zod) and response type, every event's
 * payload type. The channel and event lists and the request/response types (contract.ts) are
 * derived from these two objects; a new channel is one entry here.
 *
 * Requests are validated at runtime by every host: the renderer is treated as untrusted input, and a
 * compromised page must not get a service to act on a malformed value. Responses and events are
 * produced by the host itself, so they are carried as types only (`z.custom`, which checks nothing).
 */
import { z } from 'zod';
import type { FigureFacts } from '../core/figures/figureDiskFindings';
import type { FigureRelink } from '../core/figures/figureLinkEdits';
import type {
  DiskStamp,
  ExportOutcome,
  FigureFileInfo,
  FigureImportOutcome,
  FigureOversize,
  FolderListing,
  GitReportStatus,
  GitSetupOutcome,
  InitialState,
  MenuCommand,
  OpenResult,
  RecentRepo,
  SaveResult,
  StoredViewPrefs,
} from './payloads';

const path = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a path cannot contain NUL');
const empty = z.object({}).strict();
/**
 * The form's remembered view (renderer/layout/viewPrefs.ts), as the host stores it. The renderer
 * clamps the text step to its own range on reading; here it only has to be a small whole number.
 */
export const VIEW_PREFS_SCHEMA = z
  .object({
    navigatorOpen: z.boolean(),
    problemsOpen: z.boolean(),
    textStep: z.number().int().min(-20).max(20),
    theme: z.enum(['system', 'light', 'dark']),
  })
  .strict() satisfies z.ZodType<StoredViewPrefs>;
const reportText = z.string().max(25 * 1024 * 1024);
/** The distinct paths one report may link (the trust suite's largest reports link 100 000). */
const MAX_LINKED_PATHS = 200_000;
const label = z.string().max(4096);
/** A figure fix the service carries out: every kind but `edit` (the renderer's own). */
const fileFix = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rename-file'), label, from: path, to: path }).strict(),
  z.object({ kind: z.literal('convert-to-png'), label, target: path }).strict(),
  z.object({ kind: z.literal('copy-into-figures'), label, source: path, question: z.number().int().min(1).max(99).nullable() }).strict(),
  z.object({ kind: z.literal('delete-file'), label, target: path }).strict(),
  z.object({ kind: z.literal('git-add'), label, target: path, force: z.boolean() }).strict(),
]);
/** A response or event payload: its type, for the compiler; the host produces it, nothing validates it. */
const answers = <T>() => z.custom<T>();

/*
 * No request names the report: every figure and export call acts on the host's open report, so a
 * page cannot point a service at another file. Edits, not texts, cross the API: no request carries
 * the report's text unless the service must have it (a save writes it; an export renders it), and
 * no answer carries a new text. A figure service answers facts about files, or does the file work
 * and says which file moved (`FigureRelink`); the renderer computes the edits of its own text
 * (core) and applies them as any edit. test/api/requestText.test.ts keeps the list of exceptions.
 */

export const CHANNEL_SCHEMAS = {
  getInitialState: { request: empty, response: answers<InitialState>() },
  /** Opens a repo root, a reports/ folder or a markdown file. */
  openPath: { request: z.object({ path }).strict(), response: answers<OpenResult>() },
  /** Native folder picker (Electron); the browser host answers null and the UI asks for a path. */
  pickFolder: { request: empty, response: answers<string | null>() },
  /**
   * Completion for a typed folder path: the sub-folders of its folder whose names start with its
   * last part (`~` is the home folder; a relative path starts where the host was started). Empty
   * is allowed: it lists the home folder.
   */
  listFolders: {
    request: z
      .object({ path: z.string().max(4096).refine((p) => !p.includes('\0'), 'a path cannot contain NUL') })
      .strict(),
    response: answers<FolderListing>(),
  },
  /**
   * Creates `reports/README.md` from the course's newest template, with `figures/` beside it, in
   * the folder the host last answered `no-report` for, then opens it. Never overwrites anything:
   * an existing file answers `error`.
   */
  createReport: { request: z.object({ repoRoot: path }).strict(), response: answers<OpenResult>() },
  /** Native file picker for a markdown report inside `repoRoot`; null when cancelled/unsupported. */
  pickReportFile: { request: z.object({ repoRoot: path }).strict(), response: answers<string | null>() },
  /**
   * Writes `text` atomically to the open report, unless the disk no longer matches `baseStamp`
   * (then `conflict`, nothing written) — `force` overwrites anyway (the user chose "keep mine").
   * Saves of one file run one at a time. A read-only file answers `read-only` unless `makeWritable`
   * (the user chose "Make it writable and save").
   *
   * The one request that names the report: it is the guard that a save still in flight from the
   * report open before never lands in the one open now (two blank templates share a stamp, so
   * `baseStamp` cannot tell them apart). The host refuses a path that is not its open report.
   */
  saveReport: {
    request: z
      .object({
        reportPath: path,
        text: reportText,
        baseStamp: z.string().regex(/^[0-9a-f]{64}$/),
        force: z.boolean().optional(),
        makeWritable: z.boolean().optional(),
      })
      .strict(),
    response: answers<SaveResult>(),
  },
  listRecent: { request: empty, response: answers<readonly RecentRepo[]>() },
  /** Opens an http(s) URL in the system browser (Electron) or a new tab (browser host). */
  openExternal: {
    request: z
      .object({
        url: z
          .string()
          .max(2048)
          .refine((u) => /^https?:\/\//i.test(u), 'only http(s) links open outside the app'),
      })
      .strict(),
    response: answers<void>(),
  },
  /**
   * Writes the report (the editor's current text) as one self-contained HTML file in `rendering`
   * (default graded): `report.html` (graded) or `report.github.html` next to the report unless
   * `outputPath` is given (inside the repo; only a `.html`/`.htm` file,
   * never inside `.git`, never over a file that does not already hold HTML — see exportTarget.ts).
   * Progress arrives as `exportProgress` events. `text`: the export shows the report as the student
   * sees it, unsaved edits included, and the service renders it (the file on disk may be older).
   */
  exportHtml: {
    request: z
      .object({ text: reportText, outputPath: path.optional(), rendering: z.enum(['graded', 'github']).optional() })
      .strict(),
    response: answers<ExportOutcome>(),
  },
  /**
   * Shows the last exported file: Electron opens it in the system's browser and answers null; the
   * browser host answers a URL for the page to open in a new tab. Only a file this session exported,
   * still holding exactly what was written, is shown; anything else is refused.
   */
  openExport: { request: z.object({ outputPath: path }).strict(), response: answers<{ url: string | null }>() },
  /**
   * Copies images into the open report's figures/ folder (named for the question, deduplicated,
   * converted to PNG when needed). The report itself is not written: the UI inserts the links.
   */
  importFigures: {
    request: z
      .object({
        question: z.number().int().min(1).max(99).nullable(),
        files: z
          .array(z.object({ fileName: z.string().min(1).max(1024), base64: z.string().max(70_000_000) }).strict())
          .min(1)
          .max(50),
        pasted: z.boolean().optional(),
      })
      .strict(),
    response: answers<readonly FigureImportOutcome[]>(),
  },
  /** The files in figures/ (which of them the report links, the renderer reads from its own text). */
  listFigures: { request: empty, response: answers<readonly FigureFileInfo[]>() },
  figureThumbnail: {
    request: z.object({ target: path, size: z.number().int().min(16).max(1024).optional() }).strict(),
    response: answers<{ dataUrl: string; width: number; height: number; bytes: number }>(),
  },
  /**
   * Renames the file (the name made safe; with `exact`, as given: an undo putting it back); answers
   * the relink, and the renderer points the links of the text it holds at the new name (unsaved
   * text included), as edits like typing.
   */
  renameFigure: {
    request: z.object({ from: path, to: path, exact: z.boolean().optional() }).strict(),
    response: answers<{ relativeLink: string; path: string; relink: FigureRelink }>(),
  },
  /**
   * Deletes the file unless the saved report links it (answers which questions do). The renderer
   * asks only when the text being edited links it nowhere (a link typed a second ago counts).
   */
  deleteFigure: {
    request: z.object({ target: path }).strict(),
    response: answers<{ deleted: boolean; linkedBy: readonly number[]; restoreToken?: string }>(),
  },
  /** Puts back a file this session deleted (the token its delete answered): the undo of a delete. */
  restoreFigure: {
    request: z.object({ token: z.string().uuid() }).strict(),
    response: answers<{ relativeLink: string }>(),
  },
  /** Writes a smaller copy; answers the relink from the original to the copy. */
  downscaleFigure: {
    request: z.object({ target: path, maxWidth: z.number().int().min(64).max(10_000).optional() }).strict(),
    response: answers<{
      relativeLink: string;
      path: string;
      bytes: number;
      width: number;
      height: number;
      original: FigureOversize;
      relink: FigureRelink;
    } | null>(),
  },
  /**
   * What the disk and git say about the paths the report links (`local`: inside the report's
   * folder; `outside`: as written): exists, in which case, the safe name a rename would give, the
   * file of the same name in figures/, tracked or ignored; every file in figures/; which outside
   * images could be copied in. The renderer turns them into findings (core figureHygieneFindings).
   */
  figureFacts: {
    request: z
      .object({ local: z.array(path).max(MAX_LINKED_PATHS), outside: z.array(path).max(MAX_LINKED_PATHS) })
      .strict(),
    response: answers<FigureFacts>(),
  },
  /**
   * Carries out the file half of a figure fix (rename, convert, copy in, delete, git add); answers
   * the relink, whose edits the renderer makes. The service runs a fix only where the disk still
   * calls for it (see services/figures/figureFixes.ts); a text edit never comes here.
   */
  applyFigureFix: {
    request: z.object({ fix: fileFix }).strict(),
    response: answers<{ message: string; relink?: FigureRelink; restoreToken?: string }>(),
  },
  /**
   * Git awareness of the open report: its answers in HEAD (the renderer compares them with the text
   * it holds, so the change marks follow typing), uncommitted changes, behind the upstream as last
   * fetched, the merge driver. Read-only, never fetches; null where git is missing or no repository.
   */
  gitStatus: { request: empty, response: answers<GitReportStatus | null>() },
  /** Installs the merge driver for the open report (what `report-editor git-setup` does). */
  gitSetup: { request: empty, response: answers<GitSetupOutcome>() },
  /** After `beforeQuit`, the renderer has flushed every edit: the host may quit now. */
  readyToQuit: { request: empty, response: answers<void>() },
  /** The view the student chose last (null: none stored), kept by the host across its restarts and ports. */
  loadViewPrefs: { request: empty, response: answers<StoredViewPrefs | null>() },
  saveViewPrefs: { request: VIEW_PREFS_SCHEMA, response: answers<void>() },
};

export const EVENT_SCHEMAS = {
  /** The open report changed on disk (not by our own save). */
  reportChanged: answers<{ reportPath: string; text: string; stamp: DiskStamp }>(),
  /** The open report was deleted or moved away on disk. */
  reportRemoved: answers<{ reportPath: string }>(),
  menuCommand: answers<{ command: MenuCommand }>(),
  /** Electron asks before quitting: the renderer flushes unsaved edits, then calls `readyToQuit`. */
  beforeQuit: answers<Record<string, never>>(),
  /** The app was asked to open a path (a second launch with an argument): the renderer opens it. */
  openRequested: answers<{ path: string }>(),
  /** Export progress: `done` of `total` images inlined. */
  exportProgress: answers<{ done: number; total: number }>(),
};

type Channel = keyof typeof CHANNEL_SCHEMAS;
type EventName = keyof typeof EVENT_SCHEMAS;

/** Every channel name, for hosts that register handlers in a loop. */
export const CHANNELS = Object.keys(CHANNEL_SCHEMAS) as Channel[];
export const EVENTS = Object.keys(EVENT_SCHEMAS) as EventName[];

/** Channels whose request may carry the report's text. */
export const REPORT_TEXT_CHANNELS: ReadonlySet<string> = new Set<string>(
  CHANNELS.filter((c) => 'text' in CHANNEL_SCHEMAS[c].request.shape),
);

/** Channels whose request grows with the report (its text, or every path it links): a larger body limit applies. */
export const LARGE_REQUEST_CHANNELS: ReadonlySet<string> = new Set<string>([...REPORT_TEXT_CHANNELS, 'figureFacts']);

export class InvalidRequestError extends Error {
  constructor(channel: string, detail: string) {
    super(`Invalid request for ${channel}: ${detail}`);
    this.name = 'InvalidRequestError';
  }
}

export function validateRequest<C extends Channel>(
  channel: C,
  request: unknown,
): z.output<(typeof CHANNEL_SCHEMAS)[C]['request']> {
  const entry = CHANNEL_SCHEMAS[channel];
  if (!entry) throw new InvalidRequestError(String(channel), 'unknown channel');
  const result = entry.request.safeParse(request ?? {});
  if (!result.success)
    throw new InvalidRequestError(
      channel,
      result.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; '),
    );
  return result.data as z.output<(typeof CHANNEL_SCHEMAS)[C]['request']>;
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(CHANNEL_SCHEMAS, name);
}
