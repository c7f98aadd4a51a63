/**
 * The student's version of the report while the page holds edits it could not save (a merge left
 * open, a failed save, a tab closing with a save in flight), kept in the page's storage so that a
 * reload or a closed tab loses nothing: a browser cannot refuse to close the way the app refuses to
 * quit. Written only when a save is refused or the page is left (never per keystroke); brought back
 * through the merge when the report is next opened (diskSync.ts).
 */

/** The kept text and the text it was edited from (the base of the merge that brings it back). */
export interface KeptVersion {
  readonly base: string;
  readonly text: string;
  /** Which page kept it: a page clears only its own, never another tab's. */
  readonly owner: string;
}

const keyOf = (reportPath: string) => `report-editor:unsaved:${reportPath}`;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage disabled (some private modes throw on access).
    return null;
  }
}

export class KeptVersions {
  /** This page's mark on what it keeps; taken over from a version it brings back. */
  private owner = Math.random().toString(36).slice(2);
  /** This page kept (or brought back) a version: only then is there anything of ours to clear. */
  private holding = false;

  constructor(private readonly reportPath: string) {}

  /** The version kept for this report (by any page), if one is there and readable. */
  read(): KeptVersion | null {
    try {
      const raw = storage()?.getItem(keyOf(this.reportPath));
      if (!raw) return null;
      const kept = JSON.parse(raw) as Partial<KeptVersion>;
      if (typeof kept.base !== 'string' || typeof kept.text !== 'string' || typeof kept.owner !== 'string') return null;
      return kept as KeptVersion;
    } catch {
      return null;
    }
  }

  /** This page now answers for `kept` (it brought it back): clearing it is ours to do. */
  adopt(kept: KeptVersion): void {
    this.owner = kept.owner;
    this.holding = true;
  }

  keep(base: string, text: string): void {
    this.holding = true;
    try {
      storage()?.setItem(keyOf(this.reportPath), JSON.stringify({ base, text, owner: this.owner }));
    } catch {
      // Full or disabled: the banners still say the text is only here.
    }
  }

  /** Saved: the kept version (if it is this page's) is no longer needed. */
  clear(): void {
    if (!this.holding) return;
    this.holding = false;
    if (this.read()?.owner !== this.owner) return;
    try {
      storage()?.removeItem(keyOf(this.reportPath));
    } catch {
      // Nothing to do: a stale version only brings back text that is on disk already.
    }
  }
}
