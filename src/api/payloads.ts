/**
 * The data the channels carry: what requests and responses are made of. Plain types, no code;
 * the channels themselves are in schemas.ts, and contract.ts gathers both for the hosts and the UI.
 */
import type { CheckerProfile } from '../core/constraints';
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

/** An image the report shows that an exported page could not include (a placeholder stands in for it). */
export interface MissingImage {
  /** The image source as written in the report (percent-encoded like any markdown link). */
  readonly src: string;
  /** 1-based line in the report, when known. */
  readonly line: number | null;
  /** Why it is not in the page, e.g. "file not found". */
  readonly reason: string;
}

export type ExportOutcome =
  | {
      readonly kind: 'exported';
      readonly outputPath: string;
      /** `graded`: the course's page (report.py html); `github`: as GitHub and the preview show it. */
      readonly rendering: ExportRendering;
      /** Images that could not be inlined (a placeholder stands in for each). */
      readonly missingImages: readonly MissingImage[];
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
}

/** One answer as last committed (HEAD), for the change marks of git awareness. */
export interface CommittedAnswer {
  readonly question: number;
  readonly answer: string;
}

/** What git knows about the open report (read-only; the branch is never fetched). */
export interface GitReportStatus {
  /** The current branch, or null when HEAD is detached. */
  readonly branch: string | null;
  /** The report's path in the repository (`reports/README.md`). */
  readonly path: string;
  /** The answers of the report in HEAD; null when the report is not committed yet (or no commit exists). */
  readonly committed: readonly CommittedAnswer[] | null;
  /** The file on disk differs from HEAD (staged or not), or is not tracked yet. */
  readonly uncommitted: boolean;
  /** `origin/main`, or null when the branch has no upstream. */
  readonly upstream: string | null;
  /** Commits on the upstream (as last fetched) that HEAD does not have; null without upstream. */
  readonly behind: number | null;
  /** This clone merges the report answer by answer (the .gitattributes line and the driver command are both there). */
  readonly mergeDriver: boolean;
}

export type GitSetupOutcome =
  | { readonly ok: true; readonly message: string; readonly toCommit: boolean }
  | { readonly ok: false; readonly message: string };

/** One sub-folder offered while typing a path (browser host's "Open folder…"). */
export interface FolderEntry {
  readonly name: string;
  /** Absolute path of the sub-folder. */
  readonly path: string;
  /** Its name starts with a dot (listed after the others). */
  readonly hidden: boolean;
}

/** Sub-folders of a typed path's folder: names only, never files or contents (see folderListing.ts). */
export interface FolderListing {
  /** The absolute folder listed (the typed path up to its last separator). */
  readonly folder: string;
  readonly entries: readonly FolderEntry[];
  /** More matched than were answered: type more to narrow. */
  readonly truncated: boolean;
  /** Why nothing could be listed (no such folder, no permission), or null. */
  readonly problem: string | null;
}

/** The form's remembered view: folded side panels, text size steps, colour theme. */
export interface StoredViewPrefs {
  readonly navigatorOpen: boolean;
  readonly problemsOpen: boolean;
  readonly textStep: number;
  readonly theme: 'system' | 'light' | 'dark';
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

/** Commands the host's menu sends to the renderer. */
export type MenuCommand =
  | 'open'
  | 'save'
  | 'export'
  | 'repair'
  | 'next-question'
  | 'previous-question'
  | 'go-to-question'
  | 'focus-mode'
  | 'text-larger'
  | 'text-smaller'
  | 'text-reset';
