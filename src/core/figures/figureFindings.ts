/**
 * The problems of a report's figure links visible from the text alone, each with pure fixes: edits
 * of the report text that change only the link's own bytes. Disk and git problems are added by the
 * figures service (src/services/figures), in the same `FigureFinding` shape.
 *
 * Pure: no Node, DOM or Electron.
 */
import { htmlBlockAt, type HtmlBlock } from '../htmlBlocks';
import type { TextEdit } from '../textEdit';
import { ALLOWED_FIGURE_EXTENSIONS, imageMarkdown, type FigureLink } from './figureLink';
import { lineBounds } from './figureLinkEdits';
import { reportFigureLinks } from './scanFigureLinks';

export type FigureFindingKind =
  | 'image-without-bang'
  | 'image-in-backticks'
  | 'html-image'
  | 'reference-image'
  | 'missing-file'
  | 'case-mismatch'
  | 'disallowed-extension'
  | 'path-with-spaces'
  | 'backslash-path'
  | 'outside-report'
  | 'unused-file'
  | 'untracked-file'
  | 'ignored-file';

export type FigureSeverity = 'error' | 'warning' | 'info';

/** A one-click fix. `edit` is pure; the others are carried out by the figures service. */
export type FigureFix =
  | { readonly kind: 'edit'; readonly label: string; readonly edits: readonly TextEdit[] }
  | { readonly kind: 'rename-file'; readonly label: string; readonly from: string; readonly to: string }
  | { readonly kind: 'convert-to-png'; readonly label: string; readonly target: string }
  | {
      readonly kind: 'copy-into-figures';
      readonly label: string;
      readonly source: string;
      readonly question: number | null;
    }
  | { readonly kind: 'delete-file'; readonly label: string; readonly target: string }
  | { readonly kind: 'git-add'; readonly label: string; readonly target: string; readonly force: boolean };

export interface FigureFinding {
  readonly kind: FigureFindingKind;
  readonly severity: FigureSeverity;
  readonly question: number | null;
  readonly line: number | null;
  readonly message: string;
  /** The path concerned, relative to the report's folder (or as written, for outside paths). */
  readonly target: string | null;
  readonly link: FigureLink | null;
  /** The first fix is the recommended one; empty when there is none. */
  readonly fixes: readonly FigureFix[];
}

/** First folders of paths that only exist on someone's machine (macOS, Linux, WSL, Colab). */
const MACHINE_ROOTS = /^\/(users|home|mnt|media|volumes|private|tmp|var|root|opt|usr|etc|content|workspaces?|run|srv)(\/|$)/i;

/**
 * `/figures/x.png`: on GitHub a link starting with one `/` is read from the repository's top
 * folder, so students mean the repo, not their disk — unless it starts like a machine's own path
 * (`/Users/me/…`, `/home/…`).
 */
function fromRepoRoot(path: string): boolean {
  return /^\/[^/]/.test(path) && !MACHINE_ROOTS.test(path);
}

/** `/reports/figures/x.png` → `figures/x.png`; otherwise the usual place, `figures/<name>`. */
function relativeSuggestion(path: string): string {
  const inReports = /^\/reports\/(.+)$/i.exec(path);
  return inReports ? inReports[1] : `figures/${path.slice(path.lastIndexOf('/') + 1)}`;
}

/** `Question 19`, or `Line 12` outside answers: where a message says the link is. */
export function figureLinkPlace(link: FigureLink): string {
  return link.question !== null ? `Question ${link.question}` : `Line ${link.line}`;
}

/** `figures/a.png` for display; the target as written when it has no path. */
function shown(link: FigureLink): string {
  return link.target.path ?? link.rawTarget;
}

/** Drops the backticks (or the fence lines) around code that holds nothing but image links. */
function codeUnwrapEdit(text: string, link: FigureLink): TextEdit | null {
  const code = link.code;
  if (!code || !code.only) return null;
  const inner = text.slice(code.contentStart, code.contentEnd);
  return {
    start: code.start,
    end: code.end,
    expect: text.slice(code.start, code.end),
    text: code.fence ? inner.replace(/(?:\r\n|\n|\r)$/, '') : inner.trim(),
  };
}

/** Longer lines are not "a figure on a line of its own"; testing each of their links would be quadratic. */
const STANDS_ALONE_MAX_LINE = 4096;

