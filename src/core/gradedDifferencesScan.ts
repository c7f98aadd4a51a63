/**
 * The graded-page differences of `gradedPage.ts` found without a markdown library: one pass over
 * the lines for what the student meant (GitHub's reading: fences, tables, lists and their nesting,
 * task boxes) and a scan of the paragraph text for strikethrough and bare URLs.
 *
 * Why: `report-editor check` runs on every commit in CI and pre-commit hooks, and loading remark
 * cost it ~350 ms of a ~550 ms run. The findings, kinds and messages are the same as the remark
 * version's on every real report (test/core/gradedDifferencesScan.test.ts compares them); the app's
 * preview still uses the remark version.
 */
import type { GradedPageDifferenceKind, MarkdownDifference } from './gradedPageTypes';
import {
  fencedMessage,
  indentWidth,
  listNeedsBlankLineMessage,
  nestedListIndentMessage,
  TABLE_MESSAGE,
  taskListMessage,
} from './gradedPageMessages';
import { inlineDifferences, plainInline } from './gradedDifferencesInline';

const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)(.*)$/;
const HEADING_MARKS = /^#{1,6}[ \t]+/;
const TASK = /^\[[ xX]\](?:[ \t]|$)/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const HTML_START = /^ {0,3}<\/?[a-zA-Z][a-zA-Z0-9-]*(?:[\s/>]|$)|^ {0,3}<!--/;
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

interface OpenList {
  /** Column where the current item's content starts: deeper lines belong to it. */
  contentIndent: number;
  /** Shown as plain text on the graded page (glued to a paragraph): nothing in it is reported. */
  readonly literal: boolean;
  /** First words of the current item's text, for "under …" in nested-list messages. */
  itemText: string;
  tasks: number;
  firstTaskLine: number;
  /** For a literal list: the marker and text of its first item so far (GitHub joins its blocks with nothing). */
  firstItem?: { readonly line: number; readonly marker: string; text: string; done: boolean };
}

const cellCount = (row: string) => row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').length;

/**
 * The graded-page differences in one piece of markdown, lines counted from 1 within it; the same
 * answer as `findGradedPageDifferencesInMarkdown` without parsing the markdown into a tree.
 */
