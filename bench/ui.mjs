/**
 * UI section of `npm run bench`: the app in Chromium against the browser host
 * (`report-editor serve`) with a real 31-question report (real-041) open, next to a bare editor.
 *
 * - keystroke → meter painted: for each keystroke that changes an answer's word count, the time
 *   from its keydown (event timestamp, taken in a capture-phase listener on window) to the end of
 *   the first frame after the meter's data-count changed (a MutationObserver on the meter, then
 *   requestAnimationFrame, then a posted message: it runs once that frame's style, layout and paint
 *   are done on the main thread). The same for every keystroke and the editor's own text, and the
 *   same again on a page holding only the app's answer editor (createAnswerEditor, the same
 *   CodeMirror extensions) and a trivial word counter: bench/bare.
 *   Typed twice: in Chromium unthrottled (no 60 Hz frame clock: a frame follows as soon as there
 *   is something to show, so the figure is the page's own work; the goals are judged on it) and on
 *   the 60 Hz clock (what a display adds: the wait for its next refresh, 0-16.7 ms).
 * - open → form interactive: navigation start → the later of the renderer's
 *   `report-editor:form-ready` mark and the form's first painted frame, in a new browser context
 *   each run (cold HTTP and code cache). At that mark every question card is in the DOM with its
 *   editor or a focusable stand-in that becomes the editor on focus or click (keys typed into it
 *   meanwhile are kept); the bench checks that. Also reported: when the editors of the cards in
 *   view are mounted (CodeMirror loads after the form's first frame; cards far from the viewport
 *   keep their stand-ins) and where the time goes (phases,
 *   including the host's own time from its Server-Timing header). The bare page's load is measured
 *   the same way (a cold context, navigation start → its one editor, holding the whole report,
 *   mounted and painted), and the open is judged against it.
 * - JS heap after opening: CDP Runtime.getHeapUsage after a forced GC, the editors in view mounted.
 *
 * `BENCH_TRACE=<file.json>` also writes a Chrome trace of the typing (both pages' renderers; open
 * it in the Performance panel) for profiling.
 * `BENCH_TRACE` and `BENCH_CPUPROFILE=<file.cpuprofile>` (a V8 CPU profile of the app) cover the
 * 60 Hz typing run.
 * `BENCH_KEYSTROKES` and `BENCH_OPEN_RUNS` shorten a run while profiling.
 */
/* global window, document, requestAnimationFrame, MessageChannel, MutationObserver, PerformanceObserver */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { BENCH_REPORT, makeBenchRepo, random, startHost } from './fixtures.mjs';

const VIEWPORT = { width: 1280, height: 800 };
/** Keystrokes measured for the meter: each starts a new word, so each changes the count. */
const METER_KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 300);
const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 7);
const FRAME_MS = 16;
/** Issue #14's goals: keystroke → painted meter p95 within 1.25x the bare editor's; open within 2.5x its load. */
const KEYSTROKE_GOAL = 1.25;
const OPEN_GOAL = 2.5;
/** Keys typed into one page before the other page gets the same keys. */
const CHUNK = 100;

/** Short words, as answers have them; every first letter after a space changes the word count. */
const WORDS = ['we', 'use', 'a', 'model', 'to', 'run', 'the', 'API', 'on', 'GCP', 'and', 'it', 'is', 'ML', 'of', 'in'];

/**
 * The keys typed (the same sequence for the app and the bare editor): a blank line, then
 * METER_KEYSTROKES words. `meter` marks a keystroke that changes the count; `pauseMs` is the think
 * time before the next key: mostly a short gap, sometimes a pause long enough for the app's
 * debounced re-check (250 ms) to run, now and then one long enough for its autosave (1 s).
 */
