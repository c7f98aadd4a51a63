/** Backslash escapes of Markdown's special characters; any other backslash stays. */
import { ESCAPED_CHARS, ETX, STX } from '../markers';
import type { InlinePattern } from './pattern';

export const escape: InlinePattern = {
  name: 'escape',
  triggers: ['\\'],
  earlierStaysUnmatched: true,
  find(_ctx, data, from) {
    for (let i = data.indexOf('\\', from); i !== -1 && i + 1 < data.length; i = data.indexOf('\\', i + 1)) {
      const cp = data.codePointAt(i + 1)!;
      const ch = String.fromCodePoint(cp);
      const end = i + 1 + ch.length;
      if (ESCAPED_CHARS.has(ch)) return { start: i, end, node: `${STX}${cp}${ETX}` };
      return { start: i, end, node: null };
    }
    return null;
  },
};
