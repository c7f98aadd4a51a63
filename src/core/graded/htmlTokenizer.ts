/**
 * The tokenizer of Python 3.11's `html.parser.HTMLParser` (with `convert_charrefs=False`), as
 * Python-Markdown drives it to find raw HTML blocks: `feed()` then `close()`, tracking the line
 * and column of every token. Only its observable behaviour matters here: which spans become
 * start tags, end tags, comments, declarations, references or plain data.
 */
import { pyStrip } from './pyString';

export interface TokenHandler {
  startTag(tag: string, selfClosing: boolean, text: string): void;
  endTag(tag: string): void;
  data(text: string): void;
  charRef(name: string): void;
  entityRef(name: string): void;
  comment(text: string): void;
  /** `<!x>` or `</ x>`: kept as it is written, never a block. */
  bogusComment(raw: string): void;
  decl(text: string): void;
  pi(text: string): void;
  unknownDecl(text: string): void;
  /** Python-Markdown only lets `<?` and `<!` open a construct at a line start or in a block's tail. */
  allowsMarkupDeclaration(): boolean;
}

const SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TAG_FIND = new RegExp(`([a-zA-Z][^\\t\\n\\r\\f />\\x00]*)(?:[${SPACE}]|/(?!>))*`, 'y');
const ATTR_FIND = new RegExp(
  `((?<=['"${SPACE}/])[^${SPACE}/>][^${SPACE}/=>]*)([${SPACE}]*=+[${SPACE}]*('[^']*'|"[^"]*"|(?!['"])[^>${SPACE}]*))?(?:[${SPACE}]|/(?!>))*`,
  'y',
);
/**
 * Where a start tag ends (Python's locatestarttagend_tolerant with Python-Markdown's patch: no
 * backtick in a tag name, attribute name start or bare value), in two parts: the tag name, and
 * the attributes after it. Every `<` inside one long name run ends at the same place, so both
 * parts are remembered (a line of `<a<a<a…` would otherwise be scanned once per `<`).
 */