export function keyPlan() {
  const rnd = random(8);
  const keys = [
    { key: 'Enter', meter: false },
    { key: 'Enter', meter: false },
  ];
  for (let i = 0; i < METER_KEYSTROKES; i++) {
    const word = WORDS[Math.floor(rnd() * WORDS.length)];
    [...word].forEach((ch, j) => keys.push({ key: ch, meter: j === 0 }));
    keys.push({ key: ' ', meter: false });
  }
  for (const k of keys) {
    const r = rnd();
    k.pauseMs = r < 0.9 ? Math.floor(rnd() * 60) : r < 0.98 ? 200 + Math.floor(rnd() * 250) : 1100;
  }
  return keys;
}

/** Installed in the page: timestamps keydowns and the frames that paint the meter and the text. */
export function installProbe({ meterSelector, editorSelector }) {
  const probe = {
    seq: 0,
    t0: 0,
    meter: [],
    meterRaf: [],
    meterDom: [],
    meterFramesLate: [],
    editor: [],
    firstFrame: null,
    meterSeq: 0,
    editorSeq: 0,
    waitMeter: false,
    waitEditor: false,
    lastCount: null,
  };
  // Looked up once (again only if the page replaced it): a query on every change would charge the
  // app, whose document is ~2,700 elements to the bare page's few, for the probe's own work.
  let meter = document.querySelector(meterSelector);
  const meterEl = () => (meter?.isConnected ? meter : (meter = document.querySelector(meterSelector)));
  probe.lastCount = meterEl()?.getAttribute('data-count') ?? null;
  /**
   * cb(rafTime, afterFrameTime, frameTime): when the next frame's animation callbacks ran, when its
   * rendering work was done, and the frame's own timestamp (the same for every callback of a frame).
   */
  const nextFrame = (cb) =>
    requestAnimationFrame((frameTime) => {
      const raf = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => cb(raf, performance.now(), frameTime);
      channel.port2.postMessage(null);
    });
  window.addEventListener(
    'keydown',
    (event) => {
      const now = performance.now();
      // The event's own timestamp includes time the key waited for a busy main thread.
      probe.t0 = event.timeStamp > 0 && event.timeStamp <= now && now - event.timeStamp < 1000 ? event.timeStamp : now;
      probe.seq += 1;
      probe.waitMeter = true;
      probe.waitEditor = true;
      // The first frame after the key: a count shown in it is shown as soon as any page could.
      const seq = probe.seq;
      probe.firstFrame = null;
      requestAnimationFrame((frameTime) => {
        if (probe.seq === seq) probe.firstFrame = frameTime;
      });
    },
    true,
  );
  new MutationObserver(() => {
    if (!probe.waitMeter) return;
    const count = meterEl()?.getAttribute('data-count') ?? null;
    if (count === probe.lastCount) return;
    probe.lastCount = count;
    probe.waitMeter = false;
    const [start, seq] = [probe.t0, probe.seq];
    probe.meterDom.push(performance.now() - start);
    nextFrame((raf, painted, frameTime) => {
      probe.meterRaf.push(raf - start);
      probe.meter.push(painted - start);
      if (probe.firstFrame !== null)
        probe.meterFramesLate.push(Math.round((frameTime - probe.firstFrame) / (1000 / 60)));
      probe.meterSeq = seq;
    });
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-count'] });
  const content = document.querySelector(editorSelector);
  new MutationObserver(() => {
    if (!probe.waitEditor) return;
    probe.waitEditor = false;
    const [start, seq] = [probe.t0, probe.seq];
    nextFrame((_raf, painted) => {
      probe.editor.push(painted - start);
      probe.editorSeq = seq;
    });
  }).observe(content, { subtree: true, childList: true, characterData: true });
  /** Resolves once the last keystroke's frames were recorded (false after 3 s: a miss). */
  probe.settle = (expectMeter) =>
    new Promise((resolve) => {
      const started = performance.now();
      const poll = () => {
        const done = probe.editorSeq === probe.seq && (!expectMeter || probe.meterSeq === probe.seq);
        if (done) return resolve(true);
        if (performance.now() - started > 3000) return resolve(false);
        requestAnimationFrame(poll);
      };
      poll();
    });
  window.__probe = probe;
}

/** Types `keys` into the page's focused editor, each after the previous one was painted; returns the misses. */
export async function typePlan(page, keys) {
  let misses = 0;
  for (const { key, meter, pauseMs } of keys) {
    await page.keyboard.press(key);
    const ok = await page.evaluate((expectMeter) => window.__probe.settle(expectMeter), meter);
    if (!ok) misses += 1;
    if (pauseMs > 0) await page.waitForTimeout(pauseMs);
  }
  return misses;
}

/**
 * Both pages type with the pointer resting on the answer, where a student clicked to type. The
 * browser re-checks what is under a resting pointer after every layout (hover state), so a page
 * the pointer never entered would skip work that every real page does; the app's page was clicked
 * (the navigator) to reach the answer and the bare page was not, so without this the two differed.
 */
async function restPointerOnEditor(page, content) {
  const box = await content.boundingBox();
  const viewport = page.viewportSize();
  const y = Math.min(Math.max(box.y + box.height - 12, 12), viewport.height - 12);
  await page.mouse.move(box.x + 40, y);
}

function probeSamples(page) {
  return page.evaluate(() => {
    const { meter, meterRaf, meterDom, meterFramesLate, editor } = window.__probe;
    return { meter, meterRaf, meterDom, meterFramesLate, editor };
  });
}

/** Installed before the app's scripts on each open: when the form is ready, painted, editors in view mounted. */
function installOpenProbe() {
  const open = {
    formReady: null,
    opened: null,
    painted: null,
    inViewMounted: null,
    hosts: 0,
    interactive: 0,
    longTasks: [],
  };
  window.__open = open;
  // Resolves once the form is painted and the editors of the cards in view mounted. The bench waits on this with a
  // plain evaluate: Playwright's waitForFunction would inject its helper script into the page,
  // ~20 ms of script evaluation on the main thread in the middle of the open being measured.
  open.done = new Promise((resolve) => (open.resolveDone = resolve));
  open.check = () => {
    if (open.painted !== null && open.inViewMounted !== null) open.resolveDone();
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) open.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask entries are optional
  }
  // The form's first frame: its cards entered the DOM (React's commit), then the frame after.
  const formShown = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="editor"] .question-card')) return;
    formShown.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        open.painted = performance.now();
        open.check();
      };
      channel.port2.postMessage(null);
    });
  });
  formShown.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'report-editor:opened') open.opened = entry.startTime;
      if (entry.name !== 'report-editor:form-ready' || open.formReady !== null) continue;
      open.formReady = entry.startTime;
      // Every answer: a mounted editor, or the stand-in that turns into one on focus or click.
      const hosts = document.querySelectorAll('.answer-host');
      open.hosts = hosts.length;
      open.interactive = [...hosts].filter((h) =>
        h.querySelector('.cm-editor .cm-content[contenteditable="true"], .answer-stub[tabindex="0"]'),
      ).length;
      const inView = (h) => {
        const box = h.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth;
      };
      const poll = () => {
        const shown = [...document.querySelectorAll('.answer-host')].filter(inView);
        if (shown.length > 0 && shown.every((h) => h.querySelector('.cm-editor'))) {
          open.inViewMounted = performance.now();
          open.check();
        } else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }
  }).observe({ type: 'mark', buffered: true });
}

