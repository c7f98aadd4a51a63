/**
 * Reports for the renderer's tests, made from the course's real blank templates (embedded in the
 * core) with answers written by the core's own `setAnswer` — the same path the app's edits take.
 * (test/support/reportBuilder.ts is outside the web project's files, so it cannot be used here.)
 */
import type { Generation } from '../../../src/core/constraints';
import { setAnswer, setChecked } from '../../../src/core/editReport';
import { parseReport } from '../../../src/core/parseReport';
import { serializeReport } from '../../../src/core/reportModel';
import { latestBlankTemplate } from '../../../src/core/templateVersion';

export interface FilledOptions {
  readonly generation?: Generation;
  readonly answers?: Record<number, string>;
  readonly checked?: readonly number[];
  readonly eol?: '\n' | '\r\n';
  readonly finalNewline?: boolean;
  /** Questions whose `> Answer:` line is deleted. */
  readonly dropMarker?: readonly number[];
}

export function filledTemplate(options: FilledOptions = {}): string {
  let doc = parseReport(latestBlankTemplate(options.generation ?? 31).text);
  for (const [n, answer] of Object.entries(options.answers ?? {})) doc = setAnswer(doc, Number(n), answer);
  for (const index of options.checked ?? []) doc = setChecked(doc, index, true);
  let text = serializeReport(doc);
  for (const n of options.dropMarker ?? []) {
    const at = text.indexOf(`--- question ${n} fill here ---`);
    const marker = text.lastIndexOf('> Answer:\n', at);
    text = text.slice(0, marker) + text.slice(marker + '> Answer:\n'.length);
  }
  if (options.finalNewline === false) text = text.replace(/\n+$/, '');
  if (options.eol === '\r\n') text = text.replace(/\n/g, '\r\n');
  return text;
}

/** `count` distinct words. */
export function words(count: number, stem = 'word'): string {
  return Array.from({ length: count }, (_, i) => `${stem}${i + 1}`).join(' ');
}