const TAG_NAME = /[^`\t\n\r\f />\x00]*/y;
const TAG_REST = new RegExp(
  `(?:[${SPACE}/]*(?:(?<=['"${SPACE}/])[^\`${SPACE}/>][^${SPACE}/=>]*(?:[${SPACE}]*=+[${SPACE}]*(?:'[^']*'|"[^"]*"|(?!['"])[^\`>${SPACE}]*)[${SPACE}]*)?(?:[${SPACE}]|/(?!>))*)*)?[${SPACE}]*`,
  'y',
);
const END_TAG_FIND = new RegExp(`</[${SPACE}]*([a-zA-Z][-.a-zA-Z0-9:_]*)[${SPACE}]*>`, 'y');
const CHARREF = /&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]/y;
/** Python-Markdown's patch: an entity reference needs its semicolon (and "incomplete" is the same). */
const ENTITYREF = /&([a-zA-Z][-.a-zA-Z0-9]*);/y;
const COMMENT_CLOSE = new RegExp(`--[${SPACE}]*>`, 'g');
const MARKED_SECTION_CLOSE = new RegExp(`][${SPACE}]*][${SPACE}]*>`, 'g');
const INTERESTING = /[&<]/g;
const LETTER = /[a-zA-Z]/;

export class HtmlTokenizer {
  rawdata = '';
  lineno = 1;
  offset = 0;
  private starttagText: string | null = null;
  /** Inside `<script>` or `<style>` only the matching end tag is markup. */
  cdataElem: string | null = null;
  private cdataEnd: RegExp | null = null;
  /** Memo of TAG_END results: for hostile runs like `<a<a<a…` each scan would reach the same end. */
  private tagEndMemo = new Map<number, number>();
  private nameRun: [number, number] | null = null;

  constructor(private readonly handler: TokenHandler) {}

  /**
   * Per searched text (`>`, `]>`, `?>`, `;`, the comment close): the earliest offset of the
   * current rawdata from which a search found nothing. A later search from there on finds nothing
   * either; without this, a line of `<!--` or `</` with no `>` after it rescans to the end at
   * every one (2 MB took minutes).
   */
  private readonly notFoundFrom = new Map<string, number>();

  private find(needle: string, from: number): number {
    const failed = this.notFoundFrom.get(needle);
    if (failed !== undefined && from >= failed) return -1;
    const found = this.rawdata.indexOf(needle, from);
    if (found === -1) this.notFoundFrom.set(needle, failed === undefined ? from : Math.min(failed, from));
    return found;
  }

  get starttag(): string | null {
    return this.starttagText;
  }

  feed(data: string): void {
    this.rawdata += data;
    this.goahead(false);
  }

  close(): void {
    this.goahead(true);
  }

  /** Newline offsets of the current rawdata, for counting lines between two offsets quickly. */
  private newlinesOf: string | null = null;
  private newlines: number[] = [];

  /** Index of the first newline at or after `at`. */
  private firstNewlineFrom(at: number): number {
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newlines[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private updatepos(i: number, j: number): number {
    if (i >= j) return j;
    const raw = this.rawdata;
    if (this.newlinesOf !== raw) {
      this.newlinesOf = raw;
      this.newlines = [];
      for (let k = raw.indexOf('\n'); k !== -1; k = raw.indexOf('\n', k + 1)) this.newlines.push(k);
    }
    const first = this.firstNewlineFrom(i);
    const end = this.firstNewlineFrom(j);
    const lines = end - first;
    if (lines) {
      this.lineno += lines;
      this.offset = j - (this.newlines[end - 1]! + 1);
    } else this.offset += j - i;
    return j;
  }

  private goahead(end: boolean): void {
    const raw = this.rawdata;
    const h = this.handler;
    let i = 0;
    const n = raw.length;
    this.tagEndMemo = new Map();
    this.nameRun = null;
    this.notFoundFrom.clear();
    while (i < n) {
      const interesting = this.cdataEnd ?? INTERESTING;
      interesting.lastIndex = i;
      const found = interesting.exec(raw);
      if (!found && this.cdataElem) break;
      const j = found ? found.index : n;
      if (i < j) h.data(raw.slice(i, j));
      i = this.updatepos(i, j);
      if (i === n) break;
      if (raw[i] === '<') {
        let k: number;
        if (LETTER.test(raw[i + 1] ?? '')) k = this.parseStartTag(i);
        else if (raw.startsWith('</', i)) k = this.parseEndTag(i);
        else if (raw.startsWith('<!--', i)) k = this.parseComment(i);
        else if (raw.startsWith('<?', i)) k = this.parsePi(i);
        else if (raw.startsWith('<!', i)) k = this.parseHtmlDeclaration(i);
        else if (i + 1 < n) {
          h.data('<');
          k = i + 1;
        } else break;
        if (k < 0) {
          if (!end) break;
          k = this.find('>', i + 1);
          if (k < 0) {
            k = raw.indexOf('<', i + 1);
            if (k < 0) k = i + 1;
          } else k += 1;
          h.data(raw.slice(i, k));
        }
        i = this.updatepos(i, k);
      } else if (raw.startsWith('&#', i)) {
        CHARREF.lastIndex = i;
        const m = CHARREF.exec(raw);
        if (m) {
          h.charRef(m[0].slice(2, -1));
          let k = i + m[0].length;
          if (raw[k - 1] !== ';') k -= 1;
          i = this.updatepos(i, k);
          continue;
        }
        if (this.find(';', i) !== -1) {
          h.data(raw.slice(i, i + 2));
          i = this.updatepos(i, i + 2);
        }
        break;
      } else {
        ENTITYREF.lastIndex = i;
        const m = ENTITYREF.exec(raw);
        if (m) {
          h.entityRef(m[1]!);
          i = this.updatepos(i, i + m[0].length);
          continue;
        }
        if (i + 1 < n) {
          h.data('&');
          i = this.updatepos(i, i + 1);
        } else break;
      }
    }
    if (end && i < n && !this.cdataElem) {
      h.data(raw.slice(i, n));
      i = this.updatepos(i, n);
    }
    this.rawdata = raw.slice(i);
  }

  private parseHtmlDeclaration(i: number): number {
    if (!this.handler.allowsMarkupDeclaration()) {
      this.handler.data('<!');
      return i + 2;
    }
    const raw = this.rawdata;
    if (raw.startsWith('<!--', i)) return this.parseComment(i);
    // Python-Markdown (Debian's 3.4.1 carries the fix for its #1534) reads `<![` as a marked
    // section only for `<![CDATA[`; anything else (`<![endif]>` from Word) is a bogus comment,
    // and one with no `>` after it leaves just its `<` as text.
    if (raw.startsWith('<![', i) && !raw.startsWith('<![CDATA[', i)) {
      const end = this.parseBogusComment(i);
      if (end !== -1) return end;
      this.handler.data('<');
      return i + 1;
    }
    if (raw.startsWith('<![', i)) return this.parseMarkedSection(i);
    if (raw.slice(i, i + 9).toLowerCase() === '<!doctype') {
      const gt = this.find('>', i + 9);
      if (gt === -1) return -1;
      this.handler.decl(raw.slice(i + 2, gt));
      return gt + 1;
    }
    return this.parseBogusComment(i);
  }

  /** `<![CDATA[…]]>`: up to the first `]\s*]\s*>` (_markupbase's _markedsectionclose). */
  private parseMarkedSection(i: number): number {
    const m = this.findClose(MARKED_SECTION_CLOSE, ']]>', i + 3);
    if (!m) return -1;
    this.handler.unknownDecl(this.rawdata.slice(i + 3, m.index));
    return m.index + m[0].length;
  }

  /**
   * The next match of `close` (a global regular expression) from `from`. Not found from here is not
   * found from any later point either (remembered under `key`), so a line of unclosed ones is linear.
   */
  private findClose(close: RegExp, key: string, from: number): RegExpExecArray | null {
    const failed = this.notFoundFrom.get(key);
    if (failed !== undefined && from >= failed) return null;
    close.lastIndex = from;
    const m = close.exec(this.rawdata);
    if (!m) this.notFoundFrom.set(key, failed === undefined ? from : Math.min(failed, from));
    return m;
  }

  private parseBogusComment(i: number): number {
    const raw = this.rawdata;
    const pos = this.find('>', i + 2);
    if (pos === -1) return -1;
    this.handler.bogusComment(raw.slice(i, pos + 1));
    return pos + 1;
  }

  private parseComment(i: number): number {
    const raw = this.rawdata;
    const m = this.findClose(COMMENT_CLOSE, '-->', i + 4);
    if (!m) return -1;
    // Python-Markdown only takes a comment closed by exactly `-->`; otherwise the `<` is text.
    // (Mid-document, 3.4.1 then re-parses from the start and never ends; at the start it goes on.)
    if (m[0] !== '-->') {
      this.handler.data('<');
      return i + 1;
    }
    this.handler.comment(raw.slice(i + 4, m.index));
    return m.index + m[0].length;
  }

  private parsePi(i: number): number {
    if (!this.handler.allowsMarkupDeclaration()) {
      this.handler.data('<?');
      return i + 2;
    }
    const raw = this.rawdata;
    const close = this.find('?>', i + 2);
    if (close === -1) return -1;
    this.handler.pi(raw.slice(i + 2, close));
    return close + 2;
  }

  private checkForWholeStartTag(i: number): number {
    const raw = this.rawdata;
    // `<` and a letter were checked by the caller; the name runs on from the letter.
    let nameEnd: number;
    if (this.nameRun && i + 1 > this.nameRun[0] && i + 1 < this.nameRun[1]) nameEnd = this.nameRun[1];
    else {
      TAG_NAME.lastIndex = i + 2;
      TAG_NAME.exec(raw);
      nameEnd = TAG_NAME.lastIndex;
      this.nameRun = [i + 1, nameEnd];
    }
    let j = this.tagEndMemo.get(nameEnd);
    if (j === undefined) {
      TAG_REST.lastIndex = nameEnd;
      const m = TAG_REST.exec(raw)!;
      j = m.index + m[0].length;
      this.tagEndMemo.set(nameEnd, j);
    }
    const next = raw[j] ?? '';
    if (next === '>') return j + 1;
    if (next === '/') {
      if (raw.startsWith('/>', j)) return j + 2;
      return -1;
    }
    if (next === '') return -1;
    if (/[a-zA-Z=/]/.test(next)) return -1;
    return j > i ? j : i + 1;
  }

  private parseStartTag(i: number): number {
    this.starttagText = null;
    const endpos = this.checkForWholeStartTag(i);
    if (endpos < 0) {
      this.handler.data('<');
      return i + 1;
    }
    const raw = this.rawdata;
    this.starttagText = raw.slice(i, endpos);
    TAG_FIND.lastIndex = i + 1;
    const match = TAG_FIND.exec(raw)!;
    let k = match.index + match[0].length;
    const tag = match[1]!.toLowerCase();
    while (k < endpos) {
      ATTR_FIND.lastIndex = k;
      const m = ATTR_FIND.exec(raw);
      if (!m || m[0].length === 0) break;
      k = m.index + m[0].length;
    }
    const endText = pyStrip(raw.slice(k, endpos));
    if (endText !== '>' && endText !== '/>') {
      this.handler.data(raw.slice(i, endpos));
      return endpos;
    }
    if (endText.endsWith('/>')) this.handler.startTag(tag, true, this.starttagText);
    else {
      if (tag === 'script' || tag === 'style') this.setCdataMode(tag);
      this.handler.startTag(tag, false, this.starttagText);
    }
    return endpos;
  }

  setCdataMode(tag: string): void {
    this.cdataElem = tag;
    this.cdataEnd = new RegExp(`</[${SPACE}]*${tag}[${SPACE}]*>`, 'gi');
  }

  clearCdataMode(): void {
    this.cdataElem = null;
    this.cdataEnd = null;
  }

  private parseEndTag(i: number): number {
    const raw = this.rawdata;
    const gt = this.find('>', i + 1);
    if (gt === -1) return -1;
    const gtpos = gt + 1;
    END_TAG_FIND.lastIndex = i;
    const match = END_TAG_FIND.exec(raw);
    if (!match) {
      if (this.cdataElem) {
        this.handler.data(raw.slice(i, gtpos));
        return gtpos;
      }
      TAG_FIND.lastIndex = i + 2;
      const name = TAG_FIND.exec(raw);
      if (!name) {
        if (raw.startsWith('</>', i)) return i + 3;
        return this.parseBogusComment(i);
      }
      const close = raw.indexOf('>', name.index + name[0].length);
      this.handler.endTag(name[1]!.toLowerCase());
      return close + 1;
    }
    const elem = match[1]!.toLowerCase();
    if (this.cdataElem && elem !== this.cdataElem) {
      this.handler.data(raw.slice(i, gtpos));
      return gtpos;
    }
    this.handler.endTag(elem);
    this.clearCdataMode();
    return gtpos;
  }
}
