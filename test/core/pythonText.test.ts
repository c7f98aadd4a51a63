import { describe, expect, it } from 'vitest';
import {
  codePointOffset,
  countImages,
  countWords,
  countWordsByChars,
  countWordsBySearch,
  isPythonWhitespace,
  normalizeNewlines,
} from '../../src/core/pythonText';
import { corpusReports } from '../support/corpus';

describe("word and image counting match Python's", () => {
  it("splits on Python's whitespace, not JavaScript's \\s", () => {
    // U+001C..U+001F and U+0085 separate words in Python; U+FEFF (BOM) does not.
    expect(countWords('a\u001cb\u001dc\u001ed\u001fe\u0085f')).toBe(6);
    expect(countWords('\ufeffword other')).toBe(2);
    expect(countWords('a\ufeffb')).toBe(1);
    expect(countWords('a\u00a0b\u2003c\u3000d')).toBe(4);
    expect(countWords('  \n\t ')).toBe(0);
    expect(countWords('--- question 1 fill here ---')).toBe(6);
  });

  it('counts the same by search (a cold process) and character by character (a warm one), on every code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const text of [`a${c}b`, `${c}`, `${c}${c}word ${c}`, `x ${c}\n${c}y`]) {
        const bySearch = countWordsBySearch(text);
        if (bySearch !== countWordsByChars(text)) expect({ code, text, bySearch }).toEqual({ code, text, bySearch: countWordsByChars(text) });
      }
      // The search's words are runs of anything but Python's whitespace.
      expect(countWordsBySearch(`a${c}b`), `U+${code.toString(16)}`).toBe(isPythonWhitespace(code) ? 2 : 1);
    }
    for (const report of corpusReports()) {
      expect(countWordsBySearch(report.text), report.name).toBe(countWordsByChars(report.text));
    }
    // countWords switches from one to the other after its first calls; the count never changes.
    for (let i = 0; i < 300; i++) expect(countWords('a\u001cb\u001dc\u001ed\u001fe\u0085f\ufeffg')).toBe(6);
  });

  it('counts markdown syntax, URLs and code as words, as the checker does', () => {
    expect(countWords('**bold** `code` [link](https://x.y) ![img](figures/a.png)')).toBe(4);
  });

  it('counts only `![..](..)` on one line as an image', () => {
    expect(countImages('![a](figures/a.png) and ![b](b.jpg)')).toBe(2);
    expect(countImages('[no bang](figures/a.png)')).toBe(0);
    expect(countImages('<img src="figures/a.png">')).toBe(0);
    expect(countImages('![ref][id]')).toBe(0);
    expect(countImages('![split\n](figures/a.png)')).toBe(0);
    expect(countImages('`![in code](figures/a.png)`')).toBe(1);
    // A carriage return is matched by Python's `.`; only \n stops it.
    expect(countImages('![a\r](b)')).toBe(1);
  });

  it('slices by code points like Python', () => {
    expect(codePointOffset('😀abc', 1)).toBe(2);
    expect(codePointOffset('abc', 10)).toBe(3);
    expect(normalizeNewlines('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});
