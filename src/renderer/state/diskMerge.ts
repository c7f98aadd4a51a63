/**
 * Merging a change made on disk into the text being edited, answer by answer: the three-way merge
 * of the text last loaded or saved (base), the editor's text (mine) and the disk's (theirs). Where
 * both sides changed one answer, the merged text holds git's markers there (with the base version
 * too); each such region is then resolved by a choice — mine, theirs, both, or an edited text —
 * the same choice the app offers for markers a `git pull` left in the file.
 */
import { findConflictMarkers, type ConflictRegion } from '../../core/merge/conflictMarkers';
import { mergeReports } from '../../core/merge/mergeReports';
import { parseReport } from '../../core/parseReport';
import type { ReportDocument } from '../../core/reportModel';

export type RegionChoice = 'mine' | 'theirs' | 'both' | { readonly text: string };

export interface DiskMerge {
  /** The merged text; with conflict markers where `regions` says. */
  readonly text: string;
  /** Where both sides changed the same answer (or the same template text), in file order. */
  readonly regions: readonly ConflictRegion[];
}

/** Labels written on the (never saved) markers of a merge made in the app. */
export const MERGE_LABELS = { mine: 'mine', base: 'last saved', theirs: 'on disk' } as const;

export function mergeDiskChange(base: string, mine: string, theirs: string): DiskMerge {
  const merged = mergeReports(base, mine, theirs, { showBase: true, labels: MERGE_LABELS });
  return { text: merged.text, regions: merged.clean ? [] : findConflictMarkers(merged.text) };
}

const lineEndingOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');

/**
 * What replaces `region` for `choice`. "Both" inside an answer keeps the two versions as two
 * paragraphs (a blank line between them); an edited text takes the file's line endings and ends
 * with a line break, as the marker block it replaces did.
 */
export function chosenText(region: ConflictRegion, choice: RegionChoice, eol: string): string {
  if (choice === 'mine') return region.ours;
  if (choice === 'theirs') return region.theirs;
  if (choice === 'both') {
    const gap = region.insideAnswer !== null && region.ours.trim() !== '' && region.theirs.trim() !== '' ? eol : '';
    return region.ours + gap + region.theirs;
  }
  const text = choice.text.replace(/\r\n?/g, '\n').split('\n').join(eol);
  return text === '' || text.endsWith(eol) ? text : text + eol;
}

/** `text` with every region replaced by its chosen version (`choices[i]` for `regions[i]`). */
export function resolveRegions(text: string, regions: readonly ConflictRegion[], choices: readonly RegionChoice[]): string {
  const eol = lineEndingOf(text);
  let out = text;
  for (let i = regions.length - 1; i >= 0; i--) {
    const region = regions[i];
    out = out.slice(0, region.start) + chosenText(region, choices[i], eol) + out.slice(region.end);
  }
  return out;
}

function questionList(numbers: readonly number[]): string {
  if (numbers.length === 1) return `Question ${numbers[0]}`;
  return `Questions ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** What changed on disk between `base` and `theirs`, for the quiet notice after a clean merge. */
export function describeDiskChange(base: string, theirs: string, docs?: { base?: ReportDocument; theirs?: ReportDocument }): string {
  const before = docs?.base ?? parseReport(base);
  const after = docs?.theirs ?? parseReport(theirs);
  const answers = new Map(before.questions.map((q) => [q.number, q.answer]));
  const changed = [...new Set(after.questions.filter((q) => answers.get(q.number) !== q.answer).map((q) => q.number))];
  const ticks = before.checklist.length === after.checklist.length && before.checklist.some((item, i) => item.checked !== after.checklist[i].checked);
  const parts: string[] = [];
  if (changed.length > 0) parts.push(`${questionList(changed)} changed on disk`);
  if (ticks) parts.push(parts.length > 0 ? 'the checklist too' : 'The checklist changed on disk');
  if (parts.length === 0) parts.push('The report changed on disk');
  return `${parts.join(', ')}: merged with your edits.`;
}