/** Nothing but whitespace, `<br>` and other links on the link's line. */
function standsAlone(text: string, link: FigureLink): boolean {
  const from = Math.max(0, link.start - STANDS_ALONE_MAX_LINE);
  const to = Math.min(text.length, link.end + STANDS_ALONE_MAX_LINE);
  const line = lineBounds(text, link.start, from, to);
  const breakAt = (i: number) => text[i] === '\n' || text[i] === '\r';
  if (line.start === from && from > 0 && !breakAt(from - 1)) return false;
  if (line.end === to && to < text.length && !breakAt(to)) return false;
  const rest = text.slice(line.start, link.start) + text.slice(link.end, line.end);
  return /^(?:\s|<br\s*\/?>|!?\[[^\]]*\]\([^)]*\))*$/i.test(rest);
}

/**
 * One edit that takes `link` (an `<img>` tag) out of its HTML block — the tag goes, with its line
 * when nothing else is on it — and puts `markdown` in its own paragraph right after the block.
 */
function moveOutOfBlock(text: string, link: FigureLink, block: HtmlBlock, markdown: string): TextEdit[] {
  const lineStart = Math.max(text.lastIndexOf('\n', link.start - 1), text.lastIndexOf('\r', link.start - 1)) + 1;
  let lineEnd = link.end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const alone = text.slice(lineStart, link.start).trim() === '' && text.slice(link.end, lineEnd).trim() === '';
  const eol = text.slice(block.end, block.end + 2) === '\r\n' ? '\r\n' : text[block.end] === '\r' ? '\r' : '\n';
  const cutStart = alone ? lineStart : link.start;
  // The tag's line goes with the line break before it (a block's first line is never only an <img>).
  const cutFrom = alone && cutStart > block.start ? cutStart - (text[cutStart - 2] === '\r' && text[cutStart - 1] === '\n' ? 2 : 1) : cutStart;
  const cutTo = alone ? lineEnd : link.end;
  return [
    { start: cutFrom, end: cutTo, expect: text.slice(cutFrom, cutTo), text: '' },
    { start: block.end, end: block.end, expect: '', text: `${eol}${eol}${markdown}` },
  ];
}

/**
 * The problems visible from the text alone, for the student's links (answers and stray text; never
 * the template's own example links): missing `!`, images in backticks, `<img>` and reference-style
 * images the checker does not count, disallowed extensions, spaces and backslashes in paths, paths
 * outside the report's folder. Disk and git problems are added by the figures service.
 */
