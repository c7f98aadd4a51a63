/**
 * Python-Markdown writes attribute values with its own `_escape_attrib_html`, which escapes `&`,
 * `<`, `>` and `"` but leaves a newline as it is (ElementTree's `_escape_attrib` would write
 * `&#10;`). A lone `\r` or `\r\n` is a newline by then. Expected HTML is what Debian's
 * Python-Markdown 3.4.1 returned for each input (`markdown.markdown(text)`).
 */
import { rendersAsPython } from './pythonCases';

const PYTHON: [string, string][] = [
  ['![a\nb](c)', '<p><img alt="a\nb" src="c" /></p>'],
  ['[a](b\nc)', '<p><a href="b\nc">a</a></p>'],
  ['![a\rb](c)', '<p><img alt="a\nb" src="c" /></p>'],
  ['[a](b\rc)', '<p><a href="b\nc">a</a></p>'],
  ['[a](b\r\nc)', '<p><a href="b\nc">a</a></p>'],
  ['![a\nb][r]\n\n[r]: u', '<p><img alt="a\nb" src="u" /></p>'],
  // A title's whitespace becomes spaces before it is written.
  ['![a\r\nb](c "t\ru")', '<p><img alt="a\nb" src="c" title="t u" /></p>'],
];

rendersAsPython('a newline inside an attribute value, as Python-Markdown 3.4.1 writes it', PYTHON);
