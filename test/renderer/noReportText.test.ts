/**
 * The messages are the ones locateReport writes (test/services/locateReport.test.ts checks its
 * wording of the notes).
 */
import { describe, expect, it } from 'vitest';
import { noReportText } from '../../src/renderer/model/noReportText';

const standard =
  'no report found in /r/src: expected reports/README.md (or another markdown file in the repo, up to 4 folders down) holding the 02476 exam template';

describe('what the "No report in this folder" screen shows of the host\'s message', () => {
  it('leaves out the standard message, which the screen explains itself', () => {
    expect(noReportText(standard)).toEqual({ reason: null, notes: [], insideRepo: false });
  });

  it('shows the note that the folder is inside a git repo, and no offer to create a report there', () => {
    expect(noReportText(`${standard} (this folder is inside the git repo /r: open that)`)).toEqual({
      reason: null,
      notes: ['this folder is inside the git repo /r: open that'],
      insideRepo: true,
    });
  });

  it('shows that the search read only part of the repo', () => {
    const note =
      "the search read only part of the repo, which has folders of over 1,000 files or over 20,000 in all: name the report's file";
    expect(noReportText(`${standard} (${note})`)).toEqual({ reason: null, notes: [note], insideRepo: false });
  });

  it('shows another reason whole', () => {
    const message = "/r/reports/README.md is empty; copy the course's report template into it";
    expect(noReportText(message)).toEqual({ reason: message, notes: [], insideRepo: false });
  });
});
