/**
 * Where the graded page will not look like what the student sees on GitHub or in the preview.
 *
 * The course grades the HTML of `python report.py html`: Python-Markdown with no extensions (see
 * TEMPLATE.md, "How the graded HTML is made"). Compared with GitHub's markdown it does not know
 * fenced code, tables, strikethrough, task-list boxes or bare-URL autolinks, needs a blank line
 * before a list that follows a paragraph, and nests lists only by 4 spaces per level. Every claim
 * here was checked against the course's own HTML of the real reports in the shared corpus.
 *
 * Only answers are scanned: they are what the student writes and what is graded. The template's
 * own text (its fenced examples in the preamble, the `* [ ]` checklist) renders the same way for
 * every group and is not the student's to fix, so a blank template yields no findings.
 */
import type { List, ListItem, Nodes, Parent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  bareUrlMessage,
  fencedMessage,
  indentWidth,
  listNeedsBlankLineMessage,
  nestedListIndentMessage,
  strikethroughMessage,
  TABLE_MESSAGE,
  taskListMessage,
} from './gradedPageMessages';
import type { GradedPageDifference, GradedPageDifferenceKind, MarkdownDifference } from './gradedPageTypes';
import { differencesByAnswer } from './gradedDifferences';
import { estimateBlock, type GuardReason, MAX_BLOCK_COST, MAX_DOCUMENT_COST, MAX_NESTING } from './render/renderGuard';
import { parseReport } from './parseReport';
import type { ReportDocument } from './reportModel';

export type { GradedPageDifference, GradedPageDifferenceKind, MarkdownDifference } from './gradedPageTypes';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

interface Walk {
  readonly node: Nodes;
  readonly ancestors: readonly Parent[];
}

function* walk(node: Nodes, ancestors: Parent[] = []): Generator<Walk> {
  yield { node, ancestors };
  if ('children' in node) {
    const next = [...ancestors, node as Parent];
    for (const child of node.children as Nodes[]) yield* walk(child, next);
  }
}

/**
 * True when `node` sits between a raw `<a …>` and its `</a>` in the same paragraph: GitHub links
 * the URL text as part of that anchor, and so does the graded page.
 */
