#!/usr/bin/env node
/**
 * Dev-only differential test of the graded-page renderer against the real Python-Markdown.
 * Not part of `npm test`: it needs Debian's python3-markdown (3.4.1) at /usr/bin/python3.
 *
 *   node scripts/dev/compare-graded.mjs [count] [seed]
 *
 * Generates random report-like and hostile Markdown snippets, renders each with
 * `markdown.markdown()` and with `markdownToHtml`, and prints the smallest differing inputs.
 */
import { spawnSync } from 'node:child_process';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { markdownToHtml } = await jiti.import('../../src/core/graded/index.ts');

const count = Number(process.argv[2] ?? 2000);
let seed = Number(process.argv[3] ?? 1) >>> 0;
/** mulberry32: small, seedable, good enough to spread the cases. */
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];

const FRAGMENTS = [
  '- item', '* item', '+ item', '1. one', '2. two', '10. ten', '1) paren', '  - two-space', '    - four-space',
  '        - eight', '    code line', '\tcode tab', '# Heading', '## Heading ##', '#NoSpace', '###### six', '####### seven',
  'Title', '=====', '-----', '---', '***', '___', '- - -', '* * *', '> quote', '>quote', '> > nested', '>',
  '[id]: http://example.com "Title"', '[^1]: footnote text', '[x]: <http://a.b>', 'text with [link](http://a.b)',
  '![img](figures/a.png)', '![alt [x]](figures/b c.png "T")', '[ref][id]', '[id]', '[id][]', 'see [^1] here',
  '`code`', '``co`de``', '```python', '```', '~~~', 'a *em* b', '**strong**', '***both***', '_em_', '__strong__',
  'snake_case_name', '__init__.py', '*a **b** c*', '2 * 3 * 4', 'a_b_c', '*', '_', '<div>', '</div>', '<div align="center">',
  '<p align="center">', '</p>', '<img src="figures/a.png" width="300">', '<br>', '<br/>', 'line  ', 'trail\\',
  '<details>', '<summary>More</summary>', '</details>', '<!-- comment -->', '<!--', '-->', '<span>x</span>',
  '<https://github.com/a/b>', '<me@example.com>', 'https://bare.url/x', 'a & b', '&amp; &copy; &#123; &#x41;', '&#xzz;',
  '\\*not em\\*', '\\_', '\\\\', '\\`', '| a | b |', '| --- | --- |', '~~strike~~', '- [x] done', '- [ ] todo',
  '<hr>', '<hr/>', '<table>', '<tr><td>1</td></tr>', '</table>', '<?php echo 1; ?>', '<!DOCTYPE html>', '<script>',
  '</script>', 'x < y > z', '<a href="x_y">t</a>', '<a href="x\\_y">t</a>', 'α *β* γ', 'emoji 😀 *x*', 'é_x_', '',
  '', '', '', '   ', 'plain words here', 'Answer:', '### Question 1', '> **Prompt?**', '--- question 3 fill here ---',
];
const SOUP = '*_[]()`<>!#-+.:\\&"\' \n\tabc1/=';

function snippet() {
  if (rand() < 0.15) {
    let s = '';
    const len = Math.floor(rand() * 40);
    for (let i = 0; i < len; i++) s += SOUP[Math.floor(rand() * SOUP.length)];
    return s;
  }
  const lines = [];
  const n = 1 + Math.floor(rand() * 8);
  for (let i = 0; i < n; i++) {
    let line = pick(FRAGMENTS);
    if (rand() < 0.3) line = `${line} ${pick(FRAGMENTS)}`;
    if (rand() < 0.1) line = `${' '.repeat(Math.floor(rand() * 9))}${line}`;
    lines.push(line);
  }
  return lines.join(rand() < 0.2 ? '\n\n' : '\n');
}

/** Python-Markdown hangs on some hostile inputs: each gets two seconds, then counts as skipped. */
const PYTHON = `
import json, signal, sys, markdown
def timeout(*_): raise TimeoutError()
signal.signal(signal.SIGALRM, timeout)
out = []
for t in json.load(sys.stdin):
    signal.alarm(2)
    try: out.append(markdown.markdown(t))
    except Exception: out.append(None)
    signal.alarm(0)
print(json.dumps(out))
`;

const inputs = Array.from({ length: count }, snippet);
const py = spawnSync(
  '/usr/bin/python3',
  ['-c', PYTHON],
  { input: JSON.stringify(inputs), maxBuffer: 1 << 28, encoding: 'utf8' },
);
if (py.status !== 0) throw new Error(py.stderr);
const expected = JSON.parse(py.stdout);

const failures = [];
let skipped = 0;
inputs.forEach((input, i) => {
  if (expected[i] === null) {
    skipped++;
    return;
  }
  let got;
  try {
    got = markdownToHtml(input);
  } catch (e) {
    got = `THREW ${e}`;
  }
  if (got !== expected[i]) failures.push({ input, got, want: expected[i] });
});
failures.sort((a, b) => a.input.length - b.input.length);
for (const f of failures.slice(0, Number(process.env.SHOW ?? 8))) {
  console.log('input:', JSON.stringify(f.input));
  console.log('  py :', JSON.stringify(f.want));
  console.log('  ts :', JSON.stringify(f.got));
}
console.log(`${count - skipped - failures.length}/${count - skipped} equal (${skipped} skipped: Python-Markdown hung)`);
