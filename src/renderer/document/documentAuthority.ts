/**
 * The one owner of the open report's text in the renderer. Every change — a keystroke, a fix, a
 * repair, a figure link, a reload from disk, a merge — enters through `apply` as edits with an
 * origin; each bumps the version and is told to the subscribers. The parse (`ReportDocument`) is a
 * pure function of the text, made when first asked for at a version (typing does not parse).
 */
import { parseReport } from '../../core/parseReport';
import type { ReportDocument } from '../../core/reportModel';
import { EditMismatchError, type TextEdit } from '../../core/textEdit';
import { ChunkedText } from './chunkedText';

export type ChangeOrigin = 'typing' | 'fix' | 'repair' | 'figure' | 'disk' | 'merge' | 'undo';

export interface DocumentTransaction {
  readonly edits: readonly TextEdit[];
  readonly origin: ChangeOrigin;
  /** The answer editor the change was typed in (its editor already shows it). */
  readonly question?: number;
}

export interface DocumentChange extends DocumentTransaction {
  /** The version the edits were made against, and the one they produced. */
  readonly from: number;
  readonly version: number;
  /** The edits sorted by position, non-overlapping, offsets against the text before. */
  readonly edits: readonly TextEdit[];
}

/** How many past changes are kept to move edits computed against an older version onto the current one. */
const LOG_LENGTH = 200;

export class DocumentAuthority {
  private readonly current: ChunkedText;
  private ver = 0;
  private parsed: { readonly version: number; readonly doc: ReportDocument } | null = null;
  private readonly log: DocumentChange[] = [];
  private readonly listeners = new Set<(change: DocumentChange) => void>();

  constructor(text: string) {
    this.current = new ChunkedText(text);
  }

  /** The whole text (joined once per version: typing never needs it, see `slice`). */
  get text(): string {
    return this.current.toString();
  }

  /** Part of the text, without joining the whole. */
  slice(from: number, to: number): string {
    return this.current.slice(from, to);
  }

  get version(): number {
    return this.ver;
  }

  /** The parse of the current text (made once per version). */
  get doc(): ReportDocument {
    if (this.parsed?.version !== this.ver) this.parsed = { version: this.ver, doc: parseReport(this.text) };
    return this.parsed.doc;
  }

  /**
   * Applies the edits (offsets against the current text). Throws EditMismatchError, changing
   * nothing, when an edit's `expect` no longer reads so. Null when the edits change nothing.
   */
  apply(transaction: DocumentTransaction): DocumentChange | null {
    const edits = normalized(transaction.edits);
    if (edits.length === 0) return null;
    this.current.apply(edits);
    const change: DocumentChange = { ...transaction, edits, from: this.ver, version: this.ver + 1 };
    this.ver += 1;
    this.log.push(change);
    if (this.log.length > LOG_LENGTH) this.log.shift();
    for (const listener of [...this.listeners]) listener(change);
    return change;
  }

  /**
   * Moves edits computed against `version` onto the current text, through the changes made since.
   * Throws EditMismatchError when a change since then touched what an edit replaces (or the
   * version is too old to know).
   */
  rebase(edits: readonly TextEdit[], version: number): TextEdit[] {
    if (version === this.ver) return [...edits];
    const since = this.log.filter((c) => c.from >= version);
    if (since.length === 0 || since[0].from !== version) {
      throw new EditMismatchError('The report changed too much since this was computed');
    }
    return edits.map((edit) => since.reduce((e, change) => mapEdit(e, change.edits), edit));
  }

  subscribe(listener: (change: DocumentChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Sorted, identical edits once (two findings may carry the same fix), no-ops dropped, and edits
 * that touch (one ends where the next starts, e.g. two insertions at one point) merged in the
 * order given: applied one by one, their order at that point would otherwise be left to chance.
 */
function normalized(edits: readonly TextEdit[]): TextEdit[] {
  const unique = new Map<string, TextEdit>();
  for (const e of edits) if (e.expect !== e.text) unique.set(`${e.start}:${e.end}:${e.text}`, e);
  const sorted = [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.end === e.start) {
      out[out.length - 1] = { start: last.start, end: e.end, expect: last.expect + e.expect, text: last.text + e.text };
    } else out.push(e);
  }
  return out;
}

/** `edit` moved through `changes` (sorted, against the same text as `edit`). */
export function mapEdit(edit: TextEdit, changes: readonly TextEdit[]): TextEdit {
  let shift = 0;
  for (const c of changes) {
    if (c.end <= edit.start) shift += c.text.length - (c.end - c.start);
    else if (c.start >= edit.end) break;
    else throw new EditMismatchError('The text this edit replaces was changed meanwhile');
  }
  return shift === 0 ? edit : { ...edit, start: edit.start + shift, end: edit.end + shift };
}
