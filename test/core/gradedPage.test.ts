/**
 * The graded page is Python-Markdown without extensions. Each finding kind is asserted against a
 * real report whose graded HTML (rendered by the course's own `report.py html`) proves the
 * difference; strikethrough and task lists, which no real answer uses, are proved on the
 * template's own checklist or only synthetically.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findGradedPageDifferences,
  findGradedPageDifferencesInMarkdown,
  type GradedPageDifference,
} from '../../src/core/gradedPage';
import { corpusAvailable, corpusFiles, corpusReports, type CorpusFile } from '../support/corpus';
import { buildReport } from '../support/reportBuilder';

const reports = new Map(corpusReports().map((f) => [f.name, f]));
const graded = (file: CorpusFile) => readFileSync(file.expectedHtmlPath, 'utf8');
const lineOf = (file: CorpusFile, line: number) => file.text.split(/\r\n|\r|\n/)[line - 1];
const findingAt = (file: CorpusFile, line: number): GradedPageDifference | undefined =>
  findGradedPageDifferences(file.text).find((d) => d.line === line);

describe('graded-page differences in real reports, proved by the course’s HTML', () => {
  it.skipIf(!corpusAvailable)('blank templates have none', () => {
    const templates = corpusFiles().filter((f) => f.kind === 'template');
    expect(templates.length).toBeGreaterThan(0);
    for (const t of templates) expect(findGradedPageDifferences(t.text), t.name).toEqual([]);
  });

  it.skipIf(!corpusAvailable)('fenced code: inline code run into a paragraph', () => {
    const file = reports.get('real-001')!;
    expect(lineOf(file, 468)).toBe('```bash');
    expect(findingAt(file, 468)).toMatchObject({ kind: 'fenced-code', question: 22 });
    expect(findingAt(file, 468)?.message).toMatch(/inline code run into one paragraph.*indent every code line by 4 spaces/i);
    expect(graded(file)).toContain("<p><code>bash\ncurl -X 'POST' \\\n");
  });

  it.skipIf(!corpusAvailable)('fenced code with # comment lines: they become headings', () => {
    const file = reports.get('real-010')!;
    expect(lineOf(file, 411)).toBe('```sh');
    expect(findingAt(file, 411)?.message).toMatch(/lines starting with # become headings/);
    expect(graded(file)).toContain('```sh</p>\n<h1>train-model image</h1>');
  });

  it.skipIf(!corpusAvailable)('a list right after a paragraph line: literal text in the paragraph', () => {
    const file = reports.get('real-001')!;
    expect(lineOf(file, 165)).toMatch(/^\* Data: /);
    expect(findingAt(file, 165)).toMatchObject({ kind: 'list-needs-blank-line', question: 5 });
    expect(findingAt(file, 165)?.message).toMatch(/Put a blank line before the list/);
    expect(graded(file)).toContain('<p>The following folders were utilised from the cookiecutter template:\n* Data: ');
    // The 6-space "nested" items inside that literal list are not reported again.
    expect(findGradedPageDifferences(file.text).filter((d) => d.line > 165 && d.line < 171)).toEqual([]);
  });

  it.skipIf(!corpusAvailable)('a 2-space nested list: flattened into the outer list', () => {
    const file = reports.get('real-037')!;
    expect(lineOf(file, 204)).toMatch(/^ {2}- `data\.py`/);
    expect(findingAt(file, 204)).toMatchObject({ kind: 'nested-list-indent' });
    expect(findingAt(file, 204)?.message).toMatch(/indented by 2 spaces.*items of the outer list.*Indent it by 4 spaces/);
    expect(graded(file)).toContain('<li><strong><code>src/</code></strong>: Main source code:</li>\n<li><code>data.py</code>');
  });

  it.skipIf(!corpusAvailable)('4-space nested lists nest on the graded page and are not reported', () => {
    const file = reports.get('seed-002_a3107fbf0a65d111')!;
    expect(lineOf(file, 277)).toMatch(/^ {4}- On push/);
    expect(findGradedPageDifferences(file.text).filter((d) => d.kind === 'nested-list-indent')).toEqual([]);
    expect(graded(file)).toContain("<li><code>gcp.yaml</code>:<ul>\n<li>On push or merge request to the 'release' branch:<ul>");
  });

  it.skipIf(!corpusAvailable)('tables: literal pipes in a paragraph', () => {
    const file = reports.get('real-019')!;
    expect(lineOf(file, 155)).toMatch(/^\| Name +\| STMTS/);
    expect(findingAt(file, 155)).toMatchObject({ kind: 'table' });
    expect(graded(file)).toContain(`\n${lineOf(file, 156)}\n`);
    expect(graded(file)).not.toContain('<table>');
  });

  it.skipIf(!corpusAvailable)('bare URLs: plain text, not links', () => {
    const file = reports.get('real-001')!;
    const url = 'https://github.com/aimas-lund/02476-mlo-awesome-2/actions/runs/3957234691/jobs/6777348964';
    expect(findingAt(file, 281)).toMatchObject({ kind: 'bare-url', question: 11 });
    expect(findingAt(file, 281)?.message).toContain(`Write it as <${url}>`);
    expect(graded(file)).toContain(`can be found at ${url}. `);
    expect(graded(file)).not.toContain(`href="${url}"`);
  });

  it.skipIf(!corpusAvailable)('task-list boxes: literal [ ] (shown on the template’s own checklist)', () => {
    const file = reports.get('real-001')!;
    const checklist = '* [ ] Create a git repository\n* [x] Make sure that all team members have write access to the github repository\n';
    expect(findGradedPageDifferencesInMarkdown(checklist)).toMatchObject([{ kind: 'task-list', line: 1 }]);
    expect(graded(file)).toContain('<li>[ ] Create a git repository</li>');
  });

  it.skipIf(!corpusAvailable)('every finding of every real report is confirmed by its graded HTML', () => {
    const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    let confirmed = 0;
    for (const file of corpusReports()) {
      const html = graded(file);
      const text = decode(html.replace(/<[^>]+>/g, '')).replace(/[ \t]+/g, ' ');
      for (const d of findGradedPageDifferences(file.text)) {
        const line = lineOf(file, d.line);
        const label = `${file.name}:${d.line} ${d.kind}`;
        if (d.kind === 'bare-url') {
          const url = /^(\S+)/.exec(d.message)![1];
          expect(text, label).toContain(url);
          expect(html, label).not.toContain(`href="${url.replace(/&/g, '&amp;')}"`);
        } else if (d.kind === 'list-needs-blank-line') {
          // The marker is still typed text at the start of a line in the graded page.
          const marker = /^\s*([*+-]|\d+[.)])\s/.exec(line)![1];
          expect(text, label).toMatch(new RegExp(`\\n ?${marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
          expect(html, label).not.toMatch(new RegExp(`<li>${line.replace(/^\s*([*+-]|\d+[.)])\s+/, '').slice(0, 12).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        } else if (d.kind === 'fenced-code') {
          // Not a code block: the first code line is not in a <pre>, and the language name
          // shows as text, right after an inline <code> or after literal backticks.
          const next = lineOf(file, d.line + 1).trim();
          if (next !== '' && !next.startsWith('#')) expect(html, label).not.toContain(`<pre><code>${next.slice(0, 20)}`);
          const info = line.trim().replace(/^(`+|~+)/, '').trim();
          if (info) expect(html, label).toMatch(new RegExp(`(<code>|\`\`\`)\\s*${info.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        } else if (d.kind === 'table') {
          expect(text, label).toContain(lineOf(file, d.line + 1).trim().replace(/[ \t]+/g, ' '));
        }
        confirmed++;
      }
    }
    expect(confirmed).toBeGreaterThan(150);
  });
});

describe('graded-page differences in synthetic answers', () => {
  const answerLines = (text: string, question: number) => {
    const lines = text.split('\n');
    return lines.indexOf(`### Question ${question}`) + 1;
  };

  it('reports each kind with the question and the file line', () => {
    const text = buildReport({
      answers: {
        4: 'We used:\n- uv\n- ruff',
        5: 'Structure:\n\n- src\n  - data.py\n- tests',
        6: '```python\nprint(1)\n```',
        7: '| a | b |\n| - | - |\n| 1 | 2 |',
        8: 'We ~~did not~~ did use it.',
        9: '- [x] tests\n- [ ] docs',
        10: 'See https://example.com/run and www.example.org and <https://ok.example/> and [x](https://ok.example/).',
      },
    });
    const found = findGradedPageDifferences(text);
    const lines = text.split('\n');
    const at = (q: number, pattern: RegExp) => {
      const from = answerLines(text, q);
      return from + lines.slice(from).findIndex((l) => pattern.test(l)) + 1;
    };
    expect(found.map((d) => [d.kind, d.question, d.line])).toEqual([
      ['list-needs-blank-line', 4, at(4, /^- uv/)],
      ['nested-list-indent', 5, at(5, /^ {2}- data\.py/)],
      ['fenced-code', 6, at(6, /^```python/)],
      ['table', 7, at(7, /^\| a/)],
      ['strikethrough', 8, at(8, /~~/)],
      ['task-list', 9, at(9, /^- \[x\]/)],
      ['bare-url', 10, at(10, /example\.com/)],
    ]);
    const byKind = new Map(found.map((d) => [d.kind, d.message]));
    expect(byKind.get('strikethrough')).toContain('"~~did not~~" shows with the tildes as typed');
    expect(byKind.get('task-list')).toContain('these 2 items show "[ ]" or "[x]" as typed');
    expect(byKind.get('bare-url')).toBe(
      'https://example.com/run (and 1 more on this line) will be plain text on the graded page, not a link: bare URLs are not linked there. Write it as <https://example.com/run> or [some text](https://example.com/run).',
    );
  });

  it('reports nothing for what the graded page renders the same way', () => {
    const same = [
      'Intro paragraph.',
      '',
      '- a list after a blank line',
      '    - nested by 4 spaces',
      '        - and by 8',
      '',
      '    indented code',
      '',
      '<https://angle.example/> [link](https://x.example/) ![fig](figures/a.png) `code` **bold**',
    ].join('\n');
    expect(findGradedPageDifferencesInMarkdown(same)).toEqual([]);
  });

  it('counts lines from the file, also with CRLF line endings and a front matter', () => {
    const text = buildReport({ generation: 27, eol: '\r\n', answers: { 3: 'Text\n~~old~~' } });
    const [d] = findGradedPageDifferences(text);
    expect(d.kind).toBe('strikethrough');
    expect(text.split('\r\n')[d.line - 1]).toBe('~~old~~');
  });

  it('flags tilde fences and deeper lists that are not indented by 4 spaces per level', () => {
    const found = findGradedPageDifferencesInMarkdown('~~~\ncode\n~~~\n\n- a\n    - b\n      - c');
    expect(found.map((d) => [d.kind, d.line])).toEqual([
      ['fenced-code', 1],
      ['nested-list-indent', 7],
    ]);
    expect(found[0].message).toMatch(/~~~ lines show as typed/);
    expect(found[1].message).toMatch(/indented by 6 spaces.*Indent it by 8 spaces/);
  });
});
