/**
 * Figure hygiene from the text and the facts the figures service found on disk and in git: which
 * linked files exist (in which case), which files `figures/` holds, which outside images could be
 * copied in, what git tracks. The service only answers facts about paths (it never sees the
 * report); this turns them, with the text-level findings, into the findings the problems panel and
 * `report-editor check` show, each with its fixes.
 *
 * Pure: no Node, DOM or Electron.
 */
import type { FigureLink } from './figureLink';
import { figureLinkFindings, figureLinkPlace, type FigureFinding, type FigureFix } from './figureFindings';
import { retargetEdit } from './figureLinkEdits';
import { reportFigureLinks } from './scanFigureLinks';

/** Where `figures/` is, relative to the report's folder. */
export const FIGURES_FOLDER = 'figures';

/** What the service needs to look up: the paths the report links (relative to the report's folder). */
export interface FigureFactsRequest {
  /** Student links inside the report's folder, each path once. */
  readonly local: readonly string[];
  /** Student links to paths outside the report's folder, as written (`../x.png`, `~/Desktop/y.png`). */
  readonly outside: readonly string[];
}

export interface GitFileFacts {
  /** In the index (committed or staged). */
  readonly tracked: boolean;
  /** Untracked and excluded by an ignore rule: `source:line:pattern`. */
  readonly ignoredBy: string | null;
}

/** One local link target as the disk has it. */
export type TargetFacts =
  | {
      readonly path: string;
      readonly state: 'exact' | 'case';
      /** The path with the disk's own case (equal to `path` when `exact`). */
      readonly actual: string;
      /** The name a rename would give the file (spaces and odd characters made safe), free in its folder; null when its name is already safe. */
      readonly safeName: string | null;
      /** Tracked/ignored; null when git did not check it. */
      readonly git: GitFileFacts | null;
    }
  | {
      readonly path: string;
      readonly state: 'missing' | 'folder';
      /** The one file in figures/ with the same name (any case), to link instead; null when none or several. */
      readonly sameName: string | null;
    };

export type GitAvailability =
  { readonly checked: true; readonly root: string } | { readonly checked: false; readonly reason: string };

export interface FigureFacts {
  readonly targets: readonly TargetFacts[];
  /** The outside paths of the request that are images the copy fix can import. */
  readonly importableOutside: readonly string[];
  /** Every file in figures/ (`figures/...`); empty when figures/ is missing or leaves the report's folder. */
  readonly figureFiles: readonly string[];
  readonly git: GitAvailability;
}

/** The student's links the service must look up, from `links` (reportFigureLinks of the text). */
export function figureFactsRequest(links: readonly FigureLink[]): FigureFactsRequest {
  const local = new Set<string>();
  const outside = new Set<string>();
  for (const l of links) {
    if (!l.student || l.target.remote || l.target.path === null) continue;
    (l.target.outside ? outside : local).add(l.target.path);
  }
  return { local: [...local], outside: [...outside] };
}

function withFixes(finding: FigureFinding, fixes: readonly FigureFix[], first = false): FigureFinding {
  return { ...finding, fixes: first ? [...fixes, ...finding.fixes] : [...finding.fixes, ...fixes] };
}

/**
 * Every figure finding of `text`: the text-level ones (with the fixes the facts allow) and those
 * of the disk and git. Sorted by line; findings without a line (unused files) last.
 */
