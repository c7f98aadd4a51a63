/**
 * `mergeReports(base, mine, theirs)`: a three-way merge of a report, answer by answer and box by
 * box. Answers and boxes are aligned by what they are (question number, box text), the template
 * text around them line by line (diff3). An answer changed on one side takes that side; changed on
 * both to different texts it is a conflict of that answer alone, written with git's markers inside
 * the answer (the heading and `> Answer:` line stay outside, so the checker still finds it). With
 * no conflict, every byte of every region nobody changed is kept.
 */
import { lineCounter } from '../lineIndex';
import { QUESTION_HEADING } from '../reportBoundaries';
import { diff3, type Region } from './diff3';
import { mergeAnswerSlot, mergeBoxSlot } from './mergeSlots';
import { reportUnits, type AnswerSlot, type BoxSlot, type ReportUnits, type Unit } from './reportUnits';

export interface TextRange {
  /** Offsets in the merged text (UTF-16 units), end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** One answer edited differently on both sides. Resolve it by setting that question's answer. */
export interface AnswerConflict {
  readonly question: number;
  /** The answers as written (LF line endings, blank lines around them removed); null where absent. */
  readonly base: string | null;
  readonly mine: string | null;
  readonly theirs: string | null;
  /** The marker block inside the answer, from `<<<<<<<` to the end of the `>>>>>>>` line. */
  readonly range: TextRange;
  /** 1-based line of the `<<<<<<<` marker. */
  readonly line: number;
}

/** Where the template text (or a whole question) was changed incompatibly: both versions kept between markers. */
export interface StructuralConflict {
  readonly message: string;
  readonly line: number;
  readonly range: TextRange;
  /** Questions whose heading or answer lies in the conflicting stretch. */
  readonly questions: readonly number[];
}

export interface MergeResult {
  readonly text: string;
  readonly conflicts: readonly AnswerConflict[];
  readonly structural: readonly StructuralConflict[];
  /** True when there is nothing to resolve: no conflict markers were written. */
  readonly clean: boolean;
}

export interface MergeOptions {
  /** Length of the marker runs (git's `conflict-marker-size`, default 7). */
  readonly markerSize?: number;
  /** Write the base version too (`|||||||`), as git's `merge.conflictStyle = diff3` asks. */
  readonly showBase?: boolean;
  readonly labels?: { readonly mine?: string; readonly base?: string; readonly theirs?: string };
}

type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'slot'; readonly id: string }
  | {
      readonly kind: 'structural';
      readonly mine: string;
      readonly base: string;
      readonly theirs: string;
      readonly questions: readonly number[];
      readonly message: string;
    };

const endsWithBreak = (s: string) => s === '' || /[\r\n]$/.test(s);

function keysOf(units: readonly Unit[], intern: (key: string) => number): number[] {
  return units.map((u) => intern(u.slot !== undefined ? `s${u.slot}` : `t${u.text}`));
}

function renderUnits(side: ReportUnits, [from, to]: readonly [number, number]): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const unit = side.units[i];
    out += unit.slot !== undefined ? side.slots.get(unit.slot)!.text : unit.text;
  }
  return out;
}

/** Question numbers whose heading or answer lies in these units. */
function questionsIn(side: ReportUnits, [from, to]: readonly [number, number]): number[] {
  const found: number[] = [];
  for (let i = from; i < to; i++) {
    const unit = side.units[i];
    const slot = unit.slot !== undefined ? side.slots.get(unit.slot) : undefined;
    if (slot?.kind === 'answer') found.push(slot.question);
    const heading = unit.text !== undefined ? QUESTION_HEADING.exec(unit.text) : null;
    if (heading) found.push(Number(heading[1]));
  }
  return found;
}

function slotIds(side: ReportUnits, [from, to]: readonly [number, number]): Set<string> {
  const ids = new Set<string>();
  for (let i = from; i < to; i++) if (side.units[i].slot !== undefined) ids.add(side.units[i].slot!);
  return ids;
}

/**
 * Answers or boxes the side that kept this stretch edited, while the other side's change removed
 * them (a question deleted or its template replaced): taking that change would lose their words.
 */
