/**
 * The "cli" section of `npm run bench` (alone: `node bench/run.mjs cli`): what students and CI pay
 * for `report-editor check`.
 *
 * - CPU (perf's task-clock where `perf stat` works, else user + sys from GNU time's accounting of
 *   the finished process, which comes in 10 ms steps) of `report-editor check`
 *   on the real 31-question report real-041, measured in pairs with `python report.py check` (the
 *   course's script: REPORT_PY=path/to/report.py, with Debian's python3-typer python3-markdown
 *   python3-pydantic python3-loguru) and with a bare `node -e 0`, the floor of any Node CLI. The
 *   ratio of each pair is taken, and the median ratio reported. Also without the graded-page
 *   comparison (--skip-graded-page): what the check path costs once that step no longer needs
 *   remark.
 * - Batch: 100 reports (the corpus, repeated, each copy made different) checked in one
 *   `report-editor check` process against 100 runs of report.py, wall clock.
 * - Opening a repo with 100,000 files under data/, against the same repo without them.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';
const PYTHON = '/usr/bin/python3';
const PAIRS = Number(process.env.BENCH_CLI_PAIRS ?? 15);

/** Runs a command to the end; CPU seconds (user + sys) and wall seconds as GNU time counts them. */
function measure(argv, cwd) {
  const out = join(tmpdir(), `bench-time-${process.pid}.txt`);
  const r = spawnSync(TIME, ['-f', '%U %S %e', '-o', out, ...argv], { cwd, stdio: 'ignore' });
  const [user, sys, wall] = readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { cpu: user + sys, wall, code: r.status };
}

const PERF = '/usr/bin/perf';

/**
 * Whether `perf stat` counts task-clock here (a software counter: no hardware access needed, but
 * perf may be missing or forbidden by perf_event_paranoid). GNU time's CPU figures come in 10 ms
 * steps, a tenth of a `check`; perf's task-clock (CPU time of all the process's threads, the
 * same accounting) in microseconds.
 */
