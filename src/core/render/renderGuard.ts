/**
 * How much markdown may go through remark/rehype at once. The libraries are fast on reports (tens
 * of kB) but slow down badly, or overflow the stack, on pathological text: 50 kB of nested `[`,
 * of `[ (](` or of `<!--` took 10 s and more, a few thousand nested `>` crashed them, and 400 kB of
 * ordinary prose already needs seconds and hundreds of MB. So markdown is cut into blocks (at blank
 * lines, never inside a fenced code block) and each block gets a cost estimate in one linear pass;
 * blocks that are too large, too deeply nested or too costly, and everything past the document's
 * budget, are left out of the markdown handed to the libraries and shown as plain text instead,
 * with a note saying why. Real reports stay far below every limit.
 *
 * Cost units: about one per markdown token the libraries build (a bracket, a delimiter run, an
 * angle bracket…), four per line, ten per block quote, plus one per 50 characters of plain text.
 */

/** One block's limits: a real answer costs a few hundred units, a long code answer ~2 000. */
export const MAX_BLOCK_CHARS = 20_000;
export const MAX_BLOCK_COST = 4_000;
/** Nesting (quotes, lists, brackets, HTML tags) beyond this overflows the libraries' recursion. */
export const MAX_NESTING = 100;
/** The whole document's budget; the largest real report (50 kB) costs ~4 300. */
export const MAX_DOCUMENT_CHARS = 200_000;
export const MAX_DOCUMENT_COST = 12_000;

export type GuardReason = 'too-large' | 'too-deep' | 'too-complex' | 'over-budget';

export interface GuardedRange {
  /** Offsets in the markdown: `[start, end)` is shown as plain text. */
  readonly start: number;
  readonly end: number;
  /** 1-based first and last line. */
  readonly firstLine: number;
  readonly lastLine: number;
  readonly reason: GuardReason;
}

export interface BlockEstimate {
  readonly chars: number;
  readonly cost: number;
  readonly depth: number;
}

/** A fence line; a backtick fence's info string has no backtick (else it is inline code). */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Measured on remark/rehype: each line (a paragraph, list item, heading) costs about four inline
 * tokens, a block quote's start about ten.
 */
const LINE_COST = 4;
const QUOTE_START_COST = 6;

/** Tags that never close (`<br>`, `<img …>`): they do not nest. */
const VOID_TAG = /^(?:br|img|hr|input|meta|link|wbr|source|area|col|embed|track)(?![a-z0-9])/i;

/** Characters that each become a token (or a token boundary) for the markdown parser. */
function isTokenChar(c: number): boolean {
  // [ ] ( ) < > ! | \ # : ^
  return c === 91 || c === 93 || c === 40 || c === 41 || c === 60 || c === 62 || c === 33 || c === 124 || c === 92 || c === 35 || c === 58 || c === 94;
}

/** Characters whose runs are one delimiter token each: * _ ~ ` */
function isRunChar(c: number): boolean {
  return c === 42 || c === 95 || c === 126 || c === 96;
}

/** Cost and deepest nesting of `text[start, end)`, in one pass. */
export function estimateBlock(text: string, start: number, end: number): BlockEstimate {
  let cost = 0;
  let depth = 0;
  let brackets = 0;
  let tags = 0;
  let atLineStart = true;
  let indent = 0;
  let markers = 0;
  let quotedLine = false;
  let previousQuoted = false;
  let plain = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      cost += LINE_COST;
      atLineStart = true;
      previousQuoted = markers > 0 && quotedLine;
      quotedLine = false;
      indent = 0;
      markers = 0;
      continue;
    }
    if (atLineStart) {
      // Container markers (`>`, `-`, `*`, `+`) and indentation (lists nest by it) open a line.
      if (c === 32 || c === 9) {
        indent += c === 9 ? 4 - (indent % 4) : 1;
        continue;
      }
      const next = text.charCodeAt(i + 1);
      const listMarker = (c === 45 || c === 42 || c === 43) && (next === 32 || next === 9);
      depth = Math.max(depth, markers + (indent >> 1));
      if (c === 62 || listMarker) {
        // A new block quote is one of the costliest things for the parser (~10 tokens' worth).
        if (c === 62 && markers === 0 && !previousQuoted) cost += QUOTE_START_COST;
        if (c === 62) quotedLine = true;
        markers++;
        cost++;
        continue;
      }
      atLineStart = false;
    }
    if (isRunChar(c)) {
      if (text.charCodeAt(i - 1) !== c || i === start) cost++;
      continue;
    }
    if (isTokenChar(c)) {
      cost++;
      if (c === 91) brackets++;
      else if (c === 93 && brackets > 0) brackets--;
      else if (c === 60) {
        const next = text.charCodeAt(i + 1);
        if (next === 47) tags = Math.max(0, tags - 1);
        else if (((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) && !VOID_TAG.test(text.slice(i + 1, i + 8))) tags++;
      }
      if (brackets > depth) depth = brackets;
      if (tags > depth) depth = tags;
      continue;
    }
    plain++;
  }
  return { chars: end - start, cost: cost + Math.ceil(plain / 50), depth };
}

