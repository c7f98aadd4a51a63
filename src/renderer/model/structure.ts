/**
 * The shape of a report as the form shows it: which question cards exist, under which sections.
 * Typing a line such as `## Deployment` or `### Question 7` into an answer changes that shape; the
 * form then rebuilds itself from the file instead of letting an editor hold text the file no longer
 * places under its question.
 */
import type { ReportDocument } from '../../core/reportModel';

export function structureKey(doc: ReportDocument): string {
  return doc.segments
    .filter((s) => s.kind === 'questionHeading' || s.kind === 'sectionHeading' || s.kind === 'checklistHeading')
    .map((s) => s.text.trim())
    .join('\n');
}

export interface CardEntry {
  /** React key: the number, suffixed for a heading that appears twice. */
  readonly key: string;
  readonly number: number;
  /** False for the second and later copies of a duplicated question (read-only). */
  readonly editable: boolean;
}

export interface SectionEntry {
  readonly title: string | null;
  readonly cards: readonly CardEntry[];
}

/** Questions grouped by section in file order. */
export function sectionsOf(doc: ReportDocument): SectionEntry[] {
  const seen = new Map<number, number>();
  const out: { title: string | null; cards: CardEntry[] }[] = [];
  for (const q of doc.questions) {
    const count = (seen.get(q.number) ?? 0) + 1;
    seen.set(q.number, count);
    const card = {
      key: count === 1 ? `q${q.number}` : `q${q.number}-${count}`,
      number: q.number,
      editable: count === 1,
    };
    const last = out[out.length - 1];
    if (last && last.title === q.section) last.cards.push(card);
    else out.push({ title: q.section, cards: [card] });
  }
  return out;
}
