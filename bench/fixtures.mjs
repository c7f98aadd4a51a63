/**
 * What the export and UI benchmarks share: a throw-away repo holding a real 31-question corpus
 * report (reports/README.md) and, on request, the 20 screenshots it links to, generated as
 * realistic 1920x1080 PNGs; and the browser host (`report-editor serve`) started on such a repo.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The corpus report the UI and export benches open: real, 31 questions, 50 kB, 20 figures. */
export const BENCH_REPORT = 'real-041.md';

/** The report's text, read in place from the corpus. */
export function benchReportText(corpusDir) {
  const path = join(corpusDir, BENCH_REPORT);
  if (!existsSync(path)) throw new Error(`${path} not found: the UI and export benches need the corpus`);
  return readFileSync(path, 'utf8');
}

/** Relative image targets of `![alt](target)` links (the template's own `<image>` example excluded). */
export function figureTargets(text) {
  const targets = new Set();
  for (const match of text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
    const target = match[1];
    if (/^[a-z]+:/i.test(target) || target.includes('<')) continue;
    targets.add(target);
  }
  return [...targets];
}

/** A deterministic pseudo-random generator (mulberry32), so every run draws the same pictures. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A screenshot-like 1920x1080 RGB picture: a title bar, a side bar, lines of "text" (short dark
 * runs), a gradient chart with a noisy curve and a noisy photo-like panel, so the PNG weighs
 * what a real dashboard screenshot does (a few hundred kB) instead of compressing to nothing.
 */
function screenshotPixels(seed, width = 1920, height = 1080) {
  const rnd = random(seed);
  const px = Buffer.alloc(width * height * 3);
  const hue = [rnd() * 200 + 30, rnd() * 200 + 30, rnd() * 200 + 30];
  const set = (x, y, r, g, b) => {
    const i = (y * width + x) * 3;
    px[i] = r;
    px[i + 1] = g;
    px[i + 2] = b;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (y < 64) set(x, y, hue[0] * 0.4, hue[1] * 0.4, hue[2] * 0.4);
      else if (x < 280) set(x, y, 245, 246, 248);
      else set(x, y, 255, 255, 255);
    }
  }
  // Lines of text: dark runs of random length, in the side bar and the top half of the page.
  const text = (x0, x1, y0, y1) => {
    for (let y = y0; y < y1; y += 22) {
      let x = x0 + Math.floor(rnd() * 20);
      const end = x0 + Math.floor((x1 - x0) * (0.4 + rnd() * 0.6));
      while (x < end) {
        const word = 8 + Math.floor(rnd() * 60);
        const glyph = 1 + Math.floor(rnd() * 5);
        for (let dy = 0; dy < 11; dy++) {
          for (let dx = 0; dx < word && x + dx < x1; dx++) {
            // Glyph-like strokes: a pattern that changes per word, not per pixel.
            if ((dx * glyph + dy * 3) % 7 < 3) set(x + dx, y + dy, 60, 60, 70);
          }
        }
        x += word + 7;
      }
    }
  };
  text(16, 264, 90, height - 20);
  text(310, width - 40, 90, 420);
  // A chart: gradient background, grid, a noisy curve.
  const cx0 = 310,
    cx1 = 1180,
    cy0 = 450,
    cy1 = 1040;
  for (let y = cy0; y < cy1; y++) {
    for (let x = cx0; x < cx1; x++) {
      const t = (y - cy0) / (cy1 - cy0);
      const grid = (x - cx0) % 80 === 0 || (y - cy0) % 60 === 0;
      const v = grid ? 210 : 250 - t * 25;
      set(x, y, v, v, v + 3);
    }
  }
  let level = 0.5;
  for (let x = cx0; x < cx1; x++) {
    level = Math.min(0.95, Math.max(0.05, level + (rnd() - 0.52) * 0.03));
    const y = Math.floor(cy1 - level * (cy1 - cy0));
    for (let dy = -2; dy <= 2; dy++) set(x, y + dy, hue[0], hue[1] * 0.6, hue[2]);
  }
  // A photo-like panel: smooth colour field plus sensor noise (what makes real screenshots heavy).
  const px0 = 1220,
    px1 = width - 40,
    py0 = 450,
    py1 = 1040;
  for (let y = py0; y < py1; y++) {
    for (let x = px0; x < px1; x++) {
      const u = (x - px0) / (px1 - px0);
      const v = (y - py0) / (py1 - py0);
      const n = (rnd() - 0.5) * 8;
      set(
        x,
        y,
        Math.max(0, Math.min(255, hue[0] * (1 - u) + 200 * u * v + n)),
        Math.max(0, Math.min(255, hue[1] * v + 120 * (1 - v) + n)),
        Math.max(0, Math.min(255, hue[2] * u + 90 + n)),
      );
    }
  }
  return { px, width, height };
}

