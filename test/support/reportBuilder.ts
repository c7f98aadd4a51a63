/**
 * Builds small synthetic reports in the template's exact shape, so tests can state precisely the
 * drift they exercise instead of pasting walls of text.
 */
import { COURSE_PROFILE_27, COURSE_PROFILE_31, type Generation } from '../../src/core/constraints';
import { placeholderFor } from '../../src/core/reportModel';

export interface BuildOptions {
  generation?: Generation;
  /** Answer text per question number; unspecified questions keep the placeholder. */
  answers?: Record<number, string>;
  /** Questions whose `> Answer:` line is left out. */
  dropMarker?: number[];
  /** Questions whose heading is left out. */
  dropHeading?: number[];
  eol?: '\n' | '\r\n' | '\r';
  bom?: boolean;
  finalNewline?: boolean;
  checked?: number[];
}

const SECTIONS: [number, string][] = [
  [1, 'Group information'],
  [4, 'Coding environment'],
  [7, 'Version control'],
  [12, 'Running code and tracking experiments'],
  [17, 'Working in the cloud'],
  [23, 'Deployment'],
  [28, 'Overall discussion of project'],
];

export const CHECKLIST = [
  ['Week 1', ['Create a git repository (M5)', 'Create a dedicated environment for you project (M2)']],
  ['Week 2', ['Write unit tests related to the data part of your code (M16)']],
  ['Week 3', ['Check how robust your model is towards data drifting (M27)']],
] as const;

/** A word range line as the template writes it, for questions that have one. */
function lengthLine(generation: Generation, n: number): string | null {
  const c = (generation === 27 ? COURSE_PROFILE_27 : COURSE_PROFILE_31).questions[n - 1];
  if (!c?.words) return null;
  return `> Recommended answer length: ${c.words.min}-${c.words.max} words.`;
}

export function buildReport(options: BuildOptions = {}): string {
  const generation = options.generation ?? 31;
  const eol = options.eol ?? '\n';
  const lines: string[] = [];
  if (generation === 27) lines.push('---', 'layout: default', 'nav_exclude: true', '---', '');
  lines.push('# Exam template for 02476 Machine Learning Operations', '', 'This is the report template for the exam.', '');
  lines.push('## Overall project checklist', '');
  let item = 0;
  for (const [group, items] of CHECKLIST) {
    lines.push(`### ${group}`, '');
    for (const text of items) {
      lines.push(`* [${options.checked?.includes(item) ? 'x' : ' '}] ${text}`);
      item++;
    }
    lines.push('');
  }
  for (let n = 1; n <= generation; n++) {
    const section = SECTIONS.find(([first]) => first === n);
    if (section) lines.push(`## ${section[1]}`, '');
    if (!options.dropHeading?.includes(n)) lines.push(`### Question ${n}`, '');
    lines.push(`> **Prompt of question ${n}?**`, '>');
    const length = lengthLine(generation, n);
    if (length) lines.push(length, '>');
    lines.push('> Example:', `> *An example answer for ${n}.*`, '>');
    if (!options.dropMarker?.includes(n)) lines.push('> Answer:');
    lines.push('', options.answers?.[n] ?? placeholderFor(n), '');
  }
  let text = lines.join('\n');
  if (options.finalNewline === false) text = text.replace(/\n+$/, '');
  else text = text.replace(/\n+$/, '\n');
  if (eol !== '\n') text = text.replace(/\n/g, eol);
  return (options.bom ? '\ufeff' : '') + text;
}

/** `count` distinct words, e.g. for hitting a range boundary exactly. */
export function words(count: number, stem = 'word'): string {
  return Array.from({ length: count }, (_, i) => `${stem}${i + 1}`).join(' ');
}