export async function openOnce(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(installOpenProbe);
    await page.goto(url);
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          window.__open.done.then(resolve);
          setTimeout(() => reject(new Error('the form was not ready, with its editors in view, within 30 s')), 30_000);
        }),
    );
    await page.waitForTimeout(300);
    return await page.evaluate(() => {
      const o = window.__open;
      const after = o.longTasks.filter((t) => t.start >= o.formReady);
      const nav = performance.getEntriesByType('navigation')[0];
      const call = (name) => performance.getEntriesByType('resource').find((e) => e.name.includes(`/${name}`));
      const phase = (entry, key) => (entry ? Math.round(entry[key]) : null);
      const hostTime = (entry) => entry?.serverTiming?.find((t) => t.name === 'host')?.duration ?? null;
      return {
        // Where the time before the form goes: page loaded and its script run, then the host's
        // answers to the first two calls.
        phases: {
          html: phase(nav, 'responseEnd'),
          scriptAsked: phase(
            performance.getEntriesByType('resource').find((e) => e.initiatorType === 'script'),
            'startTime',
          ),
          scriptLoaded: phase(
            performance.getEntriesByType('resource').find((e) => e.initiatorType === 'script'),
            'responseEnd',
          ),
          scriptsRun: phase(nav, 'domContentLoadedEventEnd'),
          initialStateAsked: phase(call('getInitialState'), 'startTime'),
          initialStateAnswered: phase(call('getInitialState'), 'responseEnd'),
          openAsked: phase(call('openPath'), 'startTime'),
          openAnswered: phase(call('openPath'), 'responseEnd'),
          // The host's own work on each call (its Server-Timing header).
          initialStateHost: hostTime(call('getInitialState')),
          openHost: hostTime(call('openPath')),
        },
        opened: o.opened,
        formReady: o.formReady,
        painted: o.painted,
        inViewMounted: o.inViewMounted,
        hosts: o.hosts,
        interactive: o.interactive,
        longestTaskAfterReady: after.reduce((m, t) => Math.max(m, t.duration), 0),
        longTasksBeforeReady: o.longTasks.filter((t) => t.start < o.formReady).map((t) => Math.round(t.duration)),
      };
    });
  } finally {
    await context.close();
  }
}

