/**
 * `markdown.markdown(text)` of Python-Markdown 3.4 with no extensions: normalize whitespace,
 * stash raw HTML blocks, parse blocks, run the inline patterns, prettify, unescape, serialize,
 * and put the raw HTML back.
 */
import { BlockParser } from './blockParser';
import { blockquote } from './blocks/blockquote';
import { codeBlock } from './blocks/code';
import { emptyBlock } from './blocks/empty';
import { hashHeader } from './blocks/hashHeader';
import { hr } from './blocks/hr';
import { orderedList, unorderedList } from './blocks/list';
import { listIndent } from './blocks/listIndent';
import { paragraph } from './blocks/paragraph';
import { reference } from './blocks/reference';
import { setextHeader } from './blocks/setextHeader';
import { extractHtmlBlocks } from './htmlBlocks';
import { InlineContext } from './inline/context';
import { InlineProcessor } from './inline/inlineProcessor';
import { ETX, HtmlStash, STX } from './markers';
import { RawHtmlRestorer, restoreAmpersands } from './postprocess';
import { prettifyBlocks, prettifyElementEnd } from './prettify';
import { expandTabs, pyStrip } from './pyString';
import { serializeContent } from './serialize';
import { type Element, element, forEachElement } from './tree';
import { unescapeElement } from './unescape';

export const BLOCK_PROCESSORS = [
  emptyBlock, listIndent, codeBlock, hashHeader, setextHeader, hr, orderedList, unorderedList, blockquote, reference,
  paragraph,
];

/**
 * Lines of only spaces (after the first line) become empty: `\n +(?=\n)` removed. Found from
 * each newline (few) rather than by searching for a space and a newline (every space of the
 * prose is a candidate start of that search).
 */
function emptySpaceOnlyLines(source: string): string {
  const pieces: string[] = [];
  let copied = 0;
  for (let k = source.indexOf('\n'); k !== -1; k = source.indexOf('\n', k + 1)) {
    if (source.charCodeAt(k - 1) !== 32) continue;
    let start = k - 1;
    while (start > copied && source.charCodeAt(start - 1) === 32) start--;
    if (start > 0 && source.charCodeAt(start - 1) === 10) {
      pieces.push(source.slice(copied, start));
      copied = k;
    }
  }
  if (!pieces.length) return source;
  pieces.push(source.slice(copied));
  return pieces.join('');
}

function normalizeWhitespace(source: string): string {
  if (source.includes(STX) || source.includes(ETX)) source = source.replaceAll(STX, '').replaceAll(ETX, '');
  if (source.includes('\r')) source = source.replace(/\r\n?/g, '\n');
  source = expandTabs(`${source}\n\n`, 4);
  return emptySpaceOnlyLines(source);
}

/** Python's last two tree passes, the prettifier's and the unescaper's, on one element. */
function finishElement(el: Element): void {
  prettifyElementEnd(el);
  unescapeElement(el);
}

export function markdownToHtml(source: string): string {
  if (!pyStrip(source)) return '';
  const stash = new HtmlStash();
  const text = extractHtmlBlocks(normalizeWhitespace(source), stash);

  const parser = new BlockParser(BLOCK_PROCESSORS);
  const root = element('div');
  parser.parseChunk(root, text);

  new InlineProcessor(new InlineContext(parser.references, stash)).run(root);
  prettifyBlocks(root);
  // Neither adds or removes elements, and each only changes the element it is given: one walk.
  forEachElement(root, finishElement);

  // Python serializes the root `<div>`, keeps what lies between its tags, then puts the stashed
  // raw HTML back (the first round of that while serializing) and the ampersands.
  const restorer = stash.blocks.length ? new RawHtmlRestorer(stash) : null;
  let output = pyStrip(serializeContent(root, restorer));
  if (restorer) output = restorer.finish(output);
  return pyStrip(restoreAmpersands(output));
}
