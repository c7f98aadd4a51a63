/**
 * Puts the parts of a markdown text that renderGuard keeps away from remark/rehype back into the
 * rendered tree, as escaped preformatted text under a note: nothing the student wrote disappears
 * from the preview or the export, and the note says why it is not rendered.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { type GuardedRange, guardedRanges, MAX_BLOCK_CHARS, MAX_NESTING } from './renderGuard';

export const GUARDED_BLOCK_CLASS = 'guarded-block';
export const GUARDED_NOTE_CLASS = 'guarded-note';

export interface GuardedMarkdown {
  /** The markdown to render: each guarded range replaced by a placeholder paragraph. */
  readonly source: string;
  readonly ranges: readonly GuardedRange[];
  readonly tokens: readonly string[];
  /** Per range: the placeholder's line in `source`, and the lines and characters it stands for. */
  readonly shifts: readonly { readonly line: number; readonly lines: number; readonly chars: number }[];
}

/**
 * Replaces each guarded range by a one-word placeholder line. (Keeping its line breaks instead
 * would hand the parser hundreds of thousands of blank lines, itself slow; positions are shifted
 * back after rendering.)
 */
export function guardMarkdown(markdown: string): GuardedMarkdown {
  const ranges = guardedRanges(markdown);
  if (ranges.length === 0) return { source: markdown, ranges, tokens: [], shifts: [] };
  const nonce = Math.random().toString(36).slice(2, 10);
  const tokens = ranges.map((_, i) => `REPORTEDITORGUARDED${nonce}X${i}`);
  const shifts: { line: number; lines: number; chars: number }[] = [];
  let source = '';
  let at = 0;
  let removedLines = 0;
  ranges.forEach((range, i) => {
    source += markdown.slice(at, range.start) + tokens[i];
    const lines = range.lastLine - range.firstLine;
    shifts.push({ line: range.firstLine - removedLines, lines, chars: range.end - range.start - tokens[i].length });
    removedLines += lines;
    at = range.end;
  });
  source += markdown.slice(at);
  return { source, ranges, tokens, shifts };
}

/** Moves every position in `tree` from the placeholder source back to the original markdown. */
function shiftPositions(tree: Root, shifts: GuardedMarkdown['shifts']): void {
  // Cumulative shifts after each placeholder line, for a binary search per point.
  const lines: number[] = [];
  const chars: number[] = [];
  let l = 0;
  let c = 0;
  for (const s of shifts) {
    l += s.lines;
    c += s.chars;
    lines.push(l);
    chars.push(c);
  }
  const move = (point: { line: number; column: number; offset?: number }) => {
    let lo = 0;
    let hi = shifts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (shifts[mid].line < point.line) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return;
    point.line += lines[lo - 1];
    if (point.offset !== undefined) point.offset += chars[lo - 1];
  };
  visit(tree, (node) => {
    if (!node.position) return;
    move(node.position.start);
    move(node.position.end);
  });
}

/** What the note under a guarded range says. */
export function guardedNote(range: GuardedRange): string {
  const lines = range.firstLine === range.lastLine ? `Line ${range.firstLine} is` : `Lines ${range.firstLine}–${range.lastLine} are`;
  switch (range.reason) {
    case 'too-large':
      return `${lines} shown as plain text: the block is too large (over ${MAX_BLOCK_CHARS / 1000} kB without a blank line) to render safely.`;
    case 'too-deep':
      return `${lines} shown as plain text: the block is nested too deeply (over ${MAX_NESTING} levels of quotes, lists, brackets or tags) to render safely.`;
    case 'too-complex':
      return `${lines} shown as plain text: the block holds too much markdown syntax to render safely.`;
    case 'over-budget':
      return `${lines} shown as plain text: the report is too large to render in full, so the rest is not rendered.`;
  }
}

function guardedElement(markdown: string, range: GuardedRange): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: [GUARDED_BLOCK_CLASS] },
    children: [
      {
        type: 'element',
        tagName: 'aside',
        properties: { className: [GUARDED_NOTE_CLASS], role: 'note' },
        children: [{ type: 'text', value: guardedNote(range) }],
      },
      { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'text', value: markdown.slice(range.start, range.end) }] },
    ],
  };
}

/** Swaps each placeholder in `tree` for its guarded text; any placeholder not found goes at the end. */
export function restoreGuarded(tree: Root, markdown: string, guarded: GuardedMarkdown): void {
  if (guarded.ranges.length === 0) return;
  shiftPositions(tree, guarded.shifts);
  const index = new Map(guarded.tokens.map((token, i) => [token, i]));
  const placed = new Set<number>();
  visit(tree, 'text', (node: Text, at, parent) => {
    const i = index.get(node.value.trim());
    if (i === undefined || at === undefined || !parent) return;
    placed.add(i);
    const element = guardedElement(markdown, guarded.ranges[i]);
    // A placeholder paragraph becomes the block itself; elsewhere the block takes the text's place.
    (parent.children as ElementContent[])[at] = element;
  });
  // Unwrap `<p><div class="guarded-block">…</div></p>` (a div cannot sit in a paragraph).
  tree.children = tree.children.map((node): RootContent => {
    if (node.type === 'element' && node.tagName === 'p' && node.children.length === 1) {
      const only = node.children[0];
      if (only.type === 'element' && only.tagName === 'div' && (only.properties.className as string[] | undefined)?.includes(GUARDED_BLOCK_CLASS)) return only;
    }
    return node;
  });
  guarded.ranges.forEach((range, i) => {
    if (!placed.has(i)) tree.children.push(guardedElement(markdown, range));
  });
}