/** A V8 CPU profile of the page (0.1 ms sampling); `stop()` resolves with the profile. */
async function startCpuProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      return profile;
    },
  };
}

async function heapUsed(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { usedSize, totalSize };
}

/** Serves the built bare page on 127.0.0.1 (module scripts do not load from file://). */
function serveStatic(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = normalize(
      join(dir, new URL(req.url, 'http://x').pathname === '/' ? 'index.html' : new URL(req.url, 'http://x').pathname),
    );
    if (!path.startsWith(dir) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((done) => server.close(done)),
      }),
    ),
  );
}

/** Also `--enable-precise-memory-info`: exact heap figures. */
const BENCH_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];
/**
 * Chromium without its 60 Hz frame clock: a frame is made as soon as the page has something new to
 * show, so keystroke → painted is the page's own work, not that plus the wait for the next refresh.
 */
const UNTHROTTLED_ARGS = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...BENCH_CHROMIUM_ARGS, ...extraArgs] });
}

/** The keystroke figures of one typing run (ms): app next to the bare editor, and the raw samples. */
function keystrokeFigures({ app, baseline }, stats) {
  const firstFrameShare = (late) => (late.length === 0 ? 0 : late.filter((n) => n === 0).length / late.length);
  const figures = {
    // keydown → the end of the first frame after the count changed: the new count painted
    appPainted: stats(app.meter),
    barePainted: stats(baseline.meter),
    // keydown → that frame's requestAnimationFrame (its style, layout and paint follow)
    appFrame: stats(app.meterRaf),
    bareFrame: stats(baseline.meterRaf),
    // keydown → the count changed in the DOM (no frame wait)
    appDom: stats(app.meterDom),
    bareDom: stats(baseline.meterDom),
    // every key: keydown → end of the frame showing the typed text
    appEditor: stats(app.editor),
    bareEditor: stats(baseline.editor),
    // share of keys whose new count is in the first frame after the key
    firstFrame: { app: firstFrameShare(app.meterFramesLate), bare: firstFrameShare(baseline.meterFramesLate) },
    misses: { app: app.misses, bare: baseline.misses },
    samples: {
      appPainted: app.meter.map((x) => +x.toFixed(1)),
      barePainted: baseline.meter.map((x) => +x.toFixed(1)),
    },
  };
  return { ...figures, ratioP95: figures.appPainted.p95 / figures.barePainted.p95 };
}

/**
 * Opens the app, types `plan` into its longest answer and, in alternating chunks so both see the
 * same machine load, the same keys into the bare editor at the same width with the same text.
 */
/**
 * The bare page's load, measured as the app's open is: a cold context, navigation start → the
 * editor mounted with the whole report's text and its first frame painted.
 */
