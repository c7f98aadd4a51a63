/**
 * Reads the constraint table and quirks out of a repo's own `reports/report.py`, so that a repo
 * carrying an older or edited checker is judged by the checker it actually has.
 * Both styles are understood: `partial(length_constraints, min_length=.., max_length=..)` (older)
 * and `"question_N": LengthConstraints(min_length=.., max_length=..)` (newer).
 */
import type { CheckerProfile, Generation, QuestionConstraint, Range } from './constraints';

export interface ReportPyParse {
  readonly profile: CheckerProfile;
}

/** Splits `s` at top-level commas (outside (), [], {}). */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** The text between the bracket at `open` and its partner. */
function bracketBody(s: string, open: number): { body: string; end: number } | null {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return { body: s.slice(open + 1, i), end: i + 1 };
    }
  }
  return null;
}

function keywordInt(args: string, names: readonly string[]): number | null {
  for (const name of names) {
    const m = new RegExp(`\\b${name}\\s*=\\s*(\\d+)`).exec(args);
    if (m) return Number(m[1]);
  }
  return null;
}

function rangeFrom(args: string, minNames: string[], maxNames: string[]): Range | null {
  const min = keywordInt(args, minNames);
  const max = keywordInt(args, maxNames);
  return min === null || max === null ? null : { min, max };
}

/** Interprets one constraint expression of either style. */
function parseConstraintExpr(expr: string): QuestionConstraint | null {
  const e = expr.trim();
  if (/^no_constraints\b|^NoConstraints\s*\(/.test(e)) return {};
  const call = /^(partial\s*\(\s*)?([A-Za-z_]\w*)/.exec(e);
  if (!call) return null;
  const open = e.indexOf('(');
  const inner = open >= 0 ? bracketBody(e, open) : null;
  if (!inner) return null;
  const isPartial = call[1] !== undefined;
  const name = isPartial ? (/^\s*([A-Za-z_]\w*)/.exec(inner.body)?.[1] ?? '') : call[2];
  const args = inner.body;
  if (name === 'length_constraints' || name === 'LengthConstraints') {
    const words = rangeFrom(args, ['min_length'], ['max_length']);
    return words ? { words } : null;
  }
  if (name === 'image_constrains' || name === 'image_constraints' || name === 'ImageConstraints') {
    const images = rangeFrom(args, ['min_images', 'min_length'], ['max_images', 'max_length']);
    return images ? { images } : null;
  }
  if (name === 'multi_constrains' || name === 'multi_constraints' || name === 'MultiConstraints') {
    const listStart = args.search(/[([]/);
    const list = listStart >= 0 ? bracketBody(args, listStart) : null;
    if (!list) return null;
    let merged: QuestionConstraint = {};
    for (const part of splitTopLevel(list.body)) {
      const c = parseConstraintExpr(part);
      if (!c) return null;
      merged = { ...merged, ...c };
    }
    return merged;
  }
  return null;
}

function parseTable(source: string): QuestionConstraint[] | null {
  const assign = /question_constrain\w*\s*(?::[^=]*)?=\s*([[{])/.exec(source);
  if (!assign) return null;
  const list = bracketBody(source, assign.index + assign[0].length - 1);
  if (!list) return null;
  const entries = splitTopLevel(list.body.replace(/#[^\n]*/g, ''));
  const table: QuestionConstraint[] = [];
  for (const entry of entries) {
    // Dict style: "question_3": LengthConstraints(...)
    const expr = assign[1] === '{' ? entry.replace(/^\s*["'][^"']*["']\s*:/, '') : entry;
    const c = parseConstraintExpr(expr);
    if (!c) return null;
    table.push(c);
  }
  return table;
}

/**
 * The checker profile a `report.py` implements, or null when the file is not recognisably the
 * course's checker (then the course defaults apply).
 */
export function parseReportPy(source: string, path?: string): CheckerProfile | null {
  const text = source.replace(/\r\n?/g, '\n');
  const questions = parseTable(text);
  if (!questions || questions.length === 0) return null;
  const countMatch = /len\(answers\)\s*!=\s*(\d+)/.exec(text);
  const expectedAnswers = countMatch ? Number(countMatch[1]) : questions.length;
  const generation: Generation = expectedAnswers <= 27 ? 27 : 31;
  const checkBody = text.slice(text.search(/def check\s*\(/));
  const header = /text\s*=\s*text\[(\d+):\]/.exec(checkBody.split(/\n(?:@|def )/)[0] ?? '');
  const discardFirst = /per_question\.pop\(0\)|per_question\s*=\s*per_question\[1:\]/.test(checkBody)
    ? 'piece'
    : 'answer';
  const message =
    /raise ValueError\(\s*(?:f)?"([^"]*)"/.exec(checkBody)?.[1] ??
    /msg\s*=\s*(?:f)?"([^"]*)"/.exec(checkBody)?.[1] ??
    `Number of answers are different from the expected ${expectedAnswers}.`;
  return {
    generation,
    expectedAnswers,
    headerChars: header ? Number(header[1]) : 0,
    discardFirst,
    countError: `ValueError: ${message}`,
    questions,
    source: { kind: 'report.py', path },
  };
}
