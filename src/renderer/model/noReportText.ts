/**
 * What the "No report in this folder" screen shows of the host's message: the screen explains the
 * standard "no report found … expected reports/README.md" itself, but not the notes the host adds
 * to it (the folder is inside a git repo; the search read only part of a huge repo), nor another
 * reason (an empty reports/README.md).
 */
export interface NoReportText {
  /** The host's own wording when it is not the standard message (shown instead of the offer to create one). */
  readonly reason: string | null;
  /** Notes added to the standard message, each shown. */
  readonly notes: readonly string[];
  /** The folder is inside a git repo: creating `reports/README.md` here would put it in the wrong place. */
  readonly insideRepo: boolean;
}

const NOTE =
  / \((this folder is inside the git repo .*?: open that|the search read only part of the repo.*?: name the report's file)\)/g;

export function noReportText(message: string): NoReportText {
  if (!/^no report found in /.test(message)) return { reason: message, notes: [], insideRepo: false };
  const notes = [...message.matchAll(NOTE)].map((m) => m[1]);
  return { reason: null, notes, insideRepo: notes.some((n) => n.startsWith('this folder is inside the git repo')) };
}