export function figureHygieneFindings(
  text: string,
  facts: FigureFacts,
  links: readonly FigureLink[] = reportFigureLinks(text),
): FigureFinding[] {
  const byPath = new Map(facts.targets.map((t) => [t.path, t]));
  const importable = new Set(facts.importableOutside);
  const findings: FigureFinding[] = [];
  for (const finding of figureLinkFindings(text, links)) {
    const link = finding.link!;
    const state = link.target.path !== null && !link.target.outside ? byPath.get(link.target.path) : undefined;
    if (finding.kind === 'disallowed-extension' && (state?.state === 'exact' || state?.state === 'case')) {
      findings.push(
        withFixes(finding, [{ kind: 'convert-to-png', label: 'Convert it to PNG and relink', target: link.target.path! }]),
      );
    } else if (
      finding.kind === 'path-with-spaces' &&
      state?.state === 'exact' &&
      state.safeName !== null &&
      link.target.path!.startsWith(`${FIGURES_FOLDER}/`)
    ) {
      const to = [...link.target.path!.split('/').slice(0, -1), state.safeName].join('/');
      findings.push(
        withFixes(finding, [{ kind: 'rename-file', label: `Rename the file to ${state.safeName}`, from: link.target.path!, to }], true),
      );
    } else if (finding.kind === 'outside-report' && importable.has(link.target.path!)) {
      findings.push(
        withFixes(finding, [
          { kind: 'copy-into-figures', label: 'Copy it into figures/ and relink', source: link.target.path!, question: link.question },
        ]),
      );
    } else {
      findings.push(finding);
    }
  }

  // The first link to each existing file speaks for it in the git findings (a file linked in two cases is one file).
  const firstLinkOfFile = new Map<string, { link: FigureLink; git: GitFileFacts | null }>();
  const linked = new Set<string>();
  for (const link of links) {
    if (!link.student || link.target.remote || link.target.path === null || link.target.outside) continue;
    const state = byPath.get(link.target.path);
    if (!state) continue;
    const path = link.target.path;
    linked.add(path.toLowerCase());
    if (state.state === 'missing' || state.state === 'folder') {
      findings.push({
        kind: 'missing-file',
        severity: 'error',
        question: link.question,
        line: link.line,
        message:
          state.state === 'folder'
            ? `${figureLinkPlace(link)} links ${path}, which is a folder, not an image.`
            : `${figureLinkPlace(link)} links ${path}, but there is no such file: graders will see a broken image.`,
        target: path,
        link,
        fixes: state.sameName
          ? [{ kind: 'edit', label: `Link ${state.sameName} instead`, edits: [retargetEdit(link, state.sameName)] }]
          : [],
      });
      continue;
    }
    if (state.state !== 'exact' && state.state !== 'case') continue;
    if (state.state === 'case') {
      findings.push({
        kind: 'case-mismatch',
        severity: 'error',
        question: link.question,
        line: link.line,
        message: `${figureLinkPlace(link)} links ${path}, but the file is ${state.actual}: that works on Windows and macOS, and is a broken image on GitHub and Linux.`,
        target: path,
        link,
        fixes: [{ kind: 'edit', label: `Link ${state.actual}`, edits: [retargetEdit(link, state.actual)] }],
      });
    }
    if (!firstLinkOfFile.has(state.actual)) firstLinkOfFile.set(state.actual, { link, git: state.git });
  }

  // Files in figures/ that no student link reaches (case-insensitively: a case mismatch is reported above).
  for (const file of facts.figureFiles) {
    if (linked.has(file.toLowerCase())) continue;
    findings.push({
      kind: 'unused-file',
      severity: 'info',
      question: null,
      line: null,
      message: `${file} is in ${FIGURES_FOLDER}/ but nothing in the report links it.`,
      target: file,
      link: null,
      fixes: [{ kind: 'delete-file', label: 'Delete the file', target: file }],
    });
  }

  for (const { link, git } of firstLinkOfFile.values()) {
    if (!git || git.tracked) continue;
    const target = link.target.path!;
    findings.push(
      git.ignoredBy
        ? {
            kind: 'ignored-file',
            severity: 'error',
            question: link.question,
            line: link.line,
            message: `${target} is excluded by an ignore rule (${git.ignoredBy}): it never reaches the repo, so graders will not see it.`,
            target,
            link,
            fixes: [{ kind: 'git-add', label: 'Add it to git anyway (git add -f)', target, force: true }],
          }
        : {
            kind: 'untracked-file',
            severity: 'error',
            question: link.question,
            line: link.line,
            message: `${target} is not in git yet: graders will not see it until it is added, committed and pushed.`,
            target,
            link,
            fixes: [{ kind: 'git-add', label: 'Add it to git (git add)', target, force: false }],
          },
    );
  }

  findings.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.link?.start ?? 0) - (b.link?.start ?? 0));
  return findings;
}

/** The questions whose student links point at `path` (case-insensitively, as a laptop's disk would); null when none does. */
export function questionsLinking(text: string, path: string, links: readonly FigureLink[] = reportFigureLinks(text)): number[] | null {
  const wanted = path.toLowerCase();
  let questions: number[] | null = null;
  for (const l of links) {
    if (!l.student || l.target.remote || l.target.path?.toLowerCase() !== wanted) continue;
    questions ??= [];
    if (l.question !== null && !questions.includes(l.question)) questions.push(l.question);
  }
  return questions;
}