interface Block {
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
}

/** Blocks separated by blank lines; a fenced code block stays inside one block. */
function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  let blockStart = -1;
  let blockLine = 0;
  let fence: string | null = null;
  let line = 1;
  let lastLine = 1;
  let lastEnd = 0;
  for (let pos = 0; pos <= markdown.length; line++) {
    let end = markdown.indexOf('\n', pos);
    if (end === -1) end = markdown.length;
    const content = markdown.slice(pos, end);
    const blank = content.trim() === '';
    const fenceMatch = FENCE.exec(content);
    if (fence !== null) {
      const closes = fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length;
      if (closes && fenceMatch[2].trim() === '') fence = null;
    } else if (fenceMatch && !(fenceMatch[1][0] === '`' && fenceMatch[2].includes('`'))) fence = fenceMatch[1];
    if (blank && fence === null) {
      if (blockStart !== -1) blocks.push({ start: blockStart, end: lastEnd, firstLine: blockLine, lastLine });
      blockStart = -1;
    } else if (blockStart === -1) {
      blockStart = pos;
      blockLine = line;
    }
    if (!blank || fence !== null) {
      lastEnd = end;
      lastLine = line;
    }
    if (end >= markdown.length) break;
    pos = end + 1;
  }
  if (blockStart !== -1) blocks.push({ start: blockStart, end: lastEnd, firstLine: blockLine, lastLine });
  return blocks;
}

function verdictOf(estimate: BlockEstimate): GuardReason | null {
  if (estimate.depth > MAX_NESTING) return 'too-deep';
  if (estimate.chars > MAX_BLOCK_CHARS) return 'too-large';
  if (estimate.cost > MAX_BLOCK_COST) return 'too-complex';
  return null;
}

/**
 * The parts of `markdown` that must not go through the markdown libraries, in order; adjacent
 * guarded blocks are merged into one range. Empty for every real report.
 */
export function guardedRanges(markdown: string): GuardedRange[] {
  // The common case in one cheap pass: a small document needs no block analysis.
  const whole = estimateBlock(markdown, 0, markdown.length);
  if (whole.chars <= MAX_BLOCK_CHARS && whole.cost <= MAX_BLOCK_COST && whole.depth <= MAX_NESTING) return [];
  const ranges: GuardedRange[] = [];
  let chars = 0;
  let cost = 0;
  let overBudget = false;
  for (const block of blocksOf(markdown)) {
    const estimate = estimateBlock(markdown, block.start, block.end);
    let reason = overBudget ? 'over-budget' : verdictOf(estimate);
    if (reason === null && (chars + estimate.chars > MAX_DOCUMENT_CHARS || cost + estimate.cost > MAX_DOCUMENT_COST)) {
      reason = 'over-budget';
      overBudget = true;
    }
    if (reason === null) {
      chars += estimate.chars;
      cost += estimate.cost;
      continue;
    }
    const last = ranges[ranges.length - 1];
    if (last && last.reason === reason && markdown.slice(last.end, block.start).trim() === '') {
      ranges[ranges.length - 1] = { ...last, end: block.end, lastLine: block.lastLine };
    } else {
      ranges.push({ start: block.start, end: block.end, firstLine: block.firstLine, lastLine: block.lastLine, reason });
    }
  }
  return ranges;
}

const REASON_TEXT: Record<GuardReason, string> = {
  'too-large': 'it is too large',
  'too-deep': 'it is nested too deeply',
  'too-complex': 'it holds too much markdown syntax',
  'over-budget': 'the report is too large',
};

/** "it is too large", … — for notes such as "…skipped for question 12: the answer …". */
export function guardReasonText(reason: GuardReason): string {
  return REASON_TEXT[reason];
}