function editsLostBy(base: ReportUnits, keeper: ReportUnits, keeperRange: readonly [number, number], taker: ReportUnits, takerRange: readonly [number, number]): string[] {
  const kept = slotIds(taker, takerRange);
  return [...slotIds(keeper, keeperRange)].filter((id) => !kept.has(id) && keeper.slots.get(id)!.text !== base.slots.get(id)?.text);
}

const BOX_MARK = /\[[^\]\r\n]{0,4}\]/;
const withMark = (line: string, checked: boolean) => line.replace(BOX_MARK, checked ? '[x]' : '[ ]');

/**
 * When the only lost edits are ticks of boxes whose wording the other side changed (a newer
 * template), the ticks move onto the reworded boxes, paired in order. Returns the reworded boxes'
 * new texts, or null when the edits cannot be carried over that way.
 */
function carryTicks(base: ReportUnits, keeper: ReportUnits, keeperRange: readonly [number, number], taker: ReportUnits, takerRange: readonly [number, number], lost: readonly string[]): Map<string, string> | null {
  const keeperIds = slotIds(keeper, keeperRange);
  const takerIds = slotIds(taker, takerRange);
  const gone = [...keeperIds].filter((id) => !takerIds.has(id) && keeper.slots.get(id)!.kind === 'box');
  const added = [...takerIds].filter((id) => !keeperIds.has(id) && taker.slots.get(id)!.kind === 'box');
  if (gone.length !== added.length) return null;
  const carried = new Map<string, string>();
  for (const id of lost) {
    const was = base.slots.get(id);
    const now = keeper.slots.get(id)!;
    if (now.kind !== 'box' || was?.kind !== 'box' || withMark(was.text, false) !== withMark(now.text, false)) return null;
    const target = taker.slots.get(added[gone.indexOf(id)])!;
    carried.set(target.id, withMark(target.text, now.checked));
  }
  return carried;
}

