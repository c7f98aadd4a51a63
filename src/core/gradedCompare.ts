/**
 * Where the graded page differs from GitHub, found by comparing the two real renderings of one
 * answer: the preview's GitHub-style HTML (remark/GFM, with source positions) and the graded page's
 * HTML (`renderGradedAnswer`, Python-Markdown without extensions). Both are reduced to their
 * text-bearing blocks in order — paragraph, heading, code block, list item (with its nesting
 * depth), table cell — and each GitHub block is matched to the first graded block, from where the
 * last match was, that holds its text. A block whose kind or depth differs is a difference: a
 * fenced block that became a paragraph, a list run into the paragraph above, a table left as
 * pipes, a list nested less deeply, a heading lost or one only the graded page makes, text that
 * becomes a code block; a footnote reference GitHub links is one too. Each comes with a fix where
 * an edit gives the graded page what the student meant.
 *
 * Inline differences (strikethrough, task boxes, bare URLs) leave the block structure alone; the
 * remark-based finder (`gradedPage.ts`) names those.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fencedMessage } from './gradedPageMessages';
import type { GradedPageDifferenceKind, MarkdownDifference, MarkdownFix } from './gradedPageTypes';
import { renderGradedAnswer } from './graded';
import { gradedHtmlToHast } from './render/gradedHast';
import { renderMarkdownToHast } from './render/pipeline';

type BlockKind = 'p' | 'h' | 'pre' | 'li' | 'cell';

interface Block {
  readonly kind: BlockKind;
  /** How many lists hold it. */
  readonly depth: number;
  /** Its text, whitespace collapsed. */
  readonly text: string;
  /** Its text without the characters one rendering may show as markdown syntax and the other not. */
  readonly key: string;
  /** The key of its first line (a block the other rendering split is found by it). */
  readonly firstKey: string;
  /** 1-based source line (GitHub side only). */
  readonly line: number | null;
  /** The line of the list or table it belongs to (GitHub side), so one list is one finding. */
  readonly groupLine: number | null;
  /** The line of the outermost list holding it (GitHub side). */
  readonly rootLine: number | null;
  readonly endLine: number | null;
}

const BLOCK_OF: Readonly<Record<string, BlockKind>> = {
  p: 'p', h1: 'h', h2: 'h', h3: 'h', h4: 'h', h5: 'h', h6: 'h', pre: 'pre', li: 'li', td: 'cell', th: 'cell',
};
const CONTAINERS = new Set(['ul', 'ol', 'table', 'blockquote', 'div', 'thead', 'tbody', 'tr', 'details', 'section']);

function textOf(node: ElementContent, skipBlocks: boolean): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (skipBlocks && (BLOCK_OF[node.tagName] || CONTAINERS.has(node.tagName))) return ' ';
  return node.children.map((c) => textOf(c, false)).join('');
}

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
const keyOf = (text: string) => normal(text.replace(/[#`|*_~[\]^>=:-]/g, ' '));

/** The text-bearing blocks of a rendering, in document order. */
function blocksOf(root: Root): Block[] {
  const out: Block[] = [];
  const visit = (node: Root | Element, depth: number, groupLine: number | null, rootLine: number | null) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'section' && 'dataFootnotes' in child.properties) continue; // GitHub's footnote list
      const kind = BLOCK_OF[child.tagName];
      const isList = child.tagName === 'ul' || child.tagName === 'ol';
      const line = child.position?.start.line ?? null;
      const group = isList || child.tagName === 'table' ? (groupLine ?? line) : groupLine;
      const root = isList && rootLine === null ? line : rootLine;
      if (kind) {
        const own = kind === 'li' ? child.children.map((c) => textOf(c, true)).join('') : textOf(child, false);
        const text = normal(own);
        const key = keyOf(own);
        const firstKey = keyOf(own.trim().split('\n')[0] ?? '');
        if (key !== '')
          out.push({ kind, depth, text, key, firstKey, line, groupLine: group, rootLine: root, endLine: child.position?.end.line ?? null });
      }
      if (kind !== 'p' && kind !== 'h' && kind !== 'pre')
        visit(child, depth + (isList ? 1 : 0), isList && depth > 0 ? line : group, root);
    }
  };
  visit(root, 0, null, null);
  return out;
}

