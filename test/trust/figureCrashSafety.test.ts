/**
 * Nothing lost, figures too: a child imports figure after figure with the real importFigure and is
 * killed with SIGKILL at random moments. After every kill each figure in figures/ is either absent
 * or complete (byte for byte what was imported), never a partial image; at most one temp file is
 * left per kill, and reopening the report sweeps old ones.
 */
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportWorkspace } from '../../src/services/reportWorkspace';
import { tempRepo } from '../support/cli';
import { buildReport } from '../support/reportBuilder';
import { inLanes, runAndKill } from './support/killLoop';
import { bundleForNode } from './support/nodeBundle';
import { noisePng } from './support/noisePng';

/** Each child loads sharp (slower to start than the report loop): fewer kills, same property. */
const KILLS = Number(process.env['TRUST_FIGURE_KILLS'] ?? 40);
const MAX_DELAY_MS = 40;
const FIGURE = /^q19-shot-(\d+)\.png$/;
const TEMP = /^\..+\.[0-9a-f]{12}\.tmp$/;

let script: string;
beforeAll(async () => {
  script = await bundleForNode(join(import.meta.dirname, 'fixtures/figureImportLoop.ts'));
}, 60_000);
afterAll(() => rmSync(dirname(script), { recursive: true, force: true }));

describe('a figure import killed at a random moment', () => {
  it(`leaves each figure absent or complete, never partial (${KILLS} kills)`, async () => {
    const repos = [0, 1].map(() => tempRepo({ 'reports/README.md': buildReport() }));
    const figures = (repo: string) => join(repo, 'reports/figures');
    const list = (repo: string) => (existsSync(figures(repo)) ? readdirSync(figures(repo)) : []);
    const partial: string[] = [];
    const checked = new Set<string>();
    let complete = 0;
    const started = Date.now();

    await inLanes(KILLS, 2, async (lane, index) => {
      const repo = repos[lane];
      const tempsBefore = list(repo).filter((n) => TEMP.test(n)).length;
      await runAndKill(script, [join(repo, 'reports/README.md'), String(index * 10_000)], Math.random() * MAX_DELAY_MS);
      for (const name of list(repo)) {
        // Figures checked after an earlier kill are never written again (names are never reused).
        if (TEMP.test(name) || checked.has(`${lane}/${name}`)) continue;
        checked.add(`${lane}/${name}`);
        const match = FIGURE.exec(name);
        if (!match) {
          partial.push(`unexpected file ${name}`);
          continue;
        }
        if (!readFileSync(join(figures(repo), name)).equals(noisePng(Number(match[1])))) partial.push(`kill ${index}: ${name} is not the complete image`);
      }
      expect(list(repo).filter((n) => TEMP.test(n)).length - tempsBefore, `kill ${index}`).toBeLessThanOrEqual(1);
    });

    for (const repo of repos) complete += list(repo).filter((n) => FIGURE.test(n)).length;
    const temps = repos.reduce((n, repo) => n + list(repo).filter((name) => TEMP.test(name)).length, 0);
    console.log(`[crash safety: figures] ${KILLS} SIGKILLs in ${((Date.now() - started) / 1000).toFixed(1)} s: ${complete} complete figures, ${partial.length} partial, ${temps} temp files left`);
    expect(partial).toEqual([]);
    expect(complete).toBeGreaterThanOrEqual(KILLS);

    // Temp files a kill left in figures/ are swept when the report is opened again (once old enough
    // that no live import can own them); the figures stay.
    for (const repo of repos) {
      const old = new Date(Date.now() - 3_600_000);
      for (const name of list(repo).filter((n) => TEMP.test(n))) utimesSync(join(figures(repo), name), old, old);
      const figuresBefore = list(repo).filter((n) => FIGURE.test(n));
      const workspace = new ReportWorkspace(() => undefined, null, { watch: false });
      expect((await workspace.openPath(repo)).kind).toBe('opened');
      await workspace.close();
      expect(list(repo)).toEqual(figuresBefore);
    }
  }, 120_000);
});