function listQuestions(numbers: readonly number[]): string {
  const unique = [...new Set(numbers)];
  if (unique.length === 1) return `question ${unique[0]}`;
  return `questions ${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

function structuralPiece(region: Region, sides: { base: ReportUnits; mine: ReportUnits; theirs: ReportUnits }, lostEdit: boolean): Piece {
  const questions = [...new Set([...questionsIn(sides.mine, region.mine), ...questionsIn(sides.theirs, region.theirs), ...questionsIn(sides.base, region.base)])].sort((a, b) => a - b);
  const where = questions.length > 0 ? listQuestions(questions) : null;
  const message = lostEdit
    ? `One side removed or rewrote ${where ?? 'this part of the report'} while the other edited ${questions.length === 1 ? 'its answer' : 'an answer or box there'}: both versions are kept between conflict markers; keep one.`
    : `The template text ${where ? `of ${where}` : 'here'} was changed differently on both sides: both versions are kept between conflict markers; keep one (or combine them).`;
  return {
    kind: 'structural',
    mine: renderUnits(sides.mine, region.mine),
    base: renderUnits(sides.base, region.base),
    theirs: renderUnits(sides.theirs, region.theirs),
    questions,
    message,
  };
}

function pieces(base: ReportUnits, mine: ReportUnits, theirs: ReportUnits): Piece[] {
  const ids = new Map<string, number>();
  const intern = (key: string) => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const regions = diff3(keysOf(base.units, intern), keysOf(mine.units, intern), keysOf(theirs.units, intern));
  const out: Piece[] = [];
  const take = (side: ReportUnits, [from, to]: readonly [number, number], carried?: ReadonlyMap<string, string>) => {
    for (let i = from; i < to; i++) {
      const unit = side.units[i];
      const text = unit.slot !== undefined ? carried?.get(unit.slot) : unit.text;
      out.push(text !== undefined ? { kind: 'text', text } : { kind: 'slot', id: unit.slot! });
    }
  };
  for (const region of regions) {
    if (region.kind === 'conflict') {
      out.push(structuralPiece(region, { base, mine, theirs }, false));
      continue;
    }
    const [taker, takerRange, keeper, keeperRange] =
      region.kind === 'theirs' ? [theirs, region.theirs, mine, region.mine] : [mine, region.mine, theirs, region.theirs];
    const lost = region.kind === 'unchanged' || region.kind === 'both' ? [] : editsLostBy(base, keeper, keeperRange, taker, takerRange);
    const carried = lost.length > 0 ? carryTicks(base, keeper, keeperRange, taker, takerRange, lost) : undefined;
    if (carried === null) out.push(structuralPiece(region, { base, mine, theirs }, true));
    else take(taker, takerRange, carried);
  }
  return out;
}

export function mergeReports(baseText: string, mineText: string, theirsText: string, options: MergeOptions = {}): MergeResult {
  const base = reportUnits(baseText);
  const mine = reportUnits(mineText);
  const theirs = reportUnits(theirsText);
  // The sides' line ending when they agree (both members on Windows, the base from Linux), else the base's.
  const eol = mine.lineEnding === theirs.lineEnding ? mine.lineEnding : base.lineEnding;
  const size = options.markerSize ?? 7;
  const label = { mine: 'ours', base: 'base', theirs: 'theirs', ...options.labels };
  const open = `${'<'.repeat(size)} ${label.mine}${eol}`;
  const middle = `${'='.repeat(size)}${eol}`;
  const baseMarker = `${'|'.repeat(size)} ${label.base}${eol}`;
  const close = `${'>'.repeat(size)} ${label.theirs}`;

  const list = pieces(base, mine, theirs);
  // The last piece that writes anything: an answer conflict there ends the file as the sides did.
  let last = list.length - 1;
  while (last >= 0 && list[last].kind === 'text' && (list[last] as { text: string }).text === '') last--;

  let text = '';
  const answerConflicts: Omit<AnswerConflict, 'line'>[] = [];
  const structural: Omit<StructuralConflict, 'line'>[] = [];
  const answerBlock = (answer: string | null) => (answer ? answer.split('\n').join(eol) + eol : '');
  const sideBlock = (raw: string) => (endsWithBreak(raw) ? raw : raw + eol);

  list.forEach((piece, index) => {
    if (piece.kind === 'text') {
      text += piece.text;
      return;
    }
    if (piece.kind === 'structural') {
      if (!endsWithBreak(text)) text += eol;
      const start = text.length;
      text += open + sideBlock(piece.mine);
      if (options.showBase) text += baseMarker + sideBlock(piece.base);
      text += middle + sideBlock(piece.theirs) + close + eol;
      structural.push({ message: piece.message, range: { start, end: text.length }, questions: piece.questions });
      return;
    }
    const [b, m, t] = [base, mine, theirs].map((side) => side.slots.get(piece.id));
    if (!b && !m && !t) return;
    const kind = (m ?? t ?? b)!.kind;
    if (kind === 'box') {
      text += mergeBoxSlot(b as BoxSlot | undefined, m as BoxSlot | undefined, t as BoxSlot | undefined);
      return;
    }
    const [ba, ma, ta] = [b, m, t] as (AnswerSlot | undefined)[];
    const outcome = mergeAnswerSlot(ba, ma, ta);
    if (outcome.kind === 'take') {
      text += outcome.text;
      return;
    }
    // Both sides changed this answer: markers inside the answer, laid out as the editor writes
    // answers (a blank line after the `> Answer:` line and before the next heading).
    text += (endsWithBreak(text) ? '' : eol) + eol;
    const start = text.length;
    text += open + answerBlock(ma?.answer ?? null);
    if (options.showBase) text += baseMarker + answerBlock(ba?.answer ?? null);
    text += middle + answerBlock(ta?.answer ?? null) + close;
    const end = text.length;
    const finalBreak = [ma, ta].some((s) => s && /[\r\n]$/.test(s.text));
    text += index === last ? (finalBreak ? eol : '') : eol + eol;
    answerConflicts.push({ question: (ma ?? ta)!.question, base: ba?.answer ?? null, mine: ma?.answer ?? null, theirs: ta?.answer ?? null, range: { start, end } });
  });

  const lineAt = lineCounter(text);
  return {
    text,
    conflicts: answerConflicts.map((c) => ({ ...c, line: lineAt(c.range.start) })),
    structural: structural.map((s) => ({ ...s, line: lineAt(s.range.start) })),
    clean: answerConflicts.length === 0 && structural.length === 0,
  };
}