export function figureLinkFindings(
  text: string,
  links: readonly FigureLink[] = reportFigureLinks(text),
): FigureFinding[] {
  const findings: FigureFinding[] = [];
  const add = (
    link: FigureLink,
    kind: FigureFindingKind,
    severity: FigureSeverity,
    message: string,
    fixes: FigureFix[] = [],
  ) =>
    findings.push({
      kind,
      severity,
      question: link.question,
      line: link.line,
      message,
      target: shown(link),
      link,
      fixes,
    });
  for (const link of links) {
    if (!link.student) continue;
    const { target } = link;
    const name = shown(link);
    switch (link.kind) {
      case 'link':
        // A link on a line of its own to a local picture is a figure missing its "!"; one inside a
        // sentence, or to a web address, may be a deliberate link.
        add(
          link,
          'image-without-bang',
          !target.remote && standsAlone(text, link) ? 'error' : 'warning',
          `${figureLinkPlace(link)} links ${name} without the leading "!": it shows as a text link and the checker counts no image.`,
          [
            {
              kind: 'edit',
              label: 'Add the "!"',
              // The whole link is the edit's range, so a stale fix cannot land elsewhere.
              edits: [
                {
                  start: link.start,
                  end: link.end,
                  expect: text.slice(link.start, link.end),
                  text: `!${text.slice(link.start, link.end)}`,
                },
              ],
            },
          ],
        );
        break;
      case 'code': {
        const unwrap = codeUnwrapEdit(text, link);
        add(
          link,
          'image-in-backticks',
          'error',
          link.code?.fence
            ? `${figureLinkPlace(link)} has the image ${name} inside a code block: the checker counts it, but graders see the code, not the picture.`
            : `${figureLinkPlace(link)} wraps the image ${name} in backticks: the checker counts it, but graders see the code, not the picture.`,
          unwrap
            ? [
                {
                  kind: 'edit',
                  label: link.code?.fence ? 'Remove the code fence' : 'Remove the backticks',
                  edits: [unwrap],
                },
              ]
            : [],
        );
        break;
      }
      case 'html': {
        const replacement = imageMarkdown(link.alt, target.path ?? link.rawTarget);
        const block = htmlBlockAt(text, link.start);
        add(
          link,
          'html-image',
          'warning',
          `${figureLinkPlace(link)} shows ${name} with an <img> tag, which the checker does not count as an image (only ![alt](path) counts).`,
          [
            block
              ? // Markdown inside an HTML block shows as literal text: the image moves out of it.
                { kind: 'edit', label: 'Move it below the HTML block as ![alt](path)', edits: moveOutOfBlock(text, link, block, replacement) }
              : {
                  kind: 'edit',
                  label: 'Write it as ![alt](path)',
                  edits: [
                    { start: link.start, end: link.end, expect: text.slice(link.start, link.end), text: replacement },
                  ],
                },
          ],
        );
        break;
      }
      case 'reference': {
        const replacement = `![${link.alt}](${link.rawTarget})`;
        add(
          link,
          'reference-image',
          'warning',
          `${figureLinkPlace(link)} uses a reference-style image for ${name}, which the checker does not count (only ![alt](path) on one line counts).`,
          [
            {
              kind: 'edit',
              label: 'Write it as ![alt](path)',
              edits: [
                { start: link.start, end: link.end, expect: text.slice(link.start, link.end), text: replacement },
              ],
            },
          ],
        );
        break;
      }
      case 'image':
        break;
    }
    if (target.remote || target.path === null) continue;
    if (target.outside) {
      add(
        link,
        'outside-report',
        'warning',
        target.absolute && fromRepoRoot(target.path)
          ? `${figureLinkPlace(link)} links ${name}, a path from the repository root: GitHub looks for it from the repo's top folder, but the graded page (python report.py html) and other viewers look from the root of the disk. Link it relative to the report's folder instead (${relativeSuggestion(target.path)}).`
          : target.absolute
          ? `${figureLinkPlace(link)} links ${name}, a path on this computer: nobody else has that file. Copy it into figures/.`
          : `${figureLinkPlace(link)} links ${name}, outside the report's folder: it is easily left out of the repo or broken when the report moves. Copy it into figures/.`,
      );
    }
    if (link.rawTarget.includes('\\')) {
      add(
        link,
        'backslash-path',
        'error',
        `${figureLinkPlace(link)} links ${link.rawTarget} with backslashes: that works on Windows only; GitHub and the graders need "/".`,
        [
          {
            kind: 'edit',
            label: 'Use "/"',
            edits: [
              {
                start: link.targetStart,
                end: link.targetEnd,
                expect: link.rawTarget,
                text: link.rawTarget.replace(/\\/g, '/'),
              },
            ],
          },
        ],
      );
    }
    if (/\s/.test(target.path)) {
      const rawSpaces = /\s/.test(link.rawTarget) && !link.rawTarget.trim().startsWith('<');
      if (rawSpaces && link.kind !== 'html') {
        add(
          link,
          'path-with-spaces',
          'error',
          `${figureLinkPlace(link)} links "${name}", a path with spaces: GitHub shows the line as text instead of the image. Rename the file or write the spaces as %20.`,
          [
            {
              kind: 'edit',
              label: 'Write the spaces as %20',
              edits: [
                {
                  start: link.targetStart,
                  end: link.targetEnd,
                  expect: link.rawTarget,
                  text: link.rawTarget.replace(/[ \t]/g, '%20'),
                },
              ],
            },
          ],
        );
      } else {
        add(
          link,
          'path-with-spaces',
          'warning',
          `${figureLinkPlace(link)} links "${name}", a file name with spaces: it works only while every tool encodes it the same way. Rename the file.`,
        );
      }
    }
    if (!ALLOWED_FIGURE_EXTENSIONS.includes(target.extension)) {
      add(
        link,
        'disallowed-extension',
        'error',
        target.extension
          ? `${figureLinkPlace(link)} links ${name}: the template accepts only .png, .jpg and .jpeg figures, not .${target.extension}.`
          : `${figureLinkPlace(link)} links ${name}, which has no .png, .jpg or .jpeg extension (the only ones the template accepts).`,
      );
    }
  }
  return findings;
}
