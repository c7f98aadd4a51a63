/**
 * The line edits accepted so far in one round of fixes, indexed by line, so that checking a new
 * fix for a conflict (the rule of `editsConflict`) costs the size of the fix, not the number of
 * fixes already accepted: tens of thousands of findings would otherwise take minutes.
 */
import type { LineEdit } from './textLines';

export class EditLedger {
  /** Line → id of the accepted deletion covering it. */
  private readonly deleted = new Map<number, number>();
  /** Positions of accepted insertions. */
  private readonly inserts = new Set<number>();
  private nextId = 1;

  /** True when `edits` overlap an accepted edit, exactly as `editsConflict` against each would say. */
  conflicts(edits: readonly LineEdit[]): boolean {
    for (const y of edits) {
      if (y.deleteCount > 0) {
        for (let line = y.at; line < y.at + y.deleteCount; line++) {
          if (this.deleted.has(line)) return true;
          if (line > y.at && this.inserts.has(line)) return true;
        }
      } else {
        // An insertion conflicts with a deletion that strictly contains its position.
        const before = this.deleted.get(y.at - 1);
        if (before !== undefined && before === this.deleted.get(y.at)) return true;
      }
    }
    return false;
  }

  add(edits: readonly LineEdit[]): void {
    for (const x of edits) {
      if (x.deleteCount > 0) {
        const id = this.nextId++;
        for (let line = x.at; line < x.at + x.deleteCount; line++) this.deleted.set(line, id);
      } else this.inserts.add(x.at);
    }
  }
}
