/**
 * The fingerprint of the blank templates, as numbers: every run of five words (a shingle) of a
 * blank template, as two exact small integers, with the set of template versions that contain it.
 * Recognising a report's template compares its shingles with these.
 *
 * Built from the blank templates ahead of time (src/core/templates/templateFingerprints.ts, kept
 * equal to `buildFingerprintTable(BLANK_TEMPLATES)` by test/core/templateFingerprints.test.ts):
 * building it from the 100 kB of template text on every start was most of `report-editor check`'s
 * CPU (~45 ms of a ~200 ms run), and the table is the same for every run.
 */
import type { Generation, Range } from './constraints';
import type { ReportDocument } from './reportModel';
import {
  forEachShingle,
  forEachShingleByChars,
  MAX_VOCABULARY,
  SHINGLE,
  sliceEnd,
  vocabularyTable,
  type VocabularyTable,
  wordsOf,
  wordsOfSlice,
} from './templateShingles';

/** What the detector needs to know of one blank template version. */
export interface FingerprintedTemplate {
  readonly version: string;
  readonly generation: Generation;
  /** The word and image ranges each question's prompt declares (what the student is told). */
  readonly declared: readonly DeclaredRanges[];
}

export interface DeclaredRanges {
  readonly number: number;
  readonly declaredWords: Range | null;
  readonly declaredImages: Range | null;
}

/**
 * The table as stored: the templates (oldest first) and, per set of templates (a bit mask over
 * `templates`), the shingles exactly those templates contain, as two lists of the same length:
 * the heads and the tails (see `ShingleVisitor`), sorted by head, then tail. They are stored as
 * number literals: V8 makes such an array from the compiled code in one copy, where reading them
 * from text (split, parseInt) cost a cold `check` ~3 ms.
 */
export interface FingerprintTable {
  /** Every word of the blank templates, space-separated; a word's number is its position. */
  readonly vocabulary: string;
  readonly templates: readonly FingerprintedTemplate[];
  readonly shingles: readonly { readonly mask: number; readonly heads: readonly number[]; readonly tails: readonly number[] }[];
}

/** Builds the stored table from the blank templates and their parsed documents. */
export function buildFingerprintTable(
  templates: readonly { readonly version: string; readonly generation: Generation; readonly text: string }[],
  parse: (text: string) => ReportDocument,
): FingerprintTable {
  const words = [...new Set(templates.flatMap((t) => wordsOf(t.text)))].sort();
  if (words.length > MAX_VOCABULARY) {
    throw new Error(
      `the templates have ${words.length} distinct words; shingle keys are small integers only up to ${MAX_VOCABULARY}`,
    );
  }
  const vocabulary = new Map(words.map((w, i) => [w, i]));
  // Head and tail as one exact number (below 2^50), only here, where speed does not matter.
  const TAILS = Math.pow(words.length, 3);
  const masks = new Map<number, number>();
  templates.forEach((t, i) =>
    forEachShingle(t.text, vocabulary, (head, tail) => {
      const key = head * TAILS + tail;
      masks.set(key, (masks.get(key) ?? 0) | (1 << i));
    }),
  );
  const byMask = new Map<number, number[]>();
  for (const [key, mask] of masks) byMask.set(mask, [...(byMask.get(mask) ?? []), key]);
  return {
    vocabulary: words.join(' '),
    templates: templates.map((t) => ({
      version: t.version,
      generation: t.generation,
      declared: parse(t.text).questions.map((q) => ({
        number: q.number,
        declaredWords: q.declaredWords,
        declaredImages: q.declaredImages,
      })),
    })),
    shingles: [...byMask]
      .sort((a, b) => a[0] - b[0])
      .map(([mask, keys]) => {
        keys.sort((a, b) => a - b);
        return { mask, heads: keys.map((k) => Math.floor(k / TAILS)), tails: keys.map((k) => k % TAILS) };
      }),
  };
}

/** The stored table, ready for lookups. */
export interface Fingerprints {
  readonly vocabulary: ReadonlyMap<string, number>;
  /** The vocabulary for `forEachShingleByChars`, built on first use. */
  byChars?: VocabularyTable;
  readonly templates: readonly FingerprintedTemplate[];
  /**
   * The template shingles by tail, as an open-addressing hash table: `tailSlots` holds a tail (-1:
   * empty) and `firstWithTail` the position of a shingle with that tail; the others with the same
   * tail follow through `nextWithTail` (-1 ends). Per position: its head, and its group (the set
   * of templates holding it). Typed arrays rather than a Map: built on every `check`, a Map of
   * 3,681 keys grew through a dozen sizes, ~300 kB of garbage on a start-up short of memory.
   */
  readonly tailSlots: Int32Array;
  readonly firstWithTail: Int32Array;
  readonly nextWithTail: Int32Array;
  readonly headOf: Int32Array;
  readonly groupOfShingle: Uint16Array;
  /** Per group, the bit mask of templates holding its shingles, and how many shingles it has. */
  readonly groupMasks: readonly number[];
  readonly groupSizes: readonly number[];
}

const bitCount = (mask: number): number => {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
};