/**
 * Adds `![...](figures/extra-N.png)` embeds after the report's own embeds (so inside answers that
 * already show figures) until the report embeds `total` distinct images.
 */
export function withFigureCount(text, total) {
  const missing = total - figureTargets(text).length;
  if (missing <= 0) return text;
  let added = 0;
  return text.replace(/^!\[[^\]]*\]\((?!<)[^)\s]+\)[ \t]*$/gm, (line) => {
    if (added >= missing) return line;
    added += 1;
    return `${line}\n\n![Screenshot ${added}](figures/extra-${added}.png)`;
  });
}

/**
 * A temp repo with the bench report at reports/README.md. `figures`: false for none, true for the
 * images the report links to, or a number of distinct images to embed (extra embeds are added to
 * answers that already show figures); each is generated as a screenshot-like PNG.
 * Returns { repo, reportPath, text, figures: [{ path, bytes }], cleanup }.
 */
export async function makeBenchRepo({ corpusDir, figures = false, prefix = 'bench-repo-' }) {
  let text = benchReportText(corpusDir);
  if (typeof figures === 'number') text = withFigureCount(text, figures);
  const repo = mkdtempSync(join(tmpdir(), prefix));
  const reportPath = join(repo, 'reports/README.md');
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, text);
  const written = [];
  if (figures !== false) {
    const { default: sharp } = await import('sharp');
    for (const [i, target] of figureTargets(text).entries()) {
      const path = join(dirname(reportPath), target);
      mkdirSync(dirname(path), { recursive: true });
      const { px, width, height } = screenshotPixels(1000 + i);
      const info = await sharp(px, { raw: { width, height, channels: 3 } })
        .png()
        .toFile(path);
      written.push({ path, bytes: info.size });
    }
  }
  return { repo, reportPath, text, figures: written, cleanup: () => rmSync(repo, { recursive: true, force: true }) };
}

/**
 * The browser host on `repo`; resolves with { url, stop } once it printed its URL. `env` adds to its
 * environment (e.g. REPORT_EDITOR_RENDERER_DIR, to compare two builds of the renderer); `nodeArgs`
 * go to its Node (e.g. --cpu-prof, to profile the host).
 */
export function startHost({ root, repo, env = {}, nodeArgs = [] }) {
  const cli = join(root, 'dist/cli/report-editor.js');
  const configDir = mkdtempSync(join(tmpdir(), 'bench-host-config-'));
  const child = spawn(process.execPath, [...nodeArgs, cli, 'serve', repo, '--port', '0'], {
    cwd: repo,
    // Its own settings folder: the recent list of whoever runs the bench is left alone.
    env: { ...process.env, ...env, REPORT_EDITOR_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(configDir, { recursive: true, force: true });
  };
  return new Promise((resolveHost, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`serve printed no URL within 15 s:\n${output.join('')}`));
    }, 15_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.stdout.on('data', (chunk) => {
      output.push(chunk);
      buffered += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]+\//.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolveHost({ url: match[0], stop, output });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing its URL:\n${output.join('')}`));
    });
  });
}