function perfWorks() {
  if (!existsSync(PERF)) return false;
  const r = spawnSync(PERF, ['stat', '-x,', '-e', 'task-clock', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /task-clock/.test(r.stderr);
}

/** CPU seconds of a command run to the end, by perf's task-clock when it works, else by GNU time. */
function measureCpu(argv, cwd, usePerf) {
  if (!usePerf) return measure(argv, cwd);
  const out = join(tmpdir(), `bench-perf-${process.pid}.txt`);
  const start = process.hrtime.bigint();
  const r = spawnSync(PERF, ['stat', '-x,', '-e', 'task-clock', '-o', out, ...argv], { cwd, stdio: 'ignore' });
  // Wall time here includes perf's own start; only the CPU figure is read from these runs.
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const line = readFileSync(out, 'utf8').split('\n').find((l) => l.includes('task-clock'));
  return { cpu: Number(line.split(',')[0]) / 1000, wall, code: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function whyNoPython() {
  const reportPy = process.env.REPORT_PY;
  if (!reportPy) return 'REPORT_PY is not set (the course\'s reports/report.py from SkafteNicki/dtu_mlops)';
  if (!existsSync(reportPy)) return `REPORT_PY=${reportPy} does not exist`;
  const deps = spawnSync(PYTHON, ['-c', 'import typer, markdown, pydantic, loguru'], { encoding: 'utf8' });
  if (deps.status !== 0) return `${PYTHON} lacks typer/markdown/pydantic/loguru (Debian: python3-typer python3-markdown python3-pydantic python3-loguru)`;
  return null;
}

export async function run({ root, corpusDir }) {
  const rows = [];
  const results = {};
  const cli = join(root, 'dist/cli/report-editor.cjs');
  if (!existsSync(TIME)) {
    const why = `${TIME} (GNU time, Debian package "time") is missing`;
    return { name: 'cli', results: { skipped: why }, rows: [['cli', 'skipped', why, '']] };
  }
  const corpus = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort() : [];
  if (corpus.length === 0) return { name: 'cli', results: { skipped: 'no corpus' }, rows: [['cli', 'skipped', `${corpusDir} not found`, '']] };
  const work = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  // check keeps V8's compiled code in a cache folder between runs (src/hosts/cli/compiledScript.ts):
  // a folder of this run's own, filled by the warm-up runs below, as a user's would be.
  const cacheBefore = process.env.REPORT_EDITOR_CACHE_DIR;
  process.env.REPORT_EDITOR_CACHE_DIR = join(work, 'code-cache');
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
  results.loadAverageAtStart = loadavg();
  rows.push(['cli', `load average (1, 5, 15 min) at the start, ${availableParallelism()} cores`, load(), '']);
  try {
    // --- CPU in pairs ------------------------------------------------------------------------
    const repo = join(work, 'repo');
    mkdirSync(join(repo, 'reports'), { recursive: true });
    copyFileSync(join(corpusDir, 'real-041.md'), join(repo, 'reports/README.md'));
    const noPython = whyNoPython();
    const commands = {
      node0: [process.execPath, '-e', '0'],
      check: [process.execPath, cli, 'check', repo],
      checkNoGraded: [process.execPath, cli, 'check', repo, '--skip-graded-page'],
      ...(noPython ? {} : { python: [PYTHON, process.env.REPORT_PY, 'check'] }),
    };
    for (const argv of Object.values(commands)) measure(argv, join(repo, 'reports')); // warm the disk cache
    const usePerf = perfWorks();
    results.cpuClock = usePerf ? 'perf stat task-clock' : 'GNU time user+sys';
    rows.push(['cli', 'CPU counted by', usePerf ? 'perf stat task-clock (µs steps)' : 'GNU time user + sys (10 ms steps; perf not usable here)', '']);
    const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
    for (let i = 0; i < PAIRS; i++) {
      // Alternate the order so neither side always runs right after the other.
      const names = i % 2 ? Object.keys(commands).reverse() : Object.keys(commands);
      for (const name of names) samples[name].push(measureCpu(commands[name], join(repo, 'reports'), usePerf));
    }
    const cpu = (name) => samples[name].map((s) => s.cpu);
    const ratio = (a, b) => median(samples[a].map((s, i) => s.cpu / samples[b][i].cpu));
    const ms = (s) => `${(s * 1000).toFixed(0)} ms`;
    results.cpu = Object.fromEntries(Object.keys(commands).map((k) => [k, { medianCpuS: median(cpu(k)), medianWallS: median(samples[k].map((s) => s.wall)) }]));
    rows.push(['cli', `CPU of node -e 0 (the floor of a Node CLI), median of ${PAIRS}`, ms(median(cpu('node0'))), '']);
    rows.push(['cli', 'CPU of report-editor check on real-041 (31 questions)', ms(median(cpu('check'))), '']);
    rows.push(['cli', '… the same with --skip-graded-page (no remark)', ms(median(cpu('checkNoGraded'))), '']);
    const vsNode = ratio('check', 'node0');
    const vsNodeNoGraded = ratio('checkNoGraded', 'node0');
    results.ratios = { checkVsNode: vsNode, checkNoGradedVsNode: vsNodeNoGraded };
    rows.push(['cli', 'check / node -e 0, CPU, median of paired ratios', `${vsNode.toFixed(2)}×`, vsNode <= 1.5 ? 'goal met (≤ 1.5×)' : 'GOAL MISSED (≤ 1.5×)']);
    rows.push(['cli', 'check --skip-graded-page / node -e 0', `${vsNodeNoGraded.toFixed(2)}×`, vsNodeNoGraded <= 1.5 ? 'goal met (≤ 1.5×)' : 'GOAL MISSED (≤ 1.5×)']);
    if (noPython) {
      console.log(`[bench] report.py rows skipped: ${noPython}`);
      rows.push(['cli', 'check / python report.py check', `skipped: ${noPython}`, '']);
    } else {
      const vsPy = ratio('check', 'python');
      const vsPyNoGraded = ratio('checkNoGraded', 'python');
      results.ratios.checkVsPython = vsPy;
      results.ratios.checkNoGradedVsPython = vsPyNoGraded;
      rows.push(['cli', 'CPU of python report.py check on the same file', ms(median(cpu('python'))), '']);
      rows.push(['cli', 'check / python report.py check, CPU, median of paired ratios', `${vsPy.toFixed(2)}×`, vsPy <= 0.6 ? 'goal met (≤ 0.6×)' : 'GOAL MISSED (≤ 0.6×)']);
      rows.push(['cli', 'check --skip-graded-page / python report.py check', `${vsPyNoGraded.toFixed(2)}×`, vsPyNoGraded <= 0.6 ? 'goal met (≤ 0.6×)' : 'GOAL MISSED (≤ 0.6×)']);
    }

    // --- batch: 100 reports ------------------------------------------------------------------
    const repos = [];
    for (let i = 0; i < 100; i++) {
      const r = join(work, 'batch', `group${String(i).padStart(3, '0')}`);
      mkdirSync(join(r, 'reports'), { recursive: true });
      // Each copy made different (trailing blank lines, which change no count): ~100 groups hand in
      // ~100 different reports, and nothing may be reused from one copy to the next.
      writeFileSync(join(r, 'reports/README.md'), `${readFileSync(join(corpusDir, corpus[i % corpus.length]), 'utf8')}${'\n'.repeat(i + 1)}`);
      repos.push(r);
    }
    const one = measure([process.execPath, cli, 'check', join(work, 'batch')], work);
    // The same in one thread (a batch uses worker threads only on cores the load leaves idle).
    process.env.REPORT_EDITOR_BATCH_THREADS = '1';
    const oneThread = measure([process.execPath, cli, 'check', join(work, 'batch')], work);
    delete process.env.REPORT_EDITOR_BATCH_THREADS;
    let pythonWall = null;
    if (!noPython) {
      pythonWall = 0;
      for (const r of repos) pythonWall += measure([PYTHON, process.env.REPORT_PY, 'check'], join(r, 'reports')).wall;
    }
    results.batch = { reports: 100, oneProcessWallS: one.wall, oneProcessCpuS: one.cpu, oneThreadWallS: oneThread.wall, oneThreadCpuS: oneThread.cpu, pythonRunsWallS: pythonWall, loadAverage: loadavg() };
    rows.push(['cli', `check of 100 reports in one process (wall; load now ${load()})`, `${ms(one.wall)} (${ms(one.wall / 100)} a report; CPU ${ms(one.cpu)})`, '']);
    rows.push(['cli', '… the same in one thread (REPORT_EDITOR_BATCH_THREADS=1)', `${ms(oneThread.wall)} (CPU ${ms(oneThread.cpu)})`, '']);
    if (pythonWall !== null) {
      const speedup = pythonWall / one.wall;
      results.batch.speedup = speedup;
      rows.push(['cli', '100 runs of python report.py check (wall)', `${ms(pythonWall)}: one check process is ${speedup.toFixed(0)}× faster`, speedup >= 50 ? 'goal met (≥ 50×)' : 'GOAL MISSED (≥ 50×)']);
    }

    // --- a repo with 100,000 files under data/ ----------------------------------------------
    const huge = join(work, 'huge');
    const empty = join(work, 'empty');
    for (const r of [huge, empty]) {
      mkdirSync(join(r, 'MyProject/reports'), { recursive: true });
      copyFileSync(join(corpusDir, 'real-041.md'), join(r, 'MyProject/reports/README.md'));
    }
    for (let d = 0; d < 100; d++) {
      const dir = join(huge, 'data', `part${d}`);
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < 1000; i++) closeSync(openSync(join(dir, `${i}.png`), 'w'));
    }
    const opens = { huge: [], empty: [] };
    for (let i = 0; i < 5; i++) {
      for (const [name, r] of [['huge', huge], ['empty', empty]]) opens[name].push(measure([process.execPath, cli, 'check', r, '--skip-graded-page'], work).wall);
    }
    results.hugeRepo = { hugeWallS: median(opens.huge), emptyWallS: median(opens.empty) };
    rows.push(['cli', 'check from the root of a repo with 100,000 files in data/ / without them (wall)', `${ms(median(opens.huge))} / ${ms(median(opens.empty))}`, '']);
  } finally {
    if (cacheBefore === undefined) delete process.env.REPORT_EDITOR_CACHE_DIR;
    else process.env.REPORT_EDITOR_CACHE_DIR = cacheBefore;
    rmSync(work, { recursive: true, force: true });
  }
  return { name: 'cli', results, rows };
}