async function bareOpenOnce(browser, url, text) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await page.evaluate(
      (reportText) =>
        new Promise((resolve) => {
          window.benchMount(reportText);
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now());
            channel.port2.postMessage(null);
          });
        }),
      text,
    );
  } finally {
    await context.close();
  }
}

async function typingRun(browser, { hostUrl, bareUrl, plan, profile }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('crash', () => console.log('[bench] the app page crashed'));
  page.on('console', (m) => m.type() === 'error' && console.log('[bench] app console:', m.text()));
  await page.addInitScript(installOpenProbe);
  await page.goto(hostUrl);
  await page.evaluate(() => window.__open.done);
  await page.waitForTimeout(1000);
  const heap = await heapUsed(page);
  const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);

  // The question whose answer is longest (the most text to count on each keystroke).
  const number = await page.evaluate(() => {
    let best = null;
    for (const meter of document.querySelectorAll('[data-testid^="word-meter-"]')) {
      const count = Number(meter.getAttribute('data-count'));
      if (!best || count > best.count)
        best = { count, number: Number(meter.getAttribute('data-testid').slice('word-meter-'.length)) };
    }
    return best.number;
  });
  await page.getByTestId(`nav-q-${number}`).click();
  const content = page.getByTestId(`question-${number}`).locator('.cm-content');
  await content.evaluate((el) => el === document.activeElement || el.focus());
  await page.keyboard.press('Control+End');
  await restPointerOnEditor(page, content);
  const startText = (await content.locator('.cm-line').allTextContents()).join('\n');
  const hostWidth = await page
    .getByTestId(`question-${number}`)
    .locator('.answer-host')
    .evaluate((el) => el.getBoundingClientRect().width);
  await page.evaluate(installProbe, {
    meterSelector: `[data-testid="word-meter-${number}"]`,
    editorSelector: `[data-testid="question-${number}"] .cm-content`,
  });
  // --- the bare editor: same text, same width ----------------------------------------------
  const bareContext = await browser.newContext({ viewport: VIEWPORT });
  const barePage = await bareContext.newPage();
  await barePage.goto(bareUrl);
  await barePage.evaluate(
    ({ text, width }) => {
      document.getElementById('host').style.width = `${width}px`;
      window.benchMount(text);
    },
    { text: startText, width: hostWidth },
  );
  const bareHeap = await heapUsed(barePage);
  await barePage.locator('#host .cm-content').focus();
  await barePage.keyboard.press('Control+End');
  await restPointerOnEditor(barePage, barePage.locator('#host .cm-content'));
  await barePage.evaluate(installProbe, { meterSelector: '#counter', editorSelector: '#host .cm-content' });

  // --- typing: the same keys into both, in alternating chunks, so both see the same machine load
  const trace = profile ? process.env.BENCH_TRACE : undefined;
  if (trace) await browser.startTracing(page, { path: trace, screenshots: false });
  const profiler = profile && process.env.BENCH_CPUPROFILE ? await startCpuProfile(page) : null;
  let appMisses = 0;
  let bareMisses = 0;
  for (let at = 0; at < plan.length; at += CHUNK) {
    const chunk = plan.slice(at, at + CHUNK);
    appMisses += await typePlan(page, chunk);
    // Let the app's debounced re-check and autosave finish before the other page types.
    await page.waitForTimeout(1500);
    bareMisses += await typePlan(barePage, chunk);
  }
  if (profiler) writeFileSync(process.env.BENCH_CPUPROFILE, JSON.stringify(await profiler.stop()));
  if (trace) await browser.stopTracing();
  const app = { ...(await probeSamples(page)), misses: appMisses };
  const baseline = { ...(await probeSamples(barePage)), misses: bareMisses };
  const flushes = await page.evaluate(() => performance.getEntriesByName('report-editor:flush').map((e) => e.duration));
  await context.close();
  await bareContext.close();
  if (errors.length > 0) throw new Error(`the app threw while typing: ${errors.join('; ')}`);
  return { number, heap, memory, bareHeap, app, baseline, flushes };
}

