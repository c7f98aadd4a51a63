/** How `report-editor check` is called and what it does, for `--help` and its own usage errors. */
export const CHECK_USAGE = 'check [PATH...] [--json|--format github] [-v]';
export const CHECK_SUMMARY = "what the course's report.py check says, question by question (several PATHs: a table)";
