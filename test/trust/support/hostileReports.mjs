/**
 * Hostile reports: a real template (or, without the corpus, the synthetic one of
 * test/support/reportBuilder.ts) with a pathological payload pasted into an answer or outside
 * every answer, sized to a target byte count. Each class is something that made a command hang
 * or eat memory (issue #13), or one of CommonMark's own pathological inputs (the cases markdown
 * parsers are known to go quadratic on). Payloads are ASCII, so characters = bytes.
 */
// Plain JavaScript (typed by hostileReports.d.mts) so that `node bench/run.mjs hostile` can use it
// as well as the tests.

/** `unit` repeated to fill `bytes`, cut at a whole unit. */
function repeat(unit, bytes) {
  return unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
}

/** Lines made by `line(i)` until `bytes` is reached. */
function lines(bytes, line) {
  const out = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const next = line(i);
    if (size + next.length + 1 > bytes && i > 0) break;
    out.push(next);
    size += next.length + 1;
  }
  return out.join('\n');
}

/** Half openers, half closers: `[[[…a…]]]`. */
function nested(open, inner, close, bytes) {
  const depth = Math.max(1, Math.floor((bytes - inner.length) / (open.length + close.length)));
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** @type {readonly import('./hostileReports.d.mts').HostileClass[]} */
export const HOSTILE_CLASSES = [
  // The course checker's image pattern, cubic as a backtracking regex.
  { name: 'image-openers', what: 'one line of `![a](`', payload: (b) => repeat('![a](', b) },
  { name: 'image-brackets', what: 'one line of `![[]()`', payload: (b) => repeat('![[]()', b) },
  {
    name: 'image-links',
    what: 'tens of thousands of image links, one per line and several per line',
    payload: (b) =>
      lines(b, (i) =>
        i % 2 === 0 ? `![figure ${i}](figures/fig-${i}.png)` : `![a](figures/a${i}.png) ![b](figures/b${i}.jpg)`,
      ),
  },
  // Long runs of one markdown character.
  { name: 'run-stars', what: 'one line of `*`', payload: (b) => repeat('*', b) },
  { name: 'run-underscores', what: 'one line of `_`', payload: (b) => repeat('_', b) },
  { name: 'run-brackets', what: 'one line of `[`', payload: (b) => repeat('[', b) },
  { name: 'run-backticks', what: 'one line of backticks', payload: (b) => repeat('`', b) },
  { name: 'run-quote-markers', what: 'one line of `>`', payload: (b) => repeat('>', b) },
  {
    name: 'backtick-ladder',
    what: 'code-span openers of every length: e`e``e```…',
    payload: (b) => {
      let out = '';
      for (let i = 1; out.length + i + 1 <= b; i++) out += `e${'`'.repeat(i)}`;
      return out;
    },
  },
  // Emphasis and link delimiters that never pair up (CommonMark's pathological tests).
  { name: 'emphasis-openers', what: '`_a ` repeated', payload: (b) => repeat('_a ', b) },
  { name: 'emphasis-mismatched', what: '`*a_ ` repeated', payload: (b) => repeat('*a_ ', b) },
  {
    name: 'emphasis-nested',
    what: '`*a **a ` … `b` … ` a** a*`',
    payload: (b) => nested('*a **a ', 'b', ' a** a*', b),
  },
  { name: 'link-openers', what: '`[a` repeated', payload: (b) => repeat('[a', b) },
  { name: 'link-closers', what: '`a]` repeated', payload: (b) => repeat('a]', b) },
  { name: 'unclosed-links', what: '`[a](b` and `[a](<b` repeated', payload: (b) => repeat('[a](b[a](<b', b) },
  { name: 'bracket-parens', what: '`[ (](` repeated', payload: (b) => repeat('[ (](', b) },
  { name: 'unclosed-comments', what: '`</` then `<!--` repeated', payload: (b) => `</${repeat('<!--', b - 2)}` },
  // Deep nesting.
  { name: 'nested-brackets', what: '`[[[…a…]]]`', payload: (b) => nested('[', 'a', ']', b) },
  { name: 'nested-links', what: '`[[[…a](u)](u)…`', payload: (b) => nested('[', 'a', '](u)', b) },
  { name: 'nested-quotes', what: '`> > > … a` on one line', payload: (b) => `${repeat('> ', b - 1)}a` },
  { name: 'nested-lists', what: '`- - - … a` on one line', payload: (b) => `${repeat('- ', b - 1)}a` },
  {
    name: 'indented-lists',
    what: 'lists indented one more step per line, over and over',
    payload: (b) => lines(b, (i) => `${'  '.repeat(i % 1000)}* a`),
  },
  { name: 'nested-html', what: '`<div>` nested a million deep', payload: (b) => nested('<div>', 'a', '</div>', b) },
  // Tens of thousands of things the analyses count or index.
  {
    name: 'reference-definitions',
    what: 'reference definitions and their uses',
    payload: (b) => lines(b, (i) => (i % 2 === 0 ? `[ref ${i}]: https://example.com/${i} "t"` : `[x][ref ${i - 1}] ![i][ref ${i - 1}]`)),
  },
  {
    name: 'footnotes',
    what: 'footnote definitions and references',
    payload: (b) => lines(b, (i) => (i % 2 === 0 ? `[^${i}]: note ${i}` : `text[^${i - 1}] and [^${i + 1}]`)),
  },
  { name: 'answer-markers', what: '`> Answer:` lines', payload: (b) => lines(b, () => '> Answer:\n') },
  {
    name: 'question-headings',
    what: '`### Question N` headings, real and unknown numbers',
    payload: (b) => lines(b, (i) => `### Question ${(i % 62) + 1}\n`),
  },
  {
    name: 'table-rows',
    what: 'a GitHub table of thousands of rows and columns',
    payload: (b) => lines(b, (i) => (i === 1 ? '|-'.repeat(200) : '| a '.repeat(200))),
  },
];

const PLACEHOLDER = '--- question 14 fill here ---';
const PREAMBLE_ANCHOR = '## Overall project checklist';

/**
 * A report of about `bytes` bytes: `template` (a blank template holding question 14's placeholder)
 * with `cls`'s payload inside question 14's answer, or in the preamble, outside every answer.
 */
export function hostileReport(cls, bytes, placement, template) {
  return reportWith(cls.payload(Math.max(16, bytes - Buffer.byteLength(template))), placement, template);
}

/** `template` with `payload` placed as asked (used for mixes of several classes too). */
export function reportWith(payload, placement, template) {
  if (!template.includes(`\n${PLACEHOLDER}\n`)) throw new Error('the template has no placeholder for question 14');
  if (placement === 'answer') return template.replace(`\n${PLACEHOLDER}\n`, () => `\n${payload}\n`);
  return template.replace(`\n${PREAMBLE_ANCHOR}\n`, () => `\n${payload}\n\n${PREAMBLE_ANCHOR}\n`);
}

export function hostileClass(name) {
  const found = HOSTILE_CLASSES.find((c) => c.name === name);
  if (!found) throw new Error(`no hostile class "${name}"`);
  return found;
}