/*
 * A tail's first slot is `(tail ^ (tail >>> 13)) & mask`, then the next free one: on real-041 a
 * lookup takes 1.46 probes (a multiplicative hash 1.43, but through a call of Math.imul). Written
 * out where it is used (building the table, the cold scan): a function call per shingle cost the
 * interpreter more than the probe itself.
 */

export function readFingerprintTable(table: FingerprintTable): Fingerprints {
  // Built once per process, on every `check`, by code V8 runs in its interpreter: plain loops into
  // arrays of their final size, without the intermediate arrays (a growing list of groups, a
  // [word, number] pair per word) that were ~150 kB of garbage on a start-up short of memory.
  // Every number here is a small integer: no heap-allocated number is made or kept.
  const { shingles } = table;
  let count = 0;
  for (let g = 0; g < shingles.length; g++) count += shingles[g].heads.length;
  let size = 1;
  while (size < count * 2) size <<= 1;
  const tailSlots = new Int32Array(size).fill(-1);
  const firstWithTail = new Int32Array(size);
  const nextWithTail = new Int32Array(count);
  const headOf = new Int32Array(count);
  const groupOfShingle = new Uint16Array(count);
  const groupSizes: number[] = [];
  let index = 0;
  for (let group = 0; group < shingles.length; group++) {
    const { heads, tails } = shingles[group];
    for (let i = 0; i < heads.length; i++, index++) {
      const tail = tails[i];
      let slot = (tail ^ (tail >>> 13)) & (size - 1);
      while (tailSlots[slot] !== -1 && tailSlots[slot] !== tail) slot = (slot + 1) & (size - 1);
      if (tailSlots[slot] === -1) {
        tailSlots[slot] = tail;
        nextWithTail[index] = -1;
      } else nextWithTail[index] = firstWithTail[slot];
      firstWithTail[slot] = index;
      headOf[index] = heads[i];
      groupOfShingle[index] = group;
    }
    groupSizes.push(heads.length);
  }
  const vocabulary = new Map<string, number>();
  const words = table.vocabulary.split(' ');
  for (let i = 0; i < words.length; i++) vocabulary.set(words[i], i);
  return {
    vocabulary,
    templates: table.templates,
    tailSlots,
    firstWithTail,
    nextWithTail,
    headOf,
    groupOfShingle,
    groupMasks: shingles.map((s) => s.mask),
    groupSizes,
  };
}

/**
 * Share of each template's weighted wording found in `text`, 0..1, in the order of
 * `fingerprints.templates`. A shingle weighs 1 / (number of templates holding it): the wording only
 * one version has decides between versions. Sums run group by group, so a blank template scores
 * exactly 1 against itself. `warm`: the caller has recognised a few texts already in this process,
 * so the character-by-character scan is (or soon will be) optimised and the faster of the two.
 */
export function templateCoverage(fingerprints: Fingerprints, text: string, warm = false): number[] {
  const { vocabulary, tailSlots, firstWithTail, nextWithTail, headOf, groupOfShingle, groupMasks, groupSizes } = fingerprints;
  const mask = tailSlots.length - 1;
  const seen = new Uint8Array(groupOfShingle.length);
  const found = groupMasks.map(() => 0);
  /** Counts the template shingle `head`, `tail`, if it is one and was not seen yet. */
  const visit = (head: number, tail: number) => {
    let slot = (tail ^ (tail >>> 13)) & mask;
    while (tailSlots[slot] !== -1 && tailSlots[slot] !== tail) slot = (slot + 1) & mask;
    if (tailSlots[slot] === -1) return;
    let index = firstWithTail[slot];
    while (index !== -1 && headOf[index] !== head) index = nextWithTail[index];
    if (index === -1 || seen[index] === 1) return;
    seen[index] = 1;
    found[groupOfShingle[index]]++;
  };
  if (warm) forEachShingleByChars(text, (fingerprints.byChars ??= vocabularyTable(vocabulary)), visit);
  else {
    // forEachShingle with `visit` written in: one text, run once by the interpreter, where the
    // ~4,000 calls of a report's shingles (and their closure's variables) cost more than the lookups.
    const radix = vocabulary.size;
    let w1 = 0;
    let w2 = 0;
    let w3 = 0;
    let w4 = 0;
    let run = 0;
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
        if (run >= SHINGLE) {
          const tail = (w3 * radix + w4) * radix + id;
          let slot = (tail ^ (tail >>> 13)) & mask;
          while (tailSlots[slot] !== -1 && tailSlots[slot] !== tail) slot = (slot + 1) & mask;
          if (tailSlots[slot] !== -1) {
            const head = w1 * radix + w2;
            let index = firstWithTail[slot];
            while (index !== -1 && headOf[index] !== head) index = nextWithTail[index];
            if (index !== -1 && seen[index] === 0) {
              seen[index] = 1;
              found[groupOfShingle[index]]++;
            }
          }
        }
        w1 = w2;
        w2 = w3;
        w3 = w4;
        w4 = id;
      }
    }
  }
  return fingerprints.templates.map((_, i) => {
    let score = 0;
    let total = 0;
    groupMasks.forEach((mask, group) => {
      if (!(mask & (1 << i))) return;
      const weight = 1 / bitCount(mask);
      score += found[group] * weight;
      total += groupSizes[group] * weight;
    });
    return total === 0 ? 0 : score / total;
  });
}
