/**
 * Link reference definitions, `[id]: url "title"`, on any line of a block; the rest of the
 * block is put back. A footnote definition `[^1]: text` is one too (the footnote case).
 */
import type { BlockProcessor } from '../blockParser';
import { pyStrip, stripChars } from '../pyString';
import { PY_SPACE } from '../pyRegex';

const DEFINITION = new RegExp(
  `(?<![^\\n]) {0,3}\\[([^\\[\\]]*)\\]: *\\n? *([^${PY_SPACE}]+) *(?:\\n *)?((["'])([^\\n]*)\\4 *|\\(([^\\n]*)\\) *)?(?![^\\n])`,
);

export const reference: BlockProcessor = {
  test: () => true,
  run(parser, _parent, blocks) {
    const block = blocks.shift();
    const m = block.includes(']:') ? DEFINITION.exec(block) : null;
    if (!m) {
      blocks.unshift(block);
      return false;
    }
    const id = pyStrip(m[1]!).toLowerCase();
    const href = stripChars(stripChars(m[2]!, '<', true, false), '>', false, true);
    const title = m[5] ? m[5] : (m[6] ?? null);
    parser.references.set(id, { href, title });
    const end = m.index + m[0].length;
    const after = block.slice(end);
    const before = block.slice(0, m.index);
    if (pyStrip(after)) {
      // The rest starts on a line of this block: later line searches on it reuse this block's scans.
      const rest = stripChars(after, '\n', true, false);
      const known = parser.suffix?.block === block ? parser.suffix : undefined;
      blocks.unshift(rest, {
        block: rest,
        source: known ? known.source : block,
        offset: (known ? known.offset : 0) + block.length - rest.length,
        scans: known ? known.scans : new Map(),
      });
    }
    if (pyStrip(before)) blocks.unshift(stripChars(before, '\n', false, true));
    return true;
  },
};

