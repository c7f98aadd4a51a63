/**
 * Export section of `npm run bench`: a real 31-question report (real-041) embedding 20 screenshot-
 * like 1920x1080 PNGs (its own 15 plus 5 more in answers that already show figures), exported to
 * one self-contained HTML file. Timed twice: `report-editor export` as a whole process (what a
 * student running the CLI waits for), and the same command in this process (the export itself:
 * locate, load, render, inline the images, write).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_REPORT, makeBenchRepo } from './fixtures.mjs';

const FIGURES = 20;

export async function run({ root, corpusDir, stats }) {
  if (!existsSync(join(corpusDir, BENCH_REPORT))) {
    const missing = `${join(corpusDir, BENCH_REPORT)} not found`;
    console.log(`[bench] export section skipped: ${missing}`);
    return { name: 'export', results: { skipped: missing }, rows: [['export', 'skipped', missing, '']] };
  }
  const cli = join(root, 'dist/cli/report-editor.js');
  const bench = await makeBenchRepo({ corpusDir, figures: FIGURES, prefix: 'bench-export-' });
  try {
    const out = join(bench.repo, 'out.html');
    const figureBytes = bench.figures.reduce((sum, f) => sum + f.bytes, 0);

    // Whole process: 1 warm-up (file cache), then timed runs.
    const processRuns = [];
    let message = '';
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      const result = spawnSync(process.execPath, [cli, 'export', bench.repo, '-o', out], { encoding: 'utf8' });
      const elapsed = performance.now() - t0;
      if (result.status !== 0) throw new Error(`report-editor export failed (${result.status}):\n${result.stderr}`);
      message = result.stdout.trim();
      if (i > 0) processRuns.push(elapsed);
    }

    // In process: the export itself, without Node's start-up.
    const { runCli } = await import(pathToFileURL(cli).href);
    const io = { out: () => undefined, err: () => undefined, cwd: bench.repo };
    const inProcess = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      const code = await runCli(['export', bench.repo, '-o', out], io);
      const elapsed = performance.now() - t0;
      if (code !== 0) throw new Error(`runCli export returned ${code}`);
      if (i > 0) inProcess.push(elapsed);
    }

    const outBytes = statSync(out).size;
    const whole = stats(processRuns);
    const own = stats(inProcess);
    const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
    const what = `export, real 31-question report + ${bench.figures.length} PNGs 1920x1080 (${mb(figureBytes)})`;
    return {
      name: 'export',
      results: {
        report: 'real-041 (+5 figure embeds)',
        figures: bench.figures.length,
        figureBytes,
        outputBytes: outBytes,
        cliMessage: message,
        wholeProcess: whole,
        inProcess: own,
      },
      rows: [
        [
          'export',
          `${what}: whole process`,
          `mean ${whole.mean.toFixed(0)} ms, p95 ${whole.p95.toFixed(0)} ms`,
          'no hard goal',
        ],
        [
          'export',
          `${what}: in process`,
          `mean ${own.mean.toFixed(0)} ms, p95 ${own.p95.toFixed(0)} ms, output ${mb(outBytes)}`,
          'no hard goal',
        ],
      ],
    };
  } finally {
    bench.cleanup();
  }
}
