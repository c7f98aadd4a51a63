/**
 * Python-Markdown's block parser: the text is split into blocks at blank lines, and each block
 * goes to the first processor (in priority order) whose test accepts it. Processors may put text
 * back at the front of the queue, recurse into a child element, or decline.
 */
import { pyStrip } from './pyString';
import { subElement, type Element } from './tree';

/**
 * What is known of a queued block: it is `source.slice(offset)`, with `offset` at a line start of
 * `source` (the rest of a block after a reference definition). Line-by-line searches on it can
 * reuse earlier scans of the same source (`scans`, shared by every suffix of that source), so
 * taking definitions off the front one at a time does not rescan the rest of the block each time.
 */
export interface Suffix {
  readonly block: string;
  readonly source: string;
  readonly offset: number;
  /** Per search: the first match at or after `from` in `source` is `found` (-1: none). */
  readonly scans: Map<string, { from: number; found: number }>;
}

/** The queue of blocks still to parse; the front is the end of the array so taking it is O(1). */
export class Blocks {
  private readonly reversed: string[];
  /** Parallel to `reversed`, made on the first known suffix (most queues never have one). */
  private suffixes: (Suffix | undefined)[] | null = null;
  constructor(blocks: string[]) {
    this.reversed = blocks.reverse();
  }
  get length(): number {
    return this.reversed.length;
  }
  first(): string {
    return this.reversed[this.reversed.length - 1]!;
  }
  /** What is known of the front block, if anything. */
  firstSuffix(): Suffix | undefined {
    const suffixes = this.suffixes;
    return suffixes ? suffixes[suffixes.length - 1] : undefined;
  }
  shift(): string {
    this.suffixes?.pop();
    return this.reversed.pop()!;
  }
  unshift(block: string, suffix?: Suffix): void {
    if (suffix && !this.suffixes) this.suffixes = new Array<Suffix | undefined>(this.reversed.length).fill(undefined);
    this.reversed.push(block);
    this.suffixes?.push(suffix);
  }
}

export interface BlockProcessor {
  test(parser: BlockParser, parent: Element, block: string): boolean;
  /** Returns false to decline: the block is back at the front and the next processor is tried. */
  run(parser: BlockParser, parent: Element, blocks: Blocks): boolean | void;
}

export interface Reference {
  href: string;
  title: string | null;
}

export const TAB_LENGTH = 4;

/**
 * Nesting of block parsing past which the rest stays text. Python-Markdown reaches its recursion
 * limit about here (298 levels of quotes, fewer of lists), so no report the course can render
 * nests deeper; a hostile one must neither overflow our stack nor make each level rescan it all.
 */
const MAX_BLOCK_DEPTH = 300;

export class BlockParser {
  /** Python-Markdown's parser state stack ('list', 'looselist', 'detabbed', 'blockquote'). */
  private readonly states: string[] = [];
  readonly references = new Map<string, Reference>();
  /** How deep blockquotes nest right now (Python stops nesting near its recursion limit). */
  quoteDepth = 0;
  /** How deep block parsing nests right now (lists in lists…), for MAX_BLOCK_DEPTH. */
  private depth = 0;
  /** What is known of the block being tested (set before each processor's test). */
  suffix: Suffix | undefined;

  constructor(private readonly processors: readonly BlockProcessor[]) {}

  setState(state: string): void {
    this.states.push(state);
  }
  resetState(): void {
    this.states.pop();
  }
  /**
   * `search(block, 0)`: the first line start at or after `from` where a line-local search
   * matches, or -1. For a known suffix of an earlier block, an earlier scan of the same source is
   * reused when it still answers (it found nothing, or a match at or after this suffix's start).
   */
  lineSearch(key: string, block: string, search: (text: string, from: number) => number): number {
    const s = this.suffix;
    if (!s || s.block !== block) return search(block, 0);
    const scan = s.scans.get(key);
    let found: number;
    if (scan && scan.from <= s.offset && (scan.found === -1 || scan.found >= s.offset)) found = scan.found;
    else {
      found = search(s.source, s.offset);
      s.scans.set(key, { from: s.offset, found });
    }
    return found === -1 ? -1 : found - s.offset;
  }

  isState(state: string): boolean {
    return this.states.length > 0 && this.states[this.states.length - 1] === state;
  }

  /** Whether `parseBlocks` parses here, rather than keeping the rest as text (MAX_BLOCK_DEPTH). */
  get canNest(): boolean {
    return this.depth < MAX_BLOCK_DEPTH;
  }

  parseChunk(parent: Element, text: string): void {
    this.parseBlocks(parent, new Blocks(text.split('\n\n')));
  }

  parseBlocks(parent: Element, blocks: Blocks): void {
    if (this.depth >= MAX_BLOCK_DEPTH) {
      // Python-Markdown itself dies of its recursion limit this deep (report.py html fails); we
      // keep the rest as the text of one paragraph rather than overflow the stack.
      const rest: string[] = [];
      while (blocks.length) rest.push(blocks.shift());
      subElement(parent, 'p').text = rest.join('\n\n');
      return;
    }
    this.depth++;
    try {
      this.parseBlocksHere(parent, blocks);
    } finally {
      this.depth--;
    }
  }

  private parseBlocksHere(parent: Element, blocks: Blocks): void {
    while (blocks.length) {
      for (const processor of this.processors) {
        this.suffix = blocks.firstSuffix();
        if (processor.test(this, parent, blocks.first())) {
          if (processor.run(this, parent, blocks) !== false) break;
        }
      }
    }
  }
}

/** Removes one indent level from the front of each line until an unindented, non-blank line. */
export function detab(text: string, length = TAB_LENGTH): [string, string] {
  const lines = text.split('\n');
  const kept: string[] = [];
  const indent = ' '.repeat(length);
  for (const line of lines) {
    if (line.startsWith(indent)) kept.push(line.slice(length));
    else if (pyStrip(line) === '') kept.push('');
    else break;
  }
  return [kept.join('\n'), lines.slice(kept.length).join('\n')];
}


/** Removes `level` indents from every line that has them. */
export function looseDetab(text: string, level = 1): string {
  const indent = ' '.repeat(TAB_LENGTH * level);
  return text
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}
