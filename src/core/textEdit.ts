/**
 * The one edit type that crosses the API and that every fix is made of: services and analyses
 * return edits against the text they were given, and the renderer applies them as one change.
 */

/** A replacement of `text.slice(start, end)` by `text`; `expect` is what that range must still read. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly expect: string;
  readonly text: string;
}

/**
 * The text no longer reads what an edit expects (it changed since the edit was computed), or two
 * edits overlap. A RangeError, so callers that already treat RangeError as "the report changed"
 * keep working.
 */
export class EditMismatchError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'EditMismatchError';
  }
}

/**
 * Applies non-overlapping edits given in any order; identical edits count once (two findings on
 * the same link may carry the same fix). Throws EditMismatchError when an edit's `expect` differs
 * from the text, or when edits overlap, and then changes nothing.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const unique = new Map<string, TextEdit>();
  for (const e of edits) unique.set(`${e.start}:${e.end}:${e.text}`, e);
  const sorted = [...unique.values()].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new EditMismatchError('Overlapping edits');
    if (text.slice(e.start, e.end) !== e.expect) {
      throw new EditMismatchError(`The report changed: expected "${e.expect}" at offset ${e.start}`);
    }
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}
