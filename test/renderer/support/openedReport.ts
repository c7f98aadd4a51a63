/** The host's answer to opening a 31-question report at /repo/reports/README.md, for session tests. */
import type { OpenedReport } from '../../../src/api/contract';
import { COURSE_PROFILE_31 } from '../../../src/core/constraints';

export function openedReport(text: string, stamp: string): OpenedReport {
  return {
    repoRoot: '/repo',
    reportPath: '/repo/reports/README.md',
    relativePath: 'reports/README.md',
    text,
    stamp,
    profile: COURSE_PROFILE_31,
    template: { version: '2026-01', generation: 31, coverage: 1 },
    differences: [],
    reportPyPath: null,
  };
}
