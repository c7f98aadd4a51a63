/** Wording shared by both graded-page difference finders (remark-based and the light scan). */

/** Tabs advance to the next multiple of 4 columns, as Python-Markdown expands them. */
export function indentWidth(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

export function firstWords(text: string, max = 6): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > max ? `${words.slice(0, max).join(' ')} …` : words.join(' ');
}

const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/** What the graded page does with a fenced block (`source` from its opening fence, `code` its content). */
export function fencedMessage(source: string, code: string): string {
  if (FENCE.exec(source)?.[1].startsWith('~')) {
    return 'This ~~~ fenced code block is not code on the graded page: the ~~~ lines show as typed and the code runs into one paragraph, its line breaks and indentation lost. Indent every code line by 4 spaces instead (with a blank line before it).';
  }
  const parts = [
    'This fenced code block will appear as inline code run into one paragraph on the graded page (its line breaks and indentation are lost, and the language name shows as the first word)',
  ];
  if (/\n[ \t]*\n/.test(code)) parts.push('; because it has blank lines, it even falls apart into paragraphs with the ``` shown as typed');
  if (/^ {0,3}#/m.test(code)) parts.push('; its lines starting with # become headings');
  return `${parts.join('')}. Indent every code line by 4 spaces instead of using \`\`\` (with a blank line before it).`;
}

export function bareUrlMessage(urls: readonly string[]): string {
  const shown = urls.length === 1 ? urls[0] : `${urls[0]} (and ${urls.length - 1} more on this line)`;
  const example = /^[a-z][a-z0-9+.-]*:/i.test(urls[0]) ? urls[0] : urls[0].includes('@') ? urls[0] : `https://${urls[0]}`;
  return `${shown} will be plain text on the graded page, not a link: bare URLs are not linked there. Write it as <${example}> or [some text](${example}).`;
}

export function strikethroughMessage(tildes: string, text: string): string {
  return `Strikethrough is not rendered on the graded page: "${tildes}${firstWords(text)}${tildes}" shows with the tildes as typed, not struck through.`;
}

/** A list glued to the paragraph above: `marker` and `firstItem` (its first words) quote it. */
export function listNeedsBlankLineMessage(marker: string, firstItem: string): string {
  return `This list follows a paragraph line with no blank line between them, so the graded page shows no list here: its items run on as plain text ("${marker} ${firstWords(firstItem)}") inside the paragraph above. Put a blank line before the list.`;
}

/**
 * A nested list indented by `indent` columns at nesting `depth` (1 = inside a top-level item);
 * `parentItem` is the plain text of the item it is nested under (null: not named).
 */
export function nestedListIndentMessage(indent: number, depth: number, parentItem: string | null): string {
  const under = parentItem !== null ? ` under "${firstWords(parentItem, 5)}"` : '';
  const effect =
    depth === 1
      ? `these items will show as items of the outer list, not nested${under}`
      : `these items will not be nested as deep as here${under}`;
  return `This nested list is indented by ${indent} space${indent === 1 ? '' : 's'}; the graded page nests a list only by 4 spaces per level, so ${effect}. Indent it by ${4 * depth} spaces.`;
}

export function taskListMessage(tasks: number): string {
  return `Task-list boxes are not rendered on the graded page: ${tasks === 1 ? 'this item shows' : `these ${tasks} items show`} "[ ]" or "[x]" as typed, not as checkboxes.`;
}

export const TABLE_MESSAGE =
  'Tables are not rendered on the graded page: the rows show as plain text with every | and --- as typed, run into one paragraph. Use a list or a 4-space-indented code block instead.';
