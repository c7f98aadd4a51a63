/**
 * The template's section headings, as students reword them, still divide the report: "## 2. Version
 * control" is the section after question 6, not a heading inside question 6's answer (which the
 * doctor would turn into bold text, pulling the section's intro into that answer).
 */
import { describe, expect, it } from 'vitest';
import { COURSE_PROFILE_31 } from '../../src/core/constraints';
import { doctor } from '../../src/core/doctor';
import { parseReport } from '../../src/core/parseReport';
import { filledTemplate, ofKind } from './doctorSupport';

describe('section headings as students reword them', () => {
  const clean = filledTemplate();

  it.each([
    '## 2. Version control',
    '## Version control:',
    '## Version-control 🚀',
    '# Section 2: VERSION CONTROL',
    '## **Version control**',
  ])('%s is the section heading, not a heading inside the answer before it', (heading) => {
    const text = clean.replace('## Version control\n', `${heading}\n`);
    expect(text).not.toBe(clean);
    expect(parseReport(text).sections.map((s) => s.title)).toContain(heading.replace(/^#+ /, ''));
    expect(ofKind(doctor(text, COURSE_PROFILE_31), 'heading-in-answer')).toEqual([]);
  });

  it("a heading of the student's own that only mentions a section is still inside the answer", () => {
    const text = clean.replace(
      '## Version control\n',
      '## Our version control setup\n\nmore words here\n\n## Version control\n',
    );
    expect(ofKind(doctor(text, COURSE_PROFILE_31), 'heading-in-answer').map((f) => f.question)).toEqual([6]);
  });
});
