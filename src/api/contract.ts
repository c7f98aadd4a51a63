/**
 * The one typed contract between the renderer and whichever host runs it (Electron's main process
 * over IPC, or the browser host over HTTP + Server-Sent Events). The renderer only ever talks
 * through `ReportApi`; both hosts dispatch the same channels to the same services.
 */
import type { CheckerProfile } from '../core/constraints';
import type { FigureFinding, FigureFix } from '../core/figureLinks';
import type { TextEdit } from '../core/textEdit';
import type { RangeDifference, TemplateMatch } from '../core/templateVersion';

/** A fingerprint of the bytes on disk (sha-256 hex), used to detect changes made elsewhere. */
export type DiskStamp = string;

export interface RecentRepo {
  readonly repoRoot: string;
  readonly reportPath: string;
  readonly openedAt: string; // ISO date
}

export interface OpenedReport {
  readonly repoRoot: string;
  /** Absolute path of the report file. */
  readonly reportPath: string;
  /** Path relative to the repo root, for display (`reports/README.md`). */
  readonly relativePath: string;
  readonly text: string;
  readonly stamp: DiskStamp;
  readonly profile: CheckerProfile;
  readonly template: TemplateMatch | null;
  readonly differences: readonly RangeDifference[];
  /** The repo's report.py whose table is in force, or null for the course default. */
  readonly reportPyPath: string | null;
}

export type OpenResult =
  | { readonly kind: 'opened'; readonly report: OpenedReport }
  /** Several markdown files hold the template: the user picks one (then `openPath` with it). */
  | { readonly kind: 'choose'; readonly repoRoot: string; readonly candidates: readonly string[] }
  /** The folder has no report: say what was expected and let the user pick a file. */
  | { readonly kind: 'no-report'; readonly repoRoot: string; readonly message: string }
  /** The file cannot be used (binary, not UTF-8, too large, no template, unreadable...). */
  | { readonly kind: 'error'; readonly path: string; readonly message: string };

