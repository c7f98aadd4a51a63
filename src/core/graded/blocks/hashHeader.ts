/**
 * `#` headings, found on any line of a block (`some text\n## Heading` splits the block). The
 * heading text runs to the line's end; closing `#`s are dropped unless backslash-escaped, and a
 * line ending in a lone backslash is not a heading at all.
 */
import { type BlockProcessor, Blocks as BlocksOf } from '../blockParser';
import { pyStrip } from '../pyString';
import { subElement } from '../tree';

interface HeadingMatch {
  start: number;
  end: number;
  level: number;
  text: string;
}

function matchLine(block: string, lineStart: number): HeadingMatch | null {
  let hashes = 0;
  while (hashes < 6 && block.charCodeAt(lineStart + hashes) === 35) hashes++;
  if (hashes === 0) return null;
  let lineEnd = block.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = block.length;
  const contentStart = lineStart + hashes;
  // Walk the content as escape pairs and single characters; remember where the trailing #-run may begin.
  let pos = contentStart;
  let boundaryBeforeRun = -1;
  let runStart = lineEnd;
  while (runStart > contentStart && block.charCodeAt(runStart - 1) === 35) runStart--;
  while (pos < lineEnd) {
    if (pos >= runStart && boundaryBeforeRun === -1) boundaryBeforeRun = pos;
    if (block.charCodeAt(pos) === 92) {
      if (pos + 1 >= lineEnd) return null;
      pos += 2;
    } else pos++;
  }
  const headerEnd = boundaryBeforeRun === -1 ? lineEnd : boundaryBeforeRun;
  return {
    start: lineStart,
    end: lineEnd < block.length ? lineEnd + 1 : lineEnd,
    level: hashes,
    text: block.slice(contentStart, headerEnd),
  };
}

/** Start of the first heading line at or after the line start `from`, or -1. */
function searchFrom(block: string, from: number): number {
  let lineStart = from;
  for (;;) {
    if (block.charCodeAt(lineStart) === 35 && matchLine(block, lineStart)) return lineStart;
    const nl = block.indexOf('\n', lineStart);
    if (nl === -1) return -1;
    lineStart = nl + 1;
  }
}

export const hashHeader: BlockProcessor = {
  test: (parser, _parent, block) => parser.lineSearch('hashHeader', block, searchFrom) !== -1,
  run(parser, parent, blocks) {
    const block = blocks.first();
    const m = matchLine(block, parser.lineSearch('hashHeader', block, searchFrom))!;
    blocks.shift();
    const before = block.slice(0, m.start === 0 ? 0 : m.start - 1);
    const after = block.slice(m.end);
    if (before) parser.parseBlocks(parent, new BlocksOf([before]));
    const h = subElement(parent, `h${m.level}`);
    h.text = pyStrip(m.text);
    if (after) blocks.unshift(after);
  },
};