function insideRawLink(parent: Parent | undefined, node: Nodes): boolean {
  if (!parent) return false;
  let open = false;
  for (const child of parent.children) {
    if (child === node) return open;
    if (child.type === 'html') {
      if (/^<a[\s>]/i.test(child.value)) open = true;
      else if (/^<\/a\s*>/i.test(child.value)) open = false;
    }
  }
  return false;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/**
 * The graded-page differences in one piece of markdown (an answer as typed in the editor, or any
 * markdown), lines counted from 1 within it.
 */
export function findGradedPageDifferencesInMarkdown(markdown: string): MarkdownDifference[] {
  const reason = answerGuard(markdown);
  if (reason) return [notAnalysed(reason, null)];
  const tree = parser.parse(markdown) as Root;
  const lines = markdown.split(/\r\n|\r|\n/);
  const found: MarkdownDifference[] = [];
  const add = (kind: GradedPageDifferenceKind, line: number, message: string) => found.push({ kind, line, message });
  const source = (node: Nodes) => (node.position ? markdown.slice(node.position.start.offset, node.position.end.offset) : '');
  /** Lists the graded page shows as plain text: nothing nested in them is a list there either. */
  const literalLists = new Set<Nodes>();
  /** Bare URLs per line, so a line with three of them gets one finding. */
  const urlsByLine = new Map<number, string[]>();

  for (const { node, ancestors } of walk(tree)) {
    const parent = ancestors[ancestors.length - 1];
    if (ancestors.some((a) => a.type === 'table')) continue; // the table's own finding covers it
    const line = node.position?.start.line;

    if (node.type === 'code' && line !== undefined && FENCE.test(source(node))) {
      add('fenced-code', line, fencedMessage(source(node), node.value));
    } else if (node.type === 'list' && line !== undefined) {
      const index = parent ? parent.children.indexOf(node as List) : -1;
      const previous = index > 0 ? parent.children[index - 1] : undefined;
      const nested = ancestors.some((a) => a.type === 'list');
      const insideLiteral = ancestors.some((a) => literalLists.has(a as Nodes));
      if (
        !nested &&
        previous?.type === 'paragraph' &&
        previous.position &&
        previous.position.end.line + 1 === line
      ) {
        literalLists.add(node);
        const marker = lines[line - 1].trim().split(/\s/)[0] ?? '-';
        add('list-needs-blank-line', line, listNeedsBlankLineMessage(marker, plainText(node.children[0])));
      } else if (nested && !insideLiteral && !ancestors.some((a) => a.type === 'blockquote')) {
        const depth = ancestors.filter((a) => a.type === 'list').length;
        const indent = indentWidth(lines[line - 1] ?? '');
        if (indent < 4 * depth) {
          const item = [...ancestors].reverse().find((a) => a.type === 'listItem') as ListItem | undefined;
          add('nested-list-indent', line, nestedListIndentMessage(indent, depth, item ? plainText(item.children[0] ?? item) : null));
        }
      }
      const tasks = node.children.filter((item) => item.checked !== null && item.checked !== undefined);
      if (tasks.length > 0) {
        const first = tasks[0].position?.start.line ?? line;
        add('task-list', first, taskListMessage(tasks.length));
      }
    } else if (node.type === 'table' && line !== undefined) {
      add('table', line, TABLE_MESSAGE);
    } else if (node.type === 'delete' && line !== undefined) {
      const tildes = /^~+/.exec(source(node))?.[0] ?? '~~';
      add(
        'strikethrough',
        line,
        strikethroughMessage(tildes, plainText(node)),
      );
    } else if (node.type === 'link') {
      const own = source(node);
      const isBare = node.position ? !own.startsWith('[') && !own.startsWith('<') : true;
      if (!isBare || insideRawLink(parent, node)) continue;
      const text = plainText(node);
      let at = line;
      if (at === undefined) {
        // Autolinks made by remark-gfm's find-and-replace step carry no position: find the text
        // in the nearest ancestor that has one.
        const holder = [...ancestors].reverse().find((a) => a.position);
        if (!holder?.position) continue;
        const offset = markdown.indexOf(text, holder.position.start.offset);
        at = offset === -1 ? holder.position.start.line : markdown.slice(0, offset).split(/\r\n|\r|\n/).length;
      }
      const list = urlsByLine.get(at) ?? [];
      list.push(text);
      urlsByLine.set(at, list);
    }
  }

  for (const [line, urls] of urlsByLine) {
    add(
      'bare-url',
      line,
      bareUrlMessage(urls),
    );
  }
  return found.sort((a, b) => a.line - b.line);
}

/** One answer's limits for the analysis: real answers are under 4 kB and cost under 300 units. */
export const MAX_ANALYSED_ANSWER_CHARS = 50_000;

/** Why `markdown` (one answer) is not analysed, or null when it may be. */
export function answerGuard(markdown: string): GuardReason | null {
  if (markdown.length > MAX_ANALYSED_ANSWER_CHARS) return 'too-large';
  const estimate = estimateBlock(markdown, 0, markdown.length);
  if (estimate.depth > MAX_NESTING) return 'too-deep';
  if (estimate.cost > MAX_BLOCK_COST) return 'too-complex';
  return null;
}

const SKIP_REASON: Record<GuardReason, string> = {
  'too-large': `the answer is too large to analyse (over ${MAX_ANALYSED_ANSWER_CHARS / 1000} kB)`,
  'too-deep': `the answer is nested too deeply to analyse (over ${MAX_NESTING} levels of quotes, lists, brackets or tags)`,
  'too-complex': 'the answer holds too much markdown syntax to analyse',
  'over-budget': 'the report is too large to analyse in full',
};

/** The note standing in for the differences of an answer that was not analysed. */
export function notAnalysed(reason: GuardReason, question: number | null): MarkdownDifference {
  return {
    kind: 'not-analysed',
    line: 1,
    message: `Graded-page notes skipped${question === null ? '' : ` for question ${question}`}: ${SKIP_REASON[reason]}. The checker's counts above are not affected.`,
  };
}

/**
 * Spends a report-wide budget on the answers' analyses (many answers near the per-answer limit
 * would still add up to seconds); returns the reason to skip an answer once it is spent.
 */
export function analysisBudget(): (markdown: string) => GuardReason | null {
  let spent = 0;
  let exhausted = false;
  return (markdown) => {
    const own = answerGuard(markdown);
    if (own) return own;
    if (exhausted) return 'over-budget';
    spent += estimateBlock(markdown, 0, markdown.length).cost;
    if (spent > MAX_DOCUMENT_COST) exhausted = true;
    return exhausted ? 'over-budget' : null;
  };
}

/**
 * Every place in the report's answers where the graded page will differ from GitHub's rendering,
 * in file order, with 1-based file lines. `doc` may be passed when the caller already parsed
 * `text`. The objects have the shape of the checker's warnings (`kind`, `question`, `line`,
 * `message`), so `report-editor check` can list them beside its own.
 */
export function findGradedPageDifferences(text: string, doc: ReportDocument = parseReport(text)): GradedPageDifference[] {
  const budget = analysisBudget();
  return differencesByAnswer(text, doc, (markdown, question) => {
    const skipped = budget(markdown);
    return skipped ? [notAnalysed(skipped, question)] : findGradedPageDifferencesInMarkdown(markdown);
  });
}
