/**
 * `<![…]>` at the start of a block. Debian's Python-Markdown 3.4.1 (with the fix for its #1534)
 * reads it as a marked section only when it is `<![CDATA[`, which runs to the first `]]>` (spaces
 * allowed between); anything else, such as Word's conditional comments `<![if !supportLists]>`
 * and `<![endif]>`, is a bogus comment: text, escaped in its paragraph. Expected HTML is what
 * Debian's Python-Markdown 3.4.1 returned for each input (`markdown.markdown(text)`).
 */
import { rendersAsPython } from './pythonCases';

const PYTHON: [string, string][] = [
  ["<![CDATA[ x ]]>", "<![CDATA[ x ]]>"],
  ["<![endif]>", "<p>&lt;![endif]&gt;</p>"],
  ["<![if !supportLists]>", "<p>&lt;![if !supportLists]&gt;</p>"],
  ["<![if !supportLists]><span>1.</span><![endif]>", "<p>&lt;![if !supportLists]&gt;<span>1.</span>&lt;![endif]&gt;</p>"],
  ["<![CDATA[ a ] ] > b ]]> c", "<![CDATA[ a ]]>\n<p>b ]]&gt; c</p>"],
  ["<![CDATA[ x", "<p>&lt;![CDATA[ x</p>"],
  ["<![endif", "<p>&lt;![endif</p>"],
  ["a\n<![endif]>", "<p>a\n&lt;![endif]&gt;</p>"],
  ["x <![CDATA[ y ]]> z", "<p>x &lt;![CDATA[ y ]]&gt; z</p>"],
  ["<![cdata[ x ]]>", "<p>&lt;![cdata[ x ]]&gt;</p>"],
  ["<!-- a --><![endif]>", "<!-- a -->\n<![endif]>"],
  ["<div>\n<![CDATA[ x ]]>\n</div>", "<div>\n<![CDATA[ x ]]>\n</div>"],
  ["<![CDATA[x]]><![endif]>b", "<![CDATA[x]]>\n<p>b</p>\n<![endif]>"],
  ["<![ x >", "<p>&lt;![ x &gt;</p>"],
  ["<![endif]>\n\n<![CDATA[\n\nfoo\n]]>", "<p>&lt;![endif]&gt;</p>\n<![CDATA[\n\nfoo\n]]>"],
];

rendersAsPython('CDATA sections and conditional comments, as Python-Markdown 3.4.1 reads them', PYTHON);