/** Footnote references GitHub links (`[^1]`), with their lines. */
function footnoteLines(root: Root): number[] {
  const lines: number[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'a' && 'dataFootnoteRef' in child.properties && child.position) lines.push(child.position.start.line);
      else visit(child);
    }
  };
  visit(root);
  return lines;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/** Offsets of line starts, and the line ending the text uses. */
function linesOf(markdown: string) {
  const starts = [0];
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown.charCodeAt(i);
    if (c === 10 || (c === 13 && markdown.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  const lines = markdown.split(/\r\n|\r|\n/);
  const eol = /\r\n/.test(markdown) ? '\r\n' : /\r/.test(markdown) ? '\r' : '\n';
  return { starts, lines, eol };
}

/** Fenced block (lines `open`..`close`, 1-based) → the same code indented by 4 spaces. */
function indentFix(markdown: string, open: number, close: number): MarkdownFix | null {
  const { starts, lines, eol } = linesOf(markdown);
  if (close <= open || close > lines.length || !FENCE.test(lines[close - 1] ?? '') || !FENCE.test(lines[open - 1])) return null;
  const start = starts[open - 1];
  const end = starts[close - 1] + lines[close - 1].length;
  const code = lines.slice(open, close - 1).map((l) => (l.trim() === '' ? '' : `    ${l}`));
  const before = open > 1 && lines[open - 2].trim() !== '' ? eol : '';
  return {
    label: 'Indent the code by 4 spaces',
    edits: [{ start, end, expect: markdown.slice(start, end), text: before + code.join(eol) }],
  };
}

/** A blank line before line `line`. */
function blankLineFix(markdown: string, line: number): MarkdownFix {
  const { starts, eol } = linesOf(markdown);
  const at = starts[line - 1];
  return { label: 'Add a blank line before the list', edits: [{ start: at, end: at, expect: '', text: eol }] };
}

interface Found {
  readonly kind: GradedPageDifferenceKind;
  readonly line: number;
  readonly message: string;
  readonly fixes?: readonly MarkdownFix[];
}

const MESSAGES = {
  table:
    'Tables are not rendered on the graded page: the rows show as plain text with every | and --- as typed, run into one paragraph. Use a list or a 4-space-indented code block instead.',
  listLost:
    'This list is not a list on the graded page: its items run on as plain text inside the paragraph above. Put a blank line before the list.',
  nested:
    'This nested list is nested less deeply on the graded page, which nests a list only by 4 spaces per level. Indent it by 4 spaces more per level.',
  codeLost: 'This code block is not code on the graded page: its lines run into a paragraph. Indent every code line by 4 spaces (with a blank line before it).',
  headingLost: 'This heading is not a heading on the graded page: it shows as plain text.',
  headingAdded:
    'This line is a heading on the graded page (a # at the start of a line is enough there), though GitHub shows it as text. Write "\\#" to keep the # as text, or "# " for a heading on both.',
  becomesCode:
    'This text is a code block on the graded page: it is indented by 4 spaces or more (inside a list, count from the item\'s text). Indent it less, or mean it as code.',
  footnote:
    'Footnotes are not rendered on the graded page: this [^…] reference shows as a link or as typed, and the note itself stays where it was written. Write the note in the text, in parentheses.',
} as const;

/**
 * The block-level differences between the GitHub rendering and the graded rendering of one answer
 * (lines 1-based within `markdown`), each with its fixes where an edit helps.
 */
export function compareRenderings(markdown: string): MarkdownDifference[] {
  const github = renderMarkdownToHast(markdown);
  const graded = gradedHtmlToHast(renderGradedAnswer(markdown));
  if (graded.refused) return [];
  const ours = blocksOf(github);
  const theirs = blocksOf(graded.tree);
  const lines = markdown.split(/\r\n|\r|\n/);
  const found = new Map<string, Found>();
  const add = (f: Found) => {
    const key = `${f.kind}:${f.line}`;
    if (!found.has(key)) found.set(key, f);
  };
  /** Lists the graded page shows as text: what is nested in them is not a further finding. */
  const lostLists = new Set<number>();
  /** Graded blocks that lost lists run into: lists after the first in one such paragraph are not further findings. */
  const lostInto = new Set<number>();
  let cursor = 0;
  for (const block of ours) {
    if (block.line === null) continue;
    let at = -1;
    for (const wanted of [block.key, block.firstKey]) {
      for (let j = cursor; j < theirs.length && at === -1; j++) if (theirs[j].key.includes(wanted)) at = j;
      if (at !== -1 || wanted === '') break;
    }
    if (at === -1) continue;
    cursor = at;
    const other = theirs[at];
    const line = block.line;
    if (block.kind === 'pre' && other.kind === 'pre' && FENCE.test(lines[line - 1] ?? '') && /```|~~~/.test(other.text)) {
      // An indented fence: code on both, but the graded page shows the ``` lines inside it.
      add({ kind: 'fenced-code', line, message: fencedMessage(lines[line - 1], other.text) });
    } else if (block.kind === 'pre' && other.kind !== 'pre') {
      const source = lines[line - 1] ?? '';
      if (FENCE.test(source)) {
        const fix = block.endLine === null ? null : indentFix(markdown, line, block.endLine);
        const code = lines.slice(line, (block.endLine ?? line + 1) - 1).join('\n');
        add({ kind: 'fenced-code', line, message: fencedMessage(source, code), fixes: fix ? [fix] : [] });
      } else add({ kind: 'code-block-lost', line, message: MESSAGES.codeLost });
    } else if (block.kind === 'cell' && other.kind !== 'cell') {
      add({ kind: 'table', line: block.groupLine ?? line, message: MESSAGES.table });
    } else if (block.kind === 'li' && other.kind !== 'li') {
      const listLine = block.groupLine ?? line;
      if (block.rootLine !== null && block.rootLine !== listLine && lostLists.has(block.rootLine)) continue;
      lostLists.add(listLine);
      if (lostInto.has(at) && !found.has(`list-needs-blank-line:${listLine}`)) continue;
      lostInto.add(at);
      const glued = listLine > 1 && (lines[listLine - 2] ?? '').trim() !== '';
      add({
        kind: 'list-needs-blank-line',
        line: listLine,
        message: MESSAGES.listLost,
        fixes: glued && block.depth === 1 ? [blankLineFix(markdown, listLine)] : [],
      });
    } else if (block.kind === 'li' && other.kind === 'li' && other.depth < block.depth) {
      add({ kind: 'nested-list-indent', line: block.groupLine ?? line, message: MESSAGES.nested });
    } else if (block.kind === 'h' && other.kind !== 'h') {
      add({ kind: 'heading-lost', line, message: MESSAGES.headingLost });
    } else if (block.kind !== 'h' && other.kind === 'h' && other.key === block.key) {
      add({ kind: 'heading-only-graded', line, message: MESSAGES.headingAdded });
    } else if (block.kind !== 'pre' && other.kind === 'pre' && other.key === block.key) {
      add({ kind: 'becomes-code', line, message: MESSAGES.becomesCode });
    }
  }
  for (const line of footnoteLines(github)) add({ kind: 'footnote', line, message: MESSAGES.footnote });
  return [...found.values()].sort((a, b) => a.line - b.line).map((f) => ({ ...f, fixes: f.fixes ?? [] }));
}
