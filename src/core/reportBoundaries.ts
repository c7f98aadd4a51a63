/**
 * The headings that divide a report: `### Question N` at any level, the template's section
 * headings (level 1–2, matched loosely) and the checklist heading. Everything else is content.
 */

/** Any ATX heading: its `#`s and its text without closing `#`s. */
export const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
// Any space between the parts, also a non-breaking one pasted from a web page or Word: Python's
// markdown strips it from the heading, so the graded page shows "Question 7" all the same.
export const QUESTION_HEADING = /^ {0,3}#{1,6}[^\S\r\n]*Question[^\S\r\n]*(\d{1,3})\b/i;

/** The template's section headings; any heading level, matched loosely. */
const SECTION_NAMES = [
  'group information',
  'coding environment',
  'version control',
  'running code and tracking experiments',
  'working in the cloud',
  'deployment',
  'overall discussion of project',
];

function normalizeHeadingText(s: string): string {
  return s.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * A section heading's name as students reword it: "## 2. Version control", "## Version control:",
 * "## Version-control 🚀" all name the template's "Version control" (a numbering, punctuation,
 * symbols and "&" for "and" aside). Without this, a renamed section heading looked like a heading
 * inside the answer before it, and the doctor pulled the section's intro into that answer.
 */
function sectionName(norm: string): string {
  return norm
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:(?:section|part)\s+)?\d+\s+/, '');
}

/** A line that starts a new part of the report: a question, a template section or the checklist. */
export type Boundary =
  | { kind: 'question'; number: number }
  | { kind: 'section'; title: string }
  | { kind: 'checklist'; title: string };

export function boundaryOf(content: string): Boundary | null {
  if (!content.includes('#')) return null;
  const q = QUESTION_HEADING.exec(content);
  if (q) return { kind: 'question', number: Number(q[1]) };
  const h = HEADING.exec(content);
  if (!h || h[1].length > 2) return null;
  const title = (h[2] ?? '').trim();
  const norm = normalizeHeadingText(title);
  if (norm.includes('checklist')) return { kind: 'checklist', title };
  if (SECTION_NAMES.includes(norm) || SECTION_NAMES.includes(sectionName(norm))) return { kind: 'section', title };
  return null;
}
