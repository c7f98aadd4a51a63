/**
 * Shingles as template recognition reads them: every run of five words (runs of a-z0-9 after
 * lower-casing) of a text, keyed by the template-vocabulary numbers of its words. Two scans give
 * the same shingles in the same order: by V8's native `split` (a cold process: one report) and
 * character by character (a warm one: a batch). The table of the blank templates' shingles and the
 * recognition itself are in templateFingerprint.ts.
 */
export const SHINGLE = 5;

/**
 * A shingle is keyed by the template-vocabulary numbers of its five words as the digits of two
 * integers (radix = vocabulary size): its head, the first two words, and its tail, the last three.
 * Both stay below 2^30, so V8 keeps them as small integers (Smis): a single key of all five digits
 * (up to 2^53) was a heap-allocated number at every step of the scan, three per word of a report
 * (~27,000 on one check, with the young-generation collections they brought). Exact digits, no
 * hashing: no false matches.
 */
export type ShingleVisitor = (head: number, tail: number) => void;

const WORD = /[a-z0-9]+/g;
/** What separates two words: the complement of WORD. */
const NON_WORD = /[^a-z0-9]+/;

/** The words of `text` as recognition sees them: runs of a-z0-9 after lower-casing. */
export const wordsOf = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

/** The largest vocabulary whose three-digit tails stay small integers: radix^3 <= 2^30. */
export const MAX_VOCABULARY = 1024;

/**
 * The text is read in slices, each split into its words by one native call: a regular expression
 * `exec` per word (a match object each, ~9,000 calls run by the interpreter) cost a cold `check`
 * ~8 ms more. Slices keep memory bounded: an array of every word of a pasted 3 MB file (and the
 * lower-cased copy it came from) took hundreds of MB at once.
 */
const SLICE = 65_536;

/** Where the slice of `text` from `from` ends: at a character no word contains, so no word straddles two slices. */
export function sliceEnd(text: string, from: number): number {
  let to = Math.min(text.length, from + SLICE);
  while (to < text.length && /[a-z0-9]/.test(text[to - 1]!.toLowerCase())) to++;
  return to;
}

/** The words of `text.slice(from, to)`, lower-cased; empty strings where it starts or ends with a non-word character. */
export const wordsOfSlice = (text: string, from: number, to: number): string[] => text.slice(from, to).toLowerCase().split(NON_WORD);

/**
 * Calls `visit` with the head and tail of every shingle of `text` made only of words in
 * `vocabulary` (a shingle with any other word cannot be a template's). Lookups of whole words in a
 * Map are native work, so this costs little even before the JIT has warmed up (hashing every
 * character in JavaScript took ~12 ms of a cold `check`). `templateCoverage` runs the same loop
 * with its lookup written in.
 */
export function forEachShingle(text: string, vocabulary: ReadonlyMap<string, number>, visit: ShingleVisitor): void {
  const radix = vocabulary.size;
  // The four word numbers before this word, oldest first.
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let w4 = 0;
  let run = 0; // known words ending here
  for (let from = 0; from < text.length; ) {
    const to = sliceEnd(text, from);
    const words = wordsOfSlice(text, from, to);
    from = to;
    for (let i = 0; i < words.length; i++) {
      if (words[i] === '') continue;
      const id = vocabulary.get(words[i]);
      if (id === undefined) {
        run = 0;
        continue;
      }
      run++;
      if (run >= SHINGLE) visit(w1 * radix + w2, (w3 * radix + w4) * radix + id);
      w1 = w2;
      w2 = w3;
      w3 = w4;
      w4 = id;
    }
  }
}

/**
 * The vocabulary as an open-addressing hash table over character codes, for
 * `forEachShingleByChars`: a word is looked up without being cut out of the text as a string.
 */
export interface VocabularyTable {
  readonly size: number;
  readonly mask: number;
  /** Per slot, the word's hash and its number (-1: empty slot). */
  readonly slotHash: Int32Array;
  readonly slotId: Int32Array;
  /** The words by number, to confirm a hash match character by character. */
  readonly words: readonly string[];
  readonly longest: number;
}

const hashStep = (hash: number, code: number): number => (Math.imul(hash, 31) + code) | 0;

export function vocabularyTable(vocabulary: ReadonlyMap<string, number>): VocabularyTable {
  let size = 1;
  while (size < vocabulary.size * 4) size <<= 1;
  const slotHash = new Int32Array(size);
  const slotId = new Int32Array(size).fill(-1);
  const words: string[] = [];
  let longest = 0;
  for (const [word, id] of vocabulary) {
    let hash = 0;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    let slot = hash & (size - 1);
    while (slotId[slot] !== -1) slot = (slot + 1) & (size - 1);
    slotHash[slot] = hash;
    slotId[slot] = id;
    words[id] = word;
    longest = Math.max(longest, word.length);
  }
  return { size: vocabulary.size, mask: size - 1, slotHash, slotId, words, longest };
}

/** `İ` (U+0130) lower-cases to `i` and a combining dot, the Kelvin sign (U+212A) to `k`. */
const DOTTED_CAPITAL_I = 0x130;
const KELVIN_SIGN = 0x212a;

/**
 * The same shingles as `forEachShingle`, in the same order, read character by character: no match
 * object, lower-cased copy or word string is made. Slower than the native search while its code
 * still runs in V8's interpreter (one report, a cold start), ~40% faster once optimised (the
 * reports after the first few of a batch). The only characters outside ASCII that lower-case to
 * a-z or 0-9 are `İ` and the Kelvin sign (every code point is checked by the tests).
 */
export function forEachShingleByChars(text: string, table: VocabularyTable, visit: ShingleVisitor): void {
  const { mask, slotHash, slotId, words, longest } = table;
  const radix = table.size;
  const word = new Uint16Array(longest + 1);
  // The four word numbers before this word, oldest first.
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let w4 = 0;
  let run = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === DOTTED_CAPITAL_I || c === KELVIN_SIGN)) {
      i++;
      continue;
    }
    let hash = 0;
    let length = 0;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        // as it is
      } else if (c >= 65 && c <= 90) c += 32;
      else if (c === KELVIN_SIGN) c = 107;
      else if (c === DOTTED_CAPITAL_I) {
        // `i` and then the combining dot, which ends the word.
        if (length <= longest) word[length] = 105;
        length++;
        hash = hashStep(hash, 105);
        i++;
        break;
      } else break;
      if (length <= longest) word[length] = c;
      length++;
      hash = hashStep(hash, c);
    }
    let id = -1;
    if (length <= longest) {
      for (let slot = hash & mask; slotId[slot] !== -1; slot = (slot + 1) & mask) {
        if (slotHash[slot] !== hash) continue;
        const candidate = words[slotId[slot]];
        if (candidate.length !== length) continue;
        let k = 0;
        while (k < length && candidate.charCodeAt(k) === word[k]) k++;
        if (k === length) {
          id = slotId[slot];
          break;
        }
      }
    }
    if (id === -1) {
      run = 0;
      continue;
    }
    run++;
    if (run >= SHINGLE) visit(w1 * radix + w2, (w3 * radix + w4) * radix + id);
    w1 = w2;
    w2 = w3;
    w3 = w4;
    w4 = id;
  }
}
