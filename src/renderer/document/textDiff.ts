/**
 * Edits that turn one text of the report into another (a repair's result, the file reloaded from
 * disk, a service's rewritten links): one minimal replacement per changed segment, so each answer
 * a change touches gets its own edit and the bytes in between are not part of any.
 */
import { parseReport } from '../../core/parseReport';
import type { TextEdit } from '../../core/textEdit';
import { minimalChange } from '../model/textChange';

export function editsBetween(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = parseReport(before).segments;
  const b = parseReport(after).segments;
  const aligned = a.length === b.length && a.every((s, i) => s.kind === b[i].kind);
  if (!aligned) return [edit(before, after, 0)];
  const edits: TextEdit[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i].text !== b[i].text) edits.push(edit(a[i].text, b[i].text, a[i].start));
  }
  return edits;
}

function edit(before: string, after: string, at: number): TextEdit {
  const change = minimalChange(before, after) ?? { from: 0, to: 0, insert: '' };
  return {
    start: at + change.from,
    end: at + change.to,
    expect: before.slice(change.from, change.to),
    text: change.insert,
  };
}
