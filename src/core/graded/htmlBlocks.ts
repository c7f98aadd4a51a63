/**
 * Raw HTML blocks, the way Python-Markdown 3.4 finds them before any Markdown is parsed: a
 * block-level start tag at a line start (up to three spaces in) opens a raw block that runs to
 * its matching end tag, whatever lies between (blank lines and Markdown included); the block is
 * stashed and stands as one placeholder paragraph. Comments, declarations, `<hr>` and other
 * self-contained block-level tags at a line start are stashed alone. Everything else stays text.
 */
import { type HtmlStash, isBlockLevel } from './markers';
import { pyStrip } from './pyString';
import { HtmlTokenizer, type TokenHandler } from './htmlTokenizer';

/** At least two lines of only spaces at the given index (a blank line after the block). */
function blankLineAt(text: string, index: number): boolean {
  for (let lines = 0; lines < 2; lines++) {
    while (text.charCodeAt(index) === 32) index++;
    if (text.charCodeAt(index) !== 10) return false;
    index++;
  }
  return true;
}

class Extractor implements TokenHandler {
  inraw = false;
  intail = false;
  stack: string[] = [];
  cache: string[] = [];
  cleandoc: string[] = [];
  readonly tokenizer = new HtmlTokenizer(this);
  /** Line start offsets of the tokenizer's current rawdata, rebuilt when rawdata changes. */
  private linesFor: string | null = null;
  private lineStarts: number[] = [];
  private hasNewline = false;

  constructor(private readonly stash: HtmlStash) {}

  private lineOffset(): number {
    const t = this.tokenizer;
    const raw = t.rawdata;
    if (this.linesFor !== raw) {
      this.linesFor = raw;
      this.hasNewline = raw.includes('\n');
      this.lineStarts = [];
    }
    if (t.lineno > 1 && this.hasNewline) {
      if (!this.lineStarts.length) {
        this.lineStarts = [0];
        for (let k = raw.indexOf('\n'); k !== -1; k = raw.indexOf('\n', k + 1)) this.lineStarts.push(k + 1);
      }
      const start = this.lineStarts[t.lineno - 1];
      return start !== undefined ? start : raw.lastIndexOf('\n');
    }
    return 0;
  }

  private atLineStart(): boolean {
    const t = this.tokenizer;
    if (t.offset === 0) return true;
    if (t.offset > 3) return false;
    const start = this.lineOffset();
    // Python's strip(): U+001C–U+001F and U+0085 are whitespace, a BOM (U+FEFF) is not.
    return pyStrip(t.rawdata.slice(start, start + t.offset)) === '';
  }

  allowsMarkupDeclaration(): boolean {
    return this.atLineStart() || this.intail;
  }

  private endTagText(tag: string): string {
    const raw = this.tokenizer.rawdata;
    const start = this.lineOffset() + this.tokenizer.offset;
    const gt = raw.indexOf('>', start);
    return gt !== -1 ? raw.slice(start, gt + 1) : `</${tag}>`;
  }

  startTag(tag: string, selfClosing: boolean, text: string): void {
    if (selfClosing || tag === 'hr') {
      this.emptyTag(text, isBlockLevel(tag));
      return;
    }
    if (isBlockLevel(tag) && (this.intail || (this.atLineStart() && !this.inraw))) {
      this.inraw = true;
      this.cleandoc.push('\n');
    }
    if (this.inraw) {
      this.stack.push(tag);
      this.cache.push(text);
    } else {
      this.cleandoc.push(text);
      // A `<script>` outside a raw block (say in a code span) does not swallow the rest.
      if (tag === 'script' || tag === 'style') this.tokenizer.clearCdataMode();
    }
  }

  endTag(tag: string): void {
    const text = this.endTagText(tag);
    if (!this.inraw) {
      this.cleandoc.push(text);
      return;
    }
    this.cache.push(text);
    if (this.stack.includes(tag)) {
      while (this.stack.length) if (this.stack.pop() === tag) break;
    }
    if (this.stack.length === 0) {
      const after = this.lineOffset() + this.tokenizer.offset + text.length;
      if (blankLineAt(this.tokenizer.rawdata, after)) this.cache.push('\n');
      else this.intail = true;
      this.inraw = false;
      this.cleandoc.push(this.stash.store(this.cache.join('')));
      this.cleandoc.push('\n\n');
      this.cache = [];
    }
  }

  data(text: string): void {
    if (this.intail && text.includes('\n')) this.intail = false;
    if (this.inraw) this.cache.push(text);
    else this.cleandoc.push(text);
  }

  private emptyTag(text: string, isBlock: boolean): void {
    if (this.inraw || this.intail) {
      this.cache.push(text);
    } else if (this.atLineStart() && isBlock) {
      const after = this.lineOffset() + this.tokenizer.offset + text.length;
      if (blankLineAt(this.tokenizer.rawdata, after)) text += '\n';
      else this.intail = true;
      const item = this.cleandoc.length ? this.cleandoc[this.cleandoc.length - 1]! : '';
      if (!item.endsWith('\n\n') && item.endsWith('\n')) this.cleandoc.push('\n');
      this.cleandoc.push(this.stash.store(text));
      this.cleandoc.push('\n\n');
    } else this.cleandoc.push(text);
  }

  charRef(name: string): void {
    this.emptyTag(`&#${name};`, false);
  }
  entityRef(name: string): void {
    this.emptyTag(`&${name};`, false);
  }
  comment(text: string): void {
    this.emptyTag(`<!--${text}-->`, true);
  }
  bogusComment(raw: string): void {
    this.emptyTag(raw, false);
  }
  decl(text: string): void {
    this.emptyTag(`<!${text}>`, true);
  }
  pi(text: string): void {
    this.emptyTag(`<?${text}?>`, true);
  }
  unknownDecl(text: string): void {
    this.emptyTag(`<![${text}${text.startsWith('CDATA[') ? ']]>' : ']>'}`, true);
  }

  close(): void {
    this.tokenizer.close();
    if (this.tokenizer.rawdata.length) this.data(this.tokenizer.rawdata);
    if (this.cache.length) {
      this.cleandoc.push(this.stash.store(this.cache.join('')));
      this.cache = [];
    }
  }
}

/** The source with every raw HTML block replaced by its stash placeholder. */
export function extractHtmlBlocks(source: string, stash: HtmlStash): string {
  const extractor = new Extractor(stash);
  extractor.tokenizer.feed(source);
  extractor.close();
  return extractor.cleandoc.join('');
}
