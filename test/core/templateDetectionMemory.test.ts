/**
 * A batch check finds every report first and checks them afterwards, asking for each text's
 * template twice. Remembering one answer per report of the batch means each text is recognised
 * once; outside a batch only the last few texts are kept.
 */
import { describe, expect, it } from 'vitest';
import { BLANK_TEMPLATES } from '../../src/core/templates/blankTemplates';
import { detectTemplate, rememberDetectionsOf } from '../../src/core/templateVersion';

/** `count` different texts made from the latest blank template. */
const reports = (count: number, tag: string) =>
  Array.from({ length: count }, (_, i) => `${BLANK_TEMPLATES.at(-1)!.text}\n${tag} ${i}\n`);

describe('remembered template detections', () => {
  it('keeps the last few texts by default, one per report once a batch says how many it checks', () => {
    const few = reports(30, 'default');
    const first = few.map((t) => detectTemplate(t));
    // The answers are objects: the same object again means it was remembered, not recognised anew.
    expect(detectTemplate(few[29])).toBe(first[29]);
    expect(detectTemplate(few[0])).not.toBe(first[0]);
    expect(detectTemplate(few[0])).toEqual(first[0]);

    rememberDetectionsOf(30);
    const batch = reports(30, 'batch');
    const found = batch.map((t) => detectTemplate(t));
    batch.forEach((t, i) => expect(detectTemplate(t)).toBe(found[i]));
    expect(found[0]).toEqual({ version: BLANK_TEMPLATES.at(-1)!.version, generation: BLANK_TEMPLATES.at(-1)!.generation, coverage: 1 });
  });
});
