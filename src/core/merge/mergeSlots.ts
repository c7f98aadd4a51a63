/**
 * Merging one answer or one checklist box given its base, mine and theirs versions (undefined
 * where a side does not have it). Equal texts never conflict; a box never conflicts at all: its
 * ticked state merges on its own (a tick or untick on one side wins over no change on the other).
 */
import type { AnswerSlot, BoxSlot } from './reportUnits';

export type SlotOutcome = { readonly kind: 'take'; readonly text: string } | { readonly kind: 'conflict' };

/** The smaller of two texts: a choice that does not depend on which side is "mine". */
const either = (a: string, b: string) => (a <= b ? a : b);

function oneSided(base: string | undefined, mine: string | undefined, theirs: string | undefined): string | undefined {
  if (mine === theirs) return mine;
  if (mine === base) return theirs ?? mine;
  if (theirs === base) return mine ?? theirs;
  return undefined;
}

export function mergeAnswerSlot(base?: AnswerSlot, mine?: AnswerSlot, theirs?: AnswerSlot): SlotOutcome {
  const text = oneSided(base?.text, mine?.text, theirs?.text);
  if (text !== undefined) return { kind: 'take', text };
  if (mine && theirs) {
    // Both sides wrote the same answer, laid out differently (blank lines, line endings).
    if (mine.answer === theirs.answer) return { kind: 'take', text: either(mine.text, theirs.text) };
    // One side only re-laid the answer out (e.g. doctor --fix added a blank line): its words are
    // the base's, so the other side's rewrite wins rather than stopping the merge.
    if (base && mine.answer === base.answer) return { kind: 'take', text: theirs.text };
    if (base && theirs.answer === base.answer) return { kind: 'take', text: mine.text };
  }
  return { kind: 'conflict' };
}

export function mergeBoxSlot(base?: BoxSlot, mine?: BoxSlot, theirs?: BoxSlot): string {
  const text = oneSided(base?.text, mine?.text, theirs?.text);
  if (text !== undefined) return text;
  if (!mine || !theirs) return (mine ?? theirs)!.text;
  // Both changed the box's line differently (the item's words are the same: they identify the box).
  const checked = base ? (mine.checked !== base.checked ? mine.checked : theirs.checked) : mine.checked || theirs.checked;
  const candidates = [mine, theirs].filter((s) => s.checked === checked).map((s) => s.text);
  return candidates.length === 2 ? either(candidates[0], candidates[1]) : candidates[0];
}
