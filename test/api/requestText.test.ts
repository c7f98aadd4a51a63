/**
 * Edits, not texts, cross the API: a request carries the report's text only where the service must
 * have it. The exceptions are listed here with their reason; a new channel that sends the text (or
 * an old one that starts to again) fails until it is argued for in schemas.ts and added below.
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_SCHEMAS, CHANNELS, LARGE_REQUEST_CHANNELS, REPORT_TEXT_CHANNELS, validateRequest } from '../../src/api/schemas';

/** Channel → why its request carries the text. */
const CARRIES_TEXT: Record<string, string> = {
  saveReport: 'a save writes the text',
  exportHtml: 'the export shows unsaved edits too: the service renders the text the student sees',
};

const A_REPORT = '# Exam\n\n### Question 1\n\n> Answer:\n\nSome words.\n';

describe('requests that carry the report', () => {
  it('only saveReport and exportHtml have a text field', () => {
    const withText = CHANNELS.filter((channel) => 'text' in CHANNEL_SCHEMAS[channel].request.shape);
    expect(withText.sort()).toEqual(Object.keys(CARRIES_TEXT).sort());
    expect([...REPORT_TEXT_CHANNELS].sort()).toEqual(Object.keys(CARRIES_TEXT).sort());
  });

  it('no other channel takes the text under any name: a request smuggling it is refused', () => {
    for (const channel of CHANNELS) {
      if (channel in CARRIES_TEXT) continue;
      const shape = CHANNEL_SCHEMAS[channel].request.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
      // A field named like the report's text must not be able to hold it (the text size in the
      // view preferences, `textStep`, is a number).
      for (const [key, schema] of Object.entries(shape))
        if (/text|report|markdown|content/i.test(key))
          expect(schema.safeParse(A_REPORT).success, `${channel}.${key} takes a report`).toBe(false);
      // Every request schema is strict: an extra `text` is malformed, not silently dropped.
      expect(() => validateRequest(channel, { text: A_REPORT }), channel).toThrow(/Invalid request/);
    }
  });

  it('the figure and git channels that used to send the text now take only paths and fixes', () => {
    expect(validateRequest('figureFacts', { local: ['figures/a.png'], outside: ['../b.png'] })).toEqual({
      local: ['figures/a.png'],
      outside: ['../b.png'],
    });
    expect(validateRequest('renameFigure', { from: 'figures/a.png', to: 'b' })).toEqual({ from: 'figures/a.png', to: 'b' });
    expect(validateRequest('deleteFigure', { target: 'figures/a.png' })).toEqual({ target: 'figures/a.png' });
    expect(validateRequest('gitStatus', {})).toEqual({});
    expect(validateRequest('listFigures', {})).toEqual({});
    // A text edit is the renderer's own: the service is never asked to apply one.
    expect(() =>
      validateRequest('applyFigureFix', { fix: { kind: 'edit', label: 'x', edits: [{ start: 0, end: 1, expect: '#', text: '' }] } }),
    ).toThrow(/Invalid request/);
    expect(validateRequest('applyFigureFix', { fix: { kind: 'delete-file', label: 'Delete', target: 'figures/a.png' } })).toEqual({
      fix: { kind: 'delete-file', label: 'Delete', target: 'figures/a.png' },
    });
  });

  it('the paths a report links get the larger body limit of the browser host, as the text does', () => {
    expect(LARGE_REQUEST_CHANNELS.has('figureFacts')).toBe(true);
    for (const channel of REPORT_TEXT_CHANNELS) expect(LARGE_REQUEST_CHANNELS.has(channel)).toBe(true);
  });
});