export type SaveResult =
  | { readonly kind: 'saved'; readonly stamp: DiskStamp }
  /** Nothing to write: the disk already holds exactly this text. */
  | { readonly kind: 'unchanged'; readonly stamp: DiskStamp }
  /** The file changed on disk since `baseStamp`; nothing was written. */
  | { readonly kind: 'conflict'; readonly diskText: string; readonly stamp: DiskStamp }
  /**
   * The file is read-only (no write bit, or not writable by this user — also when running as
   * root); nothing was written. The UI asks; saving again with `makeWritable` does `chmod u+w` first.
   */
  | { readonly kind: 'read-only'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

/** The two renderings an export can hold (see exportHtml.ts). */
export type ExportRendering = 'graded' | 'github';

export type ExportOutcome =
  | {
      readonly kind: 'exported';
      readonly outputPath: string;
      /** `graded`: the course's page (report.py html); `github`: as GitHub and the preview show it. */
      readonly rendering: ExportRendering;
      /** Images that could not be inlined (a placeholder stands in for each). */
      readonly missingImages: readonly { readonly src: string; readonly line: number | null; readonly reason: string }[];
      readonly imageCount: number;
      readonly bytes: number;
    }
  | { readonly kind: 'error'; readonly message: string };

/** A dropped, pasted or picked image, as base64 so both hosts can carry it in JSON. */
export interface FigureUpload {
  readonly fileName: string;
  readonly base64: string;
}

export interface FigureOversize {
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
}

export type FigureImportOutcome =
  | {
      readonly ok: true;
      readonly fileName: string;
      /** `figures/q19-gcp-bucket.png`, relative to the report's folder. */
      readonly relativeLink: string;
      readonly path: string;
      /** An identical file was already in figures/ and is linked instead of a copy. */
      readonly reused: boolean;
      /** Converted to PNG (the template accepts only .png, .jpg, .jpeg). */
      readonly converted: boolean;
      readonly sourceFormat: string;
      readonly width: number;
      readonly height: number;
      readonly bytes: number;
      /** Over 2 MB or wider than 2560 px: the UI offers a downscaled copy. */
      readonly oversized?: FigureOversize;
      /** `![alt](figures/…)` to insert. */
      readonly markdown: string;
    }
  | { readonly ok: false; readonly fileName: string; readonly problem: string; readonly message: string };

export interface FigureFileInfo {
  readonly relativeLink: string;
  readonly path: string;
  readonly bytes: number;
  readonly format: string | null;
  readonly linkedBy: readonly number[];
  readonly linked: boolean;
}

export interface FigureHygieneResult {
  readonly findings: readonly FigureFinding[];
  readonly git: { readonly checked: true; readonly root: string } | { readonly checked: false; readonly reason: string };
}

export interface InitialState {
  readonly host: 'electron' | 'browser';
  /** `process.platform` of the host, for platform keyboard shortcuts (darwin → ⌘). */
  readonly platform: string;
  /** A repo or file given on the command line (`npm start -- <path>`, `report-editor serve <path>`). */
  readonly initialPath: string | null;
  readonly recent: readonly RecentRepo[];
  readonly version: string;
}

/** Request and response of every invokable channel. */
export interface ApiChannels {
  getInitialState: { request: Record<string, never>; response: InitialState };
  /** Opens a repo root, a reports/ folder or a markdown file. */
  openPath: { request: { path: string }; response: OpenResult };
  /** Native folder picker (Electron); the browser host answers null and the UI asks for a path. */
  pickFolder: { request: Record<string, never>; response: string | null };
  /** Native file picker for a markdown report inside `repoRoot`; null when cancelled/unsupported. */
  pickReportFile: { request: { repoRoot: string }; response: string | null };
  /**
   * Writes `text` atomically to the open report, unless the disk no longer matches `baseStamp`
   * (then `conflict`, nothing written) — `force` overwrites anyway (the user chose "keep mine").
   * Saves of one file run one at a time. A read-only file answers `read-only` unless `makeWritable`
   * (the user chose "Make it writable and save").
   */
  saveReport: {
    request: { reportPath: string; text: string; baseStamp: DiskStamp; force?: boolean; makeWritable?: boolean };
    response: SaveResult;
  };
  listRecent: { request: Record<string, never>; response: readonly RecentRepo[] };
  /** Opens an http(s) URL in the system browser (Electron) or a new tab (browser host). */
  openExternal: { request: { url: string }; response: void };
  /**
   * Writes the report (the editor's current text) as one self-contained HTML file in `rendering`
   * (default graded): `report.html` (graded) or `report.github.html` next to the report unless
   * `outputPath` is given (inside the repo; only a `.html`/`.htm` file,
   * never inside `.git`, never over a file that does not already hold HTML — see exportTarget.ts).
   * Progress arrives as `exportProgress` events.
   */
  exportHtml: {
    request: { reportPath: string; text: string; outputPath?: string; rendering?: ExportRendering };
    response: ExportOutcome;
  };
  /**
   * Shows the last exported file: Electron opens it in the system's browser and answers null; the
   * browser host answers a URL for the page to open in a new tab. Only a file this session exported,
   * still holding exactly what was written, is shown; anything else is refused.
   */
  openExport: { request: { outputPath: string }; response: { url: string | null } };
  /**
   * Copies images into the open report's figures/ folder (named for the question, deduplicated,
   * converted to PNG when needed). The report itself is not written: the UI inserts the links.
   */
  importFigures: {
    request: { reportPath: string; question: number | null; files: readonly FigureUpload[]; pasted?: boolean };
    response: readonly FigureImportOutcome[];
  };
  listFigures: { request: { reportPath: string; text?: string }; response: readonly FigureFileInfo[] };
  figureThumbnail: {
    request: { reportPath: string; target: string; size?: number };
    response: { dataUrl: string; width: number; height: number; bytes: number };
  };
  /** Renames the file and answers the edits of `text` that point every link at the new name. */
  renameFigure: {
    request: { reportPath: string; text: string; from: string; to: string };
    response: { edits: readonly TextEdit[]; relativeLink: string; path: string; changedLinks: number };
  };
  /** Deletes the file only when `text` links it nowhere. */
  deleteFigure: {
    request: { reportPath: string; text: string; target: string };
    response: { deleted: boolean; linkedBy: readonly number[] };
  };
  downscaleFigure: {
    request: { reportPath: string; target: string; maxWidth?: number; text?: string };
    response: {
      relativeLink: string;
      path: string;
      bytes: number;
      width: number;
      height: number;
      original: FigureOversize;
      /** The edits of `text` (when given) pointing its links at the copy. */
      edits?: readonly TextEdit[];
    } | null;
  };
  figureHygiene: { request: { reportPath: string; text: string }; response: FigureHygieneResult };
  /** Carries out one fix that figureHygiene proposed for this text; answers the edits of `text` it makes. */
  applyFigureFix: {
    request: { reportPath: string; text: string; fix: FigureFix };
    response: { edits: readonly TextEdit[]; message: string };
  };
  /** After `beforeQuit`, the renderer has flushed every edit: the host may quit now. */
  readyToQuit: { request: Record<string, never>; response: void };
}

export type Channel = keyof ApiChannels;
export type RequestOf<C extends Channel> = ApiChannels[C]['request'];
export type ResponseOf<C extends Channel> = ApiChannels[C]['response'];

/** Commands the host's menu sends to the renderer. */
export type MenuCommand = 'open' | 'save' | 'export' | 'repair' | 'next-question' | 'previous-question' | 'go-to-question';

/** Events pushed from the host to the renderer. */
export interface ApiEvents {
  /** The open report changed on disk (not by our own save). */
  reportChanged: { reportPath: string; text: string; stamp: DiskStamp };
  /** The open report was deleted or moved away on disk. */
  reportRemoved: { reportPath: string };
  menuCommand: { command: MenuCommand };
  /** Electron asks before quitting: the renderer flushes unsaved edits, then calls `readyToQuit`. */
  beforeQuit: Record<string, never>;
  /** The app was asked to open a path (a second launch with an argument): the renderer opens it. */
  openRequested: { path: string };
  /** Export progress: `done` of `total` images inlined. */
  exportProgress: { done: number; total: number };
}

export type EventName = keyof ApiEvents;

export interface ReportApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** Every channel name, for hosts that register handlers in a loop. */
export const CHANNELS = [
  'getInitialState',
  'openPath',
  'pickFolder',
  'pickReportFile',
  'saveReport',
  'listRecent',
  'openExternal',
  'exportHtml',
  'openExport',
  'importFigures',
  'listFigures',
  'figureThumbnail',
  'renameFigure',
  'deleteFigure',
  'downscaleFigure',
  'figureHygiene',
  'applyFigureFix',
  'readyToQuit',
] as const satisfies readonly Channel[];

export const EVENTS = ['reportChanged', 'reportRemoved', 'menuCommand', 'beforeQuit', 'openRequested', 'exportProgress'] as const satisfies readonly EventName[];

/**
 * Figures are shown through a route that serves only images inside the open report's folder:
 * Electron registers this privileged scheme, the browser host serves `report-files/…` below the
 * page's own `/t/<token>/` path (a relative URL, so the token travels with it).
 */
export const FIGURE_SCHEME = 'report-file';

/** The URL under which the UI loads `relativePath` (relative to the report's folder). */
export function figureUrl(host: InitialState['host'], relativePath: string): string {
  const encoded = relativePath
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
  return host === 'electron' ? `${FIGURE_SCHEME}://report/${encoded}` : `report-files/${encoded}`;
}

/** IPC channel names are namespaced so they cannot collide with Electron's or a library's. */
export const ipcChannel = (name: Channel | EventName): string => `report-api:${name}`;