export function scanGradedPageDifferences(markdown: string): MarkdownDifference[] {
  const lines = markdown.split(/\r\n|\r|\n/);
  const found: MarkdownDifference[] = [];
  const add = (kind: GradedPageDifferenceKind, line: number, message: string) => found.push({ kind, line, message });
  const lists: OpenList[] = [];
  /** Lines of the paragraph-like text whose inline markdown is scanned, with their line numbers. */
  let inline: { text: string; line: number }[] = [];
  let paragraphOpen = false;
  let paragraphTopLevel = false;
  let previousBlank = true;
  let inHtml = false;
  /** Right after an indented code block, remark reads an item that cannot interrupt a paragraph as one. */
  let afterIndentedCode = false;

  const literalMessage = (list: OpenList) => {
    const first = list.firstItem;
    if (!first) return;
    add('list-needs-blank-line', first.line, listNeedsBlankLineMessage(first.marker, plainInline(first.text)));
  };
  /** Text joining the first item of the open literal list, if it is still on its first item. */
  const toFirstItem = (text: string, sameParagraph: boolean) => {
    const first = lists[0]?.firstItem;
    if (first && !first.done) first.text += sameParagraph ? `\n${text}` : text;
  };
  const closeTasks = (list: OpenList) => {
    literalMessage(list);
    if (list.tasks > 0) {
      add('task-list', list.firstTaskLine, taskListMessage(list.tasks));
    }
  };
  const popTo = (depth: number) => {
    while (lists.length > depth) closeTasks(lists.pop()!);
  };
  const flushInline = () => {
    for (const d of inlineDifferences(inline)) found.push(d);
    inline = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const lineNo = i + 1;
    if (raw.trim() === '') {
      afterIndentedCode = false;
      paragraphOpen = false;
      inHtml = false;
      previousBlank = true;
      flushInline();
      continue;
    }
    const indent = indentWidth(raw);
    if (inHtml) continue;
    const inList = lists.length > 0 ? lists[lists.length - 1] : null;

    // Lines belonging to no open item (after a blank line) end the lists they are not indented into.
    if (previousBlank && lists.length > 0 && !LIST_ITEM.test(raw)) {
      let depth = lists.length;
      while (depth > 0 && indent < lists[depth - 1].contentIndent) depth--;
      popTo(depth);
    }
    const base = lists.length > 0 ? lists[lists.length - 1].contentIndent : 0;
    const literalHere = lists.some((l) => l.literal);

    // Indented code (4+ spaces beyond the container, not continuing a paragraph): nothing to find.
    if (!paragraphOpen && indent >= base + 4 && !(inList && LIST_ITEM.test(raw))) {
      flushInline();
      let end = i;
      for (let k = i + 1; k < lines.length && (lines[k].trim() === '' || indentWidth(lines[k]) >= base + 4); k++) {
        if (lines[k].trim() !== '') end = k;
      }
      // Like the remark finder: a code block whose first line is a fence is reported as a fence.
      const value = lines.slice(i, end + 1).map((l) => l.slice(Math.min(indentWidth(l), base + 4))).join('\n');
      if (/^(`{3,}|~{3,})/.test(value)) add('fenced-code', lineNo, fencedMessage(raw, value));
      i = end;
      previousBlank = false;
      afterIndentedCode = true;
      continue;
    }

    const fence = FENCE_OPEN.exec(raw);
    if (fence && indent < base + 4 && !(fence[2][0] === '`' && fence[3].includes('`'))) {
      flushInline();
      if (indent < base) popTo(0);
      const marker = fence[2];
      const close = new RegExp(`^[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      const start = i;
      let end = i + 1;
      while (end < lines.length && !close.test(lines[end])) end++;
      const code = lines.slice(start + 1, end).map((l) => l.slice(Math.min(indentWidth(l), indent))).join('\n');
      add('fenced-code', lineNo, fencedMessage(lines.slice(start, end + 1).join('\n'), code));
      i = end;
      paragraphOpen = false;
      previousBlank = false;
      continue;
    }

    if (HEADING.test(raw.slice(Math.min(indent, base))) || THEMATIC.test(raw)) {
      flushInline();
      if (indent < base) popTo(0);
      paragraphOpen = false;
      previousBlank = false;
      if (HEADING.test(raw)) inline.push({ text: raw, line: lineNo });
      flushInline();
      continue;
    }

    // A block quote opening left of the open item's content ends the lists (no laziness for it).
    if (/^ {0,3}>/.test(raw) && lists.length > 0 && indent < base) {
      flushInline();
      popTo(0);
      paragraphOpen = false;
    }

    // 4+ columns deeper than the container while a paragraph is open: a continuation line, not an item.
    const item: RegExpExecArray | null = paragraphOpen && indent >= base + 4 ? null : LIST_ITEM.exec(raw);
    const markerText = item?.[2] ?? '';
    const emptyItem: boolean = item !== null && item[4].trim() === '';
    // An item can interrupt a paragraph only if not empty and (ordered) starting at 1.
    const canInterrupt: boolean = item !== null && !emptyItem && (!/\d/.test(markerText) || /^0*1[.)]$/.test(markerText));
    const gluedToParagraph: boolean = paragraphOpen && !(item && (lists.length > 0 || canInterrupt));
    const wasAfterCode = afterIndentedCode;
    afterIndentedCode = false;
    if (item && !gluedToParagraph && !((paragraphOpen || wasAfterCode) && lists.length === 0 && !canInterrupt)) {
      flushInline();
      const padding = item[3].length === 0 ? 1 : indentWidth(item[3]) > 4 ? 1 : indentWidth(item[3]);
      const contentIndent = indent + markerText.length + padding;
      let depth = lists.length;
      let sibling = false;
      while (depth > 0) {
        const top = lists[depth - 1];
        if (indent >= top.contentIndent) break; // nested inside the top item
        const outer = depth > 1 ? lists[depth - 2].contentIndent : 0;
        if (indent >= outer) {
          sibling = true;
          break;
        }
        depth--;
      }
      if (sibling) {
        popTo(depth);
        const list = lists[depth - 1];
        if (list.firstItem) list.firstItem.done = true;
        toFirstItem(item[4].trim().replace(HEADING_MARKS, ''), false);
        list.contentIndent = contentIndent;
        list.itemText = item[4].replace(TASK, '');
      } else {
        popTo(depth);
        const nestedDepth = lists.length;
        const literal = nestedDepth === 0 && paragraphOpen && paragraphTopLevel && !previousBlank;
        if (literal) {
          // Reported when the first item ends: its text runs on into what is nested in it.
                } else if (nestedDepth > 0 && !lists.some((l) => l.literal) && indent < 4 * nestedDepth) {
          const parentText = lists[nestedDepth - 1].itemText;
          add('nested-list-indent', lineNo, nestedListIndentMessage(indent, nestedDepth, parentText.trim() !== '' ? plainInline(parentText) : null));
        }
        toFirstItem(item[4].trim().replace(HEADING_MARKS, ''), false);
        const firstItem = literal
          ? { line: lineNo, marker: markerText, text: item[4].trim().replace(TASK, '').replace(HEADING_MARKS, ''), done: false }
          : undefined;
        lists.push({ contentIndent, literal: literal || literalHere, itemText: item[4].replace(TASK, ''), tasks: 0, firstTaskLine: lineNo, firstItem });
      }
      const list = lists[lists.length - 1];
      if (TASK.test(item[4])) {
        if (list.tasks === 0) list.firstTaskLine = lineNo;
        list.tasks++;
      }
      inline.push({ text: item[4].replace(TASK, ''), line: lineNo });
      // An item holding a heading ends its paragraph there: the next line starts a new block.
      paragraphOpen = !emptyItem && !HEADING_MARKS.test(item[4]);
      paragraphTopLevel = false;
      previousBlank = false;
      continue;
    }

    if (!paragraphOpen && HTML_START.test(raw)) {
      flushInline();
      inHtml = true;
      previousBlank = false;
      continue;
    }

    // A table: a header row with a pipe, then a delimiter row with as many cells.
    const next = lines[i + 1];
    if (
      raw.includes('|') &&
      next !== undefined &&
      DELIMITER_ROW.test(next) &&
      (next.includes('|') || raw.includes('|')) &&
      cellCount(raw) === cellCount(next)
    ) {
      flushInline();
      add('table', lineNo, TABLE_MESSAGE);
      let end = i + 1;
      while (end + 1 < lines.length && lines[end + 1].trim() !== '' && !HEADING.test(lines[end + 1])) end++;
      i = end;
      paragraphOpen = false;
      previousBlank = false;
      continue;
    }

    // Paragraph text (or a lazy continuation of one).
    if (!paragraphOpen) paragraphTopLevel = lists.length === 0 && !raw.trimStart().startsWith('>');
    if (lists.length > 0 && !paragraphOpen && indent < base) popTo(0);
    if (lists.length === 0 && !paragraphOpen) paragraphTopLevel = !raw.trimStart().startsWith('>');
    if (raw.trimStart().startsWith('>')) paragraphTopLevel = false;
    if (paragraphOpen && lists.length > 0) lists[lists.length - 1].itemText += `\n${raw.trim()}`;
    toFirstItem(raw.trim(), paragraphOpen);
    paragraphOpen = true;
    previousBlank = false;
    inline.push({ text: raw, line: lineNo });
  }
  flushInline();
  popTo(0);
  return found.sort((a, b) => a.line - b.line);
}
