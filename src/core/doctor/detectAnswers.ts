/**
 * Inside the answers: what cuts an answer for the checker (headings, `##`, a typed `Answer:`) and
 * what the template left behind (placeholders, TODO marks).
 */
import { type DoctorContext, type Draft, type DraftFix, MARKER_LINE, type QuestionZone } from './context';
import { PLACEHOLDER_PATTERN } from './answerWords';
import { isBlank, type LineEdit } from './textLines';

/** A heading line in an answer, possibly inside a quote or a list item: `- ### Locally:`. */
const ANSWER_HEADING = /^((?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?)(#{2,})(.*)$/;

/** First line of the answer proper (after the `Answer:` line, or the marker line itself when the answer starts on it). */
function answerFrom(zone: QuestionZone): number {
  return zone.marker !== null && !zone.question.answerOnMarkerLine ? zone.marker + 1 : zone.answerStart;
}

function isHeadingLine(content: string): boolean {
  return ANSWER_HEADING.test(content);
}

/** The line written as bold text instead of a heading: `#### Details` → `**Details**`. */
export function headingToBold(content: string): string | null {
  const m = ANSWER_HEADING.exec(content);
  if (!m) return null;
  const prefix = m[1];
  const text = m[3].replace(/[ \t]+#+[ \t]*$/, '').trim();
  if (text === '') return prefix.trimEnd();
  return /\*\*|__/.test(text) ? `${prefix}${text}` : `${prefix}**${text}**`;
}

function headings(ctx: DoctorContext): Draft[] {
  const out: Draft[] = [];
  const { lines } = ctx;
  const lastZone = ctx.zones.length > 0 ? ctx.zones[ctx.zones.length - 1] : null;
  for (const zone of ctx.zones) {
    const n = zone.question.number;
    const from = answerFrom(zone);
    const first = zone.question.answerOnMarkerLine ? from + 1 : from;
    const isLast = zone === lastZone;
    // A question whose heading a fix restores ends this answer early.
    let end = zone.end;
    for (let i = from; i < zone.end; i++) {
      if (ctx.restoredStarts.has(i)) {
        end = i;
        break;
      }
    }
    let lastContent = -1;
    for (let i = end - 1; i >= from; i--) {
      if (!isBlank(lines[i].content)) {
        lastContent = i;
        break;
      }
    }
    for (let i = first; i < end; i++) {
      const content = lines[i].content;
      if (!content.includes('##')) continue;
      const heading = !ctx.inFence[i] ? ANSWER_HEADING.exec(content) : null;
      // Words after this line in the answer (what the checker's cut loses).
      let contentAfter = false;
      for (let k = i + 1; k < end; k++) {
        if (!isBlank(lines[k].content) && !isHeadingLine(lines[k].content)) {
          contentAfter = true;
          break;
        }
      }
      if (heading) {
        const threeHashes = heading[2].length >= 3;
        // The last answer is appended whole by the checker: only a "###" there matters (it adds an answer).
        if (isLast ? !threeHashes : !contentAfter) continue;
        const bold = headingToBold(content)!;
        const plain = heading[1].trim() === '';
        const boldEdits = (): LineEdit[] => {
          const edits: LineEdit[] = [{ at: i, deleteCount: 1, insert: [bold] }];
          if (plain && i - 1 >= from && !isBlank(lines[i - 1].content)) edits.push({ at: i, deleteCount: 0, insert: [''] });
          if (plain && i + 1 < end && !isBlank(lines[i + 1].content) && !isHeadingLine(lines[i + 1].content)) {
            edits.push({ at: i + 1, deleteCount: 0, insert: [''] });
          }
          return edits;
        };
        const moveEdits = (): LineEdit[] => {
          const blankAround = i - 1 >= from && isBlank(lines[i - 1].content) && i + 1 < end && isBlank(lines[i + 1].content);
          return [
            { at: i, deleteCount: blankAround ? 2 : 1, insert: [] },
            { at: lastContent + 1, deleteCount: 0, insert: ['', content] },
          ];
        };
        const options = isLast
          ? [{ id: 'bold', label: 'make it bold text' }]
          : [
              { id: 'bold', label: 'make it bold text' },
              { id: 'move', label: 'move it below the answer' },
            ];
        out.push({
          kind: 'heading-in-answer',
          severity: isLast ? 'breaks-checker' : 'changes-grade',
          simulate: true,
          line: i,
          question: n,
          message: isLast
            ? `The heading "${content.trim()}" in the last answer makes the checker count one answer too many (it keeps the text before any "###" and then adds the last answer again).`
            : `The heading "${content.trim()}" inside question ${n}'s answer ends the answer for the checker: the words after it are not counted.`,
          fix: {
            label: 'make the heading bold text',
            options,
            edits: (option) => (option === 'move' && !isLast ? moveEdits() : boldEdits()),
          },
        });
        continue;
      }
      if (isLast ? !content.includes('###') : !contentAfter && !/##.*\S/.test(content.slice(content.indexOf('##') + 2))) continue;
      const inCode = ctx.inFence[i] || /`[^`]*##/.test(content);
      out.push({
        kind: 'hashes-in-answer',
        severity: isLast ? 'breaks-checker' : 'changes-grade',
        line: i,
        question: n,
        message: isLast
          ? `"###" in the last answer (line "${content.trim()}") makes the checker count one answer too many. Write it another way (e.g. a single "#").`
          : `"##" in question ${n}'s answer${inCode ? ' (in code)' : ''} ends the answer for the checker: the words after it are not counted. ${inCode ? 'Use a single "#" for the comment' : 'Write it another way'}; only you can change these words.`,
      });
    }
  }
  return out;
}

/** Is offset `at` of the line inside an inline code span (an odd number of backticks before it)? */
function inInlineCode(content: string, at: number): boolean {
  return (content.slice(0, at).match(/`/g) ?? []).length % 2 === 1;
}

function extraMarkers(ctx: DoctorContext): Draft[] {
  const out: Draft[] = [];
  const allowed = new Map<number, number>(); // line → column of its one allowed `Answer:`
  for (const zone of ctx.zones) {
    if (zone.marker !== null) allowed.set(zone.marker, ctx.lines[zone.marker].content.indexOf('Answer:'));
    else {
      // A marker a formatter joined onto a prompt line (the joined-quote fix restores its line).
      for (let i = zone.heading + 1; i < zone.end; i++) {
        const c = ctx.lines[i].content;
        const m = /(?:^|[ \t])>[ \t]*(?:[*_]{1,3})?(?=Answer:)/.exec(c.replace(/^[ \t]*>/, ' '));
        if (/^[ \t]*>/.test(c) && m) {
          allowed.set(i, c.indexOf('Answer:', m.index));
          break;
        }
      }
    }
  }
  for (const line of ctx.claimedLines) {
    const c = ctx.lines[line]?.content ?? '';
    if (MARKER_LINE.test(c)) allowed.set(line, c.indexOf('Answer:'));
  }
  // Lines that are only a repeated "> Answer:", per question (null: before the first question).
  const repeatedCopies = new Map<number | null, number[]>();
  ctx.lines.forEach((line, i) => {
    const content = line.content;
    if (!content.includes('Answer:')) return;
    const columns: number[] = [];
    for (let at = content.indexOf('Answer:'); at !== -1; at = content.indexOf('Answer:', at + 1)) {
      if (allowed.get(i) !== at) columns.push(at);
    }
    if (columns.length === 0) return;
    const zone = ctx.zoneAt(i);
    const n = zone?.question.number ?? null;
    const found = (message: string, fix: DraftFix) =>
      out.push({ kind: 'extra-answer-marker', severity: 'cosmetic', simulate: true, line: i, question: n, message, fix });
    if (/^[ \t]*(?:>[ \t]*)*[*_]*Answer:[*_]*[ \t]*$/.test(content) && columns.length === 1) {
      // A second copy of the template's "> Answer:" line: it carries no words of the student's.
      const copies = repeatedCopies.get(n);
      if (copies) copies.push(i);
      else repeatedCopies.set(n, [i]);
      return;
    }
    let fixed = content;
    for (const at of [...columns].reverse()) {
      const code = ctx.inFence[i] || inInlineCode(content, at);
      fixed = fixed.slice(0, at) + (code ? 'Answer\u2060:' : 'Answer&#58;') + fixed.slice(at + 'Answer:'.length);
    }
    const code = columns.some((at) => ctx.inFence[i] || inInlineCode(content, at));
    found(
      `"Answer:" is typed here${n !== null ? ` in question ${n}` : ''}. The checker cuts the whole file at every "Answer:", so it reads this as the start of a new answer: the words before it are lost and later answers can move.` +
        (code
          ? ' The fix puts an invisible word joiner between "Answer" and ":" (inside code an HTML entity would show as typed).'
          : ' The fix writes the colon as the HTML entity "&#58;", which the graded page shows as ":".'),
      {
        label: code ? 'separate "Answer" and ":" with an invisible word joiner' : 'write it as "Answer&#58;"',
        edits: () => [{ at: i, deleteCount: 1, insert: [fixed] }],
      },
    );
  });
  for (const [n, copies] of repeatedCopies) out.push(...repeatedMarkerDrafts(n, copies));
  return out;
}

/**
 * Past this many repeated "> Answer:" lines in one question they are one finding with one fix: a
 * pasted or generated file can hold hundreds of thousands, and a finding (with its fix and its
 * simulation) per line took seconds and hundreds of MB while telling the student nothing more.
 */
export const MAX_SEPARATE_REPEATED_MARKERS = 20;

function repeatedMarkerDrafts(n: number | null, copies: readonly number[]): Draft[] {
  const inQuestion = n !== null ? ` in question ${n}` : '';
  const forQuestion = n !== null ? ` for question ${n}` : '';
  if (copies.length > MAX_SEPARATE_REPEATED_MARKERS) {
    return [
      {
        kind: 'extra-answer-marker',
        severity: 'cosmetic',
        simulate: true,
        line: copies[0],
        question: n,
        message: `${copies.length} repeated "> Answer:" lines${inQuestion} (the first here). The checker cuts the file at every "Answer:", so only the text after the last one counts${forQuestion}, and later answers can move.`,
        fix: {
          label: `remove the ${copies.length} repeated "> Answer:" lines`,
          // Built only when the fix is simulated or applied: one deletion per line.
          edits: () => copies.map((at) => ({ at, deleteCount: 1, insert: [] })),
        },
      },
    ];
  }
  return copies.map((i) => ({
    kind: 'extra-answer-marker',
    severity: 'cosmetic',
    simulate: true,
    line: i,
    question: n,
    message: `A second "> Answer:" line${inQuestion}. The checker cuts the file at every "Answer:", so only the text after this one counts${forQuestion}, and later answers can move.`,
    fix: { label: 'remove the repeated "> Answer:" line', edits: () => [{ at: i, deleteCount: 1, insert: [] }] },
  }));
}

function placeholdersAndTodos(ctx: DoctorContext): Draft[] {
  const out: Draft[] = [];
  const { lines } = ctx;
  const seen = new Set<number>();
  for (const zone of ctx.zones) {
    const n = zone.question.number;
    const from = answerFrom(zone);
    const answerText = lines
      .slice(from, zone.end)
      .map((l, k) => (from + k === zone.marker ? l.content.slice(l.content.indexOf('Answer:') + 7) : l.content))
      .join('\n');
    const withoutPlaceholders = answerText.replace(PLACEHOLDER_PATTERN, '').replace(/`/g, '');
    const hasPlaceholder = answerText.replace(PLACEHOLDER_PATTERN, '\0') !== answerText;
    if (hasPlaceholder && withoutPlaceholders.trim() === '' && !seen.has(n)) {
      seen.add(n);
      const at = lines.findIndex((l, k) => k >= from && k < zone.end && new RegExp(PLACEHOLDER_PATTERN.source, 'i').test(l.content));
      out.push({
        kind: 'unanswered',
        severity: 'changes-grade',
        line: at >= 0 ? at : zone.answerStart,
        question: n,
        message: `Question ${n} is not answered yet: only the template's placeholder is there (the checker counts its 6 words).`,
      });
      continue;
    }
    for (let i = from; i < zone.end; i++) {
      const content = lines[i].content;
      if (hasPlaceholder && new RegExp(PLACEHOLDER_PATTERN.source, 'i').test(content)) {
        const rest = content.replace(PLACEHOLDER_PATTERN, '');
        const alone = rest.replace(/`/g, '').trim() === '' || (i === zone.marker && rest.trimEnd().endsWith('Answer:'));
        let edits: LineEdit[];
        if (alone && i !== zone.marker) {
          const blankBefore = i - 1 < from || isBlank(lines[i - 1].content);
          const blankAfter = i + 1 < lines.length && isBlank(lines[i + 1].content);
          edits = [{ at: i, deleteCount: blankBefore && blankAfter ? 2 : 1, insert: [] }];
        } else {
          edits = [{ at: i, deleteCount: 1, insert: [content.replace(new RegExp(`[ \\t]?(?:${PLACEHOLDER_PATTERN.source})`, 'gi'), '').replace(/^[ \t]+/, (s) => (i === zone.marker ? s : ''))] }];
        }
        out.push({
          kind: 'placeholder',
          severity: 'changes-grade',
          line: i,
          question: n,
          message: `The template's placeholder "--- question ${n} fill here ---" is still next to question ${n}'s answer; the checker counts its 6 words.`,
          fix: { label: 'remove the placeholder', edits: () => edits },
        });
      }
      const todo = /\b(TODO|FIXME|TBD)\b/.exec(content);
      if (todo) {
        out.push({
          kind: 'todo',
          severity: 'changes-grade',
          line: i,
          question: n,
          message: `"${todo[1]}" is left in question ${n}'s answer ("${content.trim().slice(0, 60)}"): the grader will see it. Only you can finish this.`,
        });
      }
    }
  }
  return out;
}

export function detectAnswers(ctx: DoctorContext): Draft[] {
  return [...headings(ctx), ...extraMarkers(ctx), ...placeholdersAndTodos(ctx)];
}
