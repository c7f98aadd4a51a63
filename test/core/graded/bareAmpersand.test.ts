/**
 * The serializer escapes a `&` unless an entity follows, tested as Python-Markdown does with
 * `[0-9a-z]+;` under re.I, which in Python also takes İ (U+0130), ı (U+0131), ſ (U+017F) and
 * the Kelvin sign (U+212A): their case maps onto ASCII letters. Expected HTML is what Debian's
 * Python-Markdown 3.4.1 returned for each input (`markdown.markdown(text)`).
 */
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../../src/core';

const PYTHON: [string, string][] = [
  ["&\u0130;", "<p>&\u0130;</p>"],
  ["&\u0131; &\u017f; &\u212a; &K\u212a1; &\u00e9;", "<p>&\u0131; &\u017f; &\u212a; &K\u212a1; &amp;\u00e9;</p>"],
  ["<a href=\"&\u0130;\">x</a>", "<p><a href=\"&\u0130;\">x</a></p>"],
  ["[a](&\u0131;)", "<p><a href=\"&\u0131;\">a</a></p>"],
];

describe('a & before a name with non-ASCII letters, as Python-Markdown 3.4.1 writes it', () => {
  for (const [input, output] of PYTHON) {
    it(JSON.stringify(input), () => expect(markdownToHtml(input)).toBe(output));
  }
});
