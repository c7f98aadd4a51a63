/**
 * The serializer escapes a `&` unless an entity follows, tested as Python-Markdown does with
 * `[0-9a-z]+;` under re.I, which in Python also takes İ (U+0130), ı (U+0131), ſ (U+017F) and
 * the Kelvin sign (U+212A): their case maps onto ASCII letters. Expected HTML is what Debian's
 * Python-Markdown 3.4.1 returned for each input (`markdown.markdown(text)`).
 */
import { rendersAsPython } from './pythonCases';

const PYTHON: [string, string][] = [
  ["&\u0130;", "<p>&\u0130;</p>"],
  ["&\u0131; &\u017f; &\u212a; &K\u212a1; &\u00e9;", "<p>&\u0131; &\u017f; &\u212a; &K\u212a1; &amp;\u00e9;</p>"],
  ["<a href=\"&\u0130;\">x</a>", "<p><a href=\"&\u0130;\">x</a></p>"],
  ["[a](&\u0131;)", "<p><a href=\"&\u0131;\">a</a></p>"],
];

rendersAsPython('a & before a name with non-ASCII letters, as Python-Markdown 3.4.1 writes it', PYTHON);
