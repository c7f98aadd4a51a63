/**
 * Python-Markdown's block parser: the text is split into blocks at blank lines, and each block
 * goes to the first processor (in priority order) whose test accepts it. Processors may put text
 * back at the front of the queue, recurse into a child element, or decline.
 */
import { pyStrip } from './pyString';
import type { Element } from './tree';

/** The queue of blocks still to parse; the front is the end of the array so taking it is O(1). */
export class Blocks {
  private readonly reversed: string[];
  constructor(blocks: string[]) {
    this.reversed = blocks.reverse();
  }
  get length(): number {
    return this.reversed.length;
  }
  first(): string {
    return this.reversed[this.reversed.length - 1]!;
  }
  shift(): string {
    return this.reversed.pop()!;
  }
  unshift(block: string): void {
    this.reversed.push(block);
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

export class BlockParser {
  /** Python-Markdown's parser state stack ('list', 'looselist', 'detabbed', 'blockquote'). */
  private readonly states: string[] = [];
  readonly references = new Map<string, Reference>();
  /** How deep blockquotes nest right now (Python stops nesting near its recursion limit). */
  quoteDepth = 0;

  constructor(private readonly processors: readonly BlockProcessor[]) {}

  setState(state: string): void {
    this.states.push(state);
  }
  resetState(): void {
    this.states.pop();
  }
  isState(state: string): boolean {
    return this.states.length > 0 && this.states[this.states.length - 1] === state;
  }

  parseChunk(parent: Element, text: string): void {
    this.parseBlocks(parent, new Blocks(text.split('\n\n')));
  }

  parseBlocks(parent: Element, blocks: Blocks): void {
    while (blocks.length) {
      for (const processor of this.processors) {
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
