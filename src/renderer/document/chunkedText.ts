/**
 * The report's text in pieces of a few kilobytes, so that a keystroke copies the piece it lands
 * in, not the whole report: a 20 MB report (a pasted base64 image, 200 000 lines) types as fast
 * as a small one. The whole string is joined only when asked for (a parse, a save), once per change.
 */
import { EditMismatchError, type TextEdit } from '../../core/textEdit';

/**
 * A keystroke copies the piece it lands in: 4 kB of garbage a key (16 kB pieces were ~16 of the
 * ~184 kB typing allocated a key). A 20 MB report is then 5,000 pieces, still a short index.
 */
const PIECE = 4 * 1024;

export class ChunkedText {
  private pieces: string[] = [];
  /** Where each piece starts in the text. */
  private starts: number[] = [];
  private size = 0;
  private joined: string | null;

  constructor(text: string) {
    for (let at = 0; at < text.length; at += PIECE) this.pieces.push(text.slice(at, at + PIECE));
    if (this.pieces.length === 0) this.pieces.push('');
    this.reindex(0);
    this.joined = text;
  }

  get length(): number {
    return this.size;
  }

  toString(): string {
    this.joined ??= this.pieces.join('');
    return this.joined;
  }

  slice(from: number, to: number = this.size): string {
    const start = Math.max(0, Math.min(from, this.size));
    const end = Math.max(start, Math.min(to, this.size));
    if (this.joined !== null) return this.joined.slice(start, end);
    let i = this.pieceAt(start);
    let out = '';
    let at = start;
    while (at < end) {
      const piece = this.pieces[i];
      const local = at - this.starts[i];
      const take = piece.slice(local, local + (end - at));
      out += take;
      at += take.length;
      i++;
    }
    return out;
  }

  /**
   * Applies edits sorted by position and not overlapping (the authority's normal form), after
   * checking every `expect`: a mismatch throws EditMismatchError and changes nothing.
   */
  apply(edits: readonly TextEdit[]): void {
    let previousEnd = 0;
    for (const e of edits) {
      if (e.start < previousEnd || e.end < e.start || e.end > this.size) {
        throw new EditMismatchError('Overlapping or out-of-range edits');
      }
      if (this.slice(e.start, e.end) !== e.expect) {
        throw new EditMismatchError(`The report changed: expected "${e.expect}" at offset ${e.start}`);
      }
      previousEnd = e.end;
    }
    for (let k = edits.length - 1; k >= 0; k--) this.replace(edits[k]);
  }

  private replace({ start, end, text }: TextEdit): void {
    const first = this.pieceAt(start);
    const last = this.pieceAt(end);
    const merged =
      this.pieces[first].slice(0, start - this.starts[first]) + text + this.pieces[last].slice(end - this.starts[last]);
    const replacement: string[] = [];
    for (let at = 0; at < merged.length; at += PIECE) replacement.push(merged.slice(at, at + PIECE));
    if (replacement.length === 0) replacement.push('');
    this.pieces.splice(first, last - first + 1, ...replacement);
    this.reindex(first);
    this.joined = null;
  }

  /** The piece holding offset `at` (the last one for the end of the text). */
  private pieceAt(at: number): number {
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private reindex(from: number): void {
    this.starts.length = this.pieces.length;
    let at = from === 0 ? 0 : this.starts[from - 1] + this.pieces[from - 1].length;
    for (let i = from; i < this.pieces.length; i++) {
      this.starts[i] = at;
      at += this.pieces[i].length;
    }
    this.size = at;
  }
}
