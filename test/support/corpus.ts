/**
 * Access to the shared corpus of real reports and the course checker's verdicts on them.
 * The corpus is read in place from ../shared (never copied into the project); suites that need it
 * skip with a printed reason when it is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export const SHARED_DIR = resolve(import.meta.dirname, '../../../shared');
export const CORPUS_DIR = join(SHARED_DIR, 'corpus');
export const corpusAvailable = existsSync(join(CORPUS_DIR, 'expected'));

if (!corpusAvailable) {
  console.log(`[corpus] ${CORPUS_DIR} not found: corpus-based tests are skipped`);
}

export interface ExpectedCheck {
  generation: number;
  error: string | null;
  answers: number;
  passed: number | null;
  failures: { question: number; kind: 'words' | 'images'; min: number; max: number; got: number }[];
  per_answer: { index: number; words: number; images: number; text: string }[];
}

export interface CorpusFile {
  /** e.g. `real-001` or `blank-2026-01-31q` */
  name: string;
  kind: 'report' | 'template';
  path: string;
  /** The raw bytes as a string (UTF-8), exactly as on disk. */
  text: string;
  expected: ExpectedCheck;
  expectedHtmlPath: string;
}

function listDir(dir: string, kind: CorpusFile['kind']): CorpusFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const name = basename(f, '.md');
      const path = join(dir, f);
      return {
        name,
        kind,
        path,
        text: readFileSync(path, 'utf8'),
        expected: JSON.parse(
          readFileSync(join(CORPUS_DIR, 'expected', `${name}.check.json`), 'utf8'),
        ) as ExpectedCheck,
        expectedHtmlPath: join(CORPUS_DIR, 'expected', `${name}.report.html`),
      };
    });
}

export function corpusFiles(): CorpusFile[] {
  if (!corpusAvailable) return [];
  return [...listDir(join(CORPUS_DIR, 'templates'), 'template'), ...listDir(join(CORPUS_DIR, 'reports'), 'report')];
}

export function corpusReports(): CorpusFile[] {
  return corpusFiles().filter((f) => f.kind === 'report');
}
