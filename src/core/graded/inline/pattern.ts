/** What every inline pattern looks like to the inline processor. */
import type { Element } from '../tree';
import type { InlineContext } from './context';

export interface InlineMatch {
  start: number;
  end: number;
  /** An element, a string to stash as text, or null: nothing replaces the text, skip to `end`. */
  node: Element | string | null;
}

export interface InlinePattern {
  readonly name: string;
  /**
   * True when a replacement can never make an earlier position match (code spans: hiding later
   * backticks creates no closing run; escapes: every backslash matches where it stands): Python's
   * search from the start after each replacement then finds what a search onwards finds.
   */
  readonly earlierStaysUnmatched?: boolean;
  /** Characters one of which every match contains: text without them is skipped at once. */
  readonly triggers: readonly string[];
  /**
   * Characters every match contains as well, whichever trigger it has (a link's `]`): text
   * without one of them is skipped at once too (a hostile line's tails of `![` by the thousand).
   */
  readonly requires?: string;
  /**
   * The first match at or after `from`. `prevAt(i)` gives the character before index i as the
   * data stands now (a placeholder's closing ETX right after an earlier replacement).
   */
  find(ctx: InlineContext, data: string, from: number, prevAt: (i: number) => string | undefined): InlineMatch | null;
}