export async function run({ root, corpusDir, stats }) {
  const missing = !existsSync(CHROMIUM_PATH)
    ? `no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`
    : !existsSync(join(corpusDir, BENCH_REPORT))
      ? `${join(corpusDir, BENCH_REPORT)} not found`
      : null;
  if (missing) {
    console.log(`[bench] UI section skipped: ${missing}`);
    return { name: 'ui', results: { skipped: missing }, rows: [['ui', 'skipped', missing, '']] };
  }
  // The bare page: built here, from the app's own editor module.
  const bareDir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  const vite = join(root, 'node_modules/.bin/vite');
  const built = spawnSync(vite, ['build', '--config', join(root, 'bench/bare/vite.config.mjs'), '--outDir', bareDir], {
    cwd: root,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`building bench/bare failed:\n${built.stdout}${built.stderr}`);

  const bench = await makeBenchRepo({ corpusDir, figures: true, prefix: 'bench-ui-' });
  const host = await startHost({ root, repo: bench.repo });
  const bare = await serveStatic(bareDir);
  const browser = await launchChromium();
  try {
    // --- open → interactive, cold contexts ---------------------------------------------------
    const opens = [];
    for (let i = 0; i < OPEN_RUNS; i++) opens.push(await openOnce(browser, host.url));
    for (const o of opens) {
      if (o.interactive !== o.hosts)
        throw new Error(`at form-ready only ${o.interactive} of ${o.hosts} answers took input`);
    }
    const reportText = readFileSync(join(corpusDir, BENCH_REPORT), 'utf8');
    const bareOpens = [];
    for (let i = 0; i < OPEN_RUNS; i++) bareOpens.push(await bareOpenOnce(browser, bare.url, reportText));

    // --- typing, on a 60 Hz frame clock and unthrottled -----------------------------------------
    const plan = keyPlan();
    const run = { hostUrl: host.url, bareUrl: bare.url, plan };
    const display = await typingRun(browser, { ...run, profile: true });
    const unthrottledBrowser = await launchChromium(UNTHROTTLED_ARGS);
    let unthrottled;
    try {
      unthrottled = await typingRun(unthrottledBrowser, { ...run, profile: false });
    } finally {
      await unthrottledBrowser.close();
    }
    const { number, heap, memory, bareHeap } = display;

    // --- figures -------------------------------------------------------------------------------
    // Both goals are judged on keystroke → the end of the frame that shows the new count (painted)
    // with Chromium unthrottled: the app's own latency. On the 60 Hz clock the same keys also wait
    // for the next refresh (0-16.7 ms, whatever the page does): reported beside it.
    const keys = { display: keystrokeFigures(display, stats), unthrottled: keystrokeFigures(unthrottled, stats) };
    const goal = keys.unthrottled;
    const withinBare = goal.ratioP95 <= KEYSTROKE_GOAL;
    const underFrame = goal.appPainted.p95 < FRAME_MS;
    const ready = stats(opens.map((o) => o.formReady));
    const painted = stats(opens.map((o) => o.painted));
    const mounted = stats(opens.map((o) => o.inViewMounted));
    const interactive = stats(opens.map((o) => Math.max(o.formReady, o.painted)));
    const bareOpen = stats(bareOpens);
    const openRatio = interactive.p50 / bareOpen.p50;
    const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
    const pair = (a, b, key) => `${a[key].toFixed(1)} / ${b[key].toFixed(1)} ms`;
    const percent = (x) => `${Math.round(x * 100)}%`;
    const flushes = [...display.flushes, ...unthrottled.flushes];

    const results = {
      chromium: browser.version(),
      viewport: VIEWPORT,
      question: number,
      keystrokes: plan.length,
      keystroke: {
        ...keys,
        goal: {
          judgedOn: 'unthrottled appPainted p95',
          p95WithinBare: KEYSTROKE_GOAL,
          p95Ms: FRAME_MS,
          withinBare,
          underFrame,
        },
        flush: flushes.length > 0 ? stats(flushes) : null,
      },
      open: {
        runs: opens,
        formReady: ready,
        painted,
        interactive,
        inViewMounted: mounted,
        goalMs: 500,
        bare: { runs: bareOpens, painted: bareOpen },
        ratioP50: openRatio,
        goalWithinBare: OPEN_GOAL,
      },
      heap: { app: heap, appPerformanceMemory: memory, bare: bareHeap },
    };
    const rows = [];
    for (const [mode, k] of [
      ['unthrottled', keys.unthrottled],
      ['60 Hz', keys.display],
    ]) {
      rows.push(
        [
          'ui',
          `[${mode}] keystroke → new word count painted, app / bare (p50, p95; ${k.appPainted.n} keys)`,
          `${pair(k.appPainted, k.barePainted, 'p50')}, ${pair(k.appPainted, k.barePainted, 'p95')}`,
          mode === 'unthrottled'
            ? `${withinBare ? 'met' : 'MISSED'}: ≤ ${KEYSTROKE_GOAL}x bare (${k.ratioP95.toFixed(2)}x); ${underFrame ? 'met' : 'MISSED'}: < ${FRAME_MS} ms`
            : `${k.ratioP95.toFixed(2)}x bare; the wait for the refresh alone is 0-16.7 ms`,
        ],
        [
          'ui',
          `[${mode}]   … to the frame showing it (its requestAnimationFrame), app / bare`,
          `${pair(k.appFrame, k.bareFrame, 'p50')}, ${pair(k.appFrame, k.bareFrame, 'p95')}`,
          '',
        ],
        [
          'ui',
          `[${mode}]   … to the count changed in the DOM, app / bare`,
          `${pair(k.appDom, k.bareDom, 'p50')}, ${pair(k.appDom, k.bareDom, 'p95')}`,
          '',
        ],
        [
          'ui',
          `[${mode}]   … count in the first frame after the key, app / bare`,
          `${percent(k.firstFrame.app)} / ${percent(k.firstFrame.bare)} of keys`,
          k.misses.app + k.misses.bare ? `${k.misses.app}/${k.misses.bare} keys missed` : '',
        ],
        [
          'ui',
          `[${mode}] keystroke → its text painted, every key, app / bare (p95; ${plan.length} keys)`,
          pair(k.appEditor, k.bareEditor, 'p95'),
          '',
        ],
      );
    }
    rows.push(
      [
        'ui',
        `open → form interactive and painted (nav start → form-ready mark and first frame, ${opens.length} cold runs)`,
        `p50 ${interactive.p50.toFixed(0)} ms (form-ready ${ready.p50.toFixed(0)}, painted ${painted.p50.toFixed(0)})`,
        interactive.p50 < 500 ? 'goal met (< 500 ms)' : 'GOAL MISSED (< 500 ms)',
      ],
      [
        'ui',
        `open, app / bare page (nav start → interactive and painted; bare: one editor holding the whole report, ${bareOpens.length} cold runs)`,
        `p50 ${interactive.p50.toFixed(0)} / ${bareOpen.p50.toFixed(0)} ms`,
        `${openRatio <= OPEN_GOAL ? 'met' : 'MISSED'}: ≤ ${OPEN_GOAL}x bare (${openRatio.toFixed(2)}x)`,
      ],
      ['ui', 'open → the editors of the cards in view mounted', `p50 ${mounted.p50.toFixed(0)} ms`, ''],
      [
        'ui',
        'JS heap after opening (after GC; bare editor page)',
        `${mb(heap.usedSize)} (bare ${mb(bareHeap.usedSize)})`,
        'no goal',
      ],
    );
    if (flushes.length > 0) {
      const f = stats(flushes);
      rows.push([
        'ui',
        `re-check after a typing pause (report-editor:flush, ${f.n}x)`,
        `p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms`,
        '',
      ]);
    }
    return { name: 'ui', results, rows };
  } finally {
    await browser.close();
    await bare.close();
    await host.stop();
    bench.cleanup();
    rmSync(bareDir, { recursive: true, force: true });
  }
}
