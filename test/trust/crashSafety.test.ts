/**
 * Nothing lost: a child process saves a real-size report through the real ReportWorkspace in a
 * loop and is killed with SIGKILL at random moments, hundreds of times. After every kill the file
 * on disk must be exactly the old or the new version, never empty, truncated or mixed.
 *
 * The child runs the services bundled by Vite (see support/nodeBundle.ts); a control run with a
 * plain in-place writeFile shows that this harness does catch torn files.
 */
import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAnswer } from '../../src/core/editReport';
import { parseReport } from '../../src/core/parseReport';
import { serializeReport } from '../../src/core/reportModel';
import { ReportWorkspace } from '../../src/services/reportWorkspace';
import { tempRepo } from '../support/cli';
import { corpusReports } from '../support/corpus';
import { buildReport, words } from '../support/reportBuilder';
import { inLanes, runAndKill } from './support/killLoop';
import { bundleForNode } from './support/nodeBundle';

/** Hundreds by default (~15 s on an idle 2-core box, under a minute on a busy one); TRUST_KILLS=2000 for a soak. */
const KILLS = Number(process.env['TRUST_KILLS'] ?? 200);
/** The whole workspace takes ~4x longer to start in a child: fewer kills, same property. */
const WORKSPACE_KILLS = Math.ceil(KILLS / 6);
const LANES = 2;
const MAX_DELAY_MS = 30;
const TEMP_FILE = /^\.README\.md\.[0-9a-f]{12}\.tmp$/;

/** Version A: the largest real report (or a synthetic one of that size); B: every answer rewritten. */
function versions(): { a: string; b: string } {
  const real = corpusReports().sort((x, y) => y.text.length - x.text.length)[0];
  const a = real?.text ?? buildReport({ answers: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [i + 1, words(200, `a${i}`)])) });
  let doc = parseReport(a);
  for (const q of doc.questions) doc = setAnswer(doc, q.number, `Rewritten answer ${q.number}: ${words(150, 'b')}`);
  const b = serializeReport(doc);
  if (a === b || b.length < 20_000) throw new Error('the two versions must differ and be report-sized');
  return { a, b };
}

let script: string;
beforeAll(async () => {
  script = await bundleForNode(join(import.meta.dirname, 'fixtures/saveLoop.ts'));
}, 60_000);
afterAll(() => rmSync(dirname(script), { recursive: true, force: true }));

function makeLane(lane: number, a: string, b: string) {
  const repo = tempRepo({ 'reports/README.md': a, [`a${lane}.md`]: a, [`b${lane}.md`]: b });
  return { repo, report: join(repo, 'reports/README.md'), files: [join(repo, 'reports/README.md'), join(repo, `a${lane}.md`), join(repo, `b${lane}.md`)] };
}

const tempFiles = (repo: string) => readdirSync(join(repo, 'reports')).filter((n) => TEMP_FILE.test(n));

interface KillSummary {
  lanes: ReturnType<typeof makeLane>[];
  seen: { a: number; b: number };
  torn: string[];
}

/** `kills` SIGKILLs of the `mode` save loop at random moments, two children at a time. */
async function killRepeatedly(mode: 'atomic' | 'workspace', kills: number): Promise<KillSummary> {
  const { a, b } = versions();
  const bufA = Buffer.from(a);
  const bufB = Buffer.from(b);
  const lanes = Array.from({ length: LANES }, (_, lane) => makeLane(lane, a, b));
  const seen = { a: 0, b: 0 };
  const torn: string[] = [];
  const started = Date.now();
  await inLanes(kills, LANES, async (laneIndex, index) => {
    const lane = lanes[laneIndex];
    const before = tempFiles(lane.repo).length;
    const delay = Math.random() * MAX_DELAY_MS;
    await runAndKill(script, [mode, ...lane.files], delay);
    const disk = readFileSync(lane.report);
    if (disk.equals(bufA)) seen.a++;
    else if (disk.equals(bufB)) seen.b++;
    else torn.push(`kill ${index} after ${delay.toFixed(1)} ms: ${disk.length} bytes, neither version (A ${bufA.length}, B ${bufB.length})`);
    // One save in flight at a time: a kill can leave at most one temp file behind.
    expect(tempFiles(lane.repo).length - before, `kill ${index}`).toBeLessThanOrEqual(1);
  });
  const left = lanes.reduce((n, lane) => n + tempFiles(lane.repo).length, 0);
  console.log(
    `[crash safety: ${mode}] ${kills} SIGKILLs in ${((Date.now() - started) / 1000).toFixed(1)} s: old/new version on disk ${seen.a}/${seen.b}, torn ${torn.length}, temp files left ${left}`,
  );
  return { lanes, seen, torn };
}

describe('a save killed at a random moment', () => {
  it(`leaves exactly the old or the new report (writeFileAtomic, ${KILLS} kills)`, async () => {
    const { seen, torn } = await killRepeatedly('atomic', KILLS);
    expect(torn).toEqual([]);
    // Both versions were seen: the kills really landed mid-loop, not always before the first save.
    expect(seen.a).toBeGreaterThan(0);
    expect(seen.b).toBeGreaterThan(0);
  }, 120_000);

  it(`leaves exactly the old or the new report (the whole ReportWorkspace.save, ${WORKSPACE_KILLS} kills), and reopening sweeps the temp files kills left`, async () => {
    const { lanes, seen, torn } = await killRepeatedly('workspace', WORKSPACE_KILLS);
    expect(torn).toEqual([]);
    expect(seen.a + seen.b).toBe(WORKSPACE_KILLS);

    // A kill between creating a temp file and renaming it leaves the temp file: harmless to the
    // report, but it would show in `git status`. Reopening sweeps those old enough that no live save
    // can own them (an hour here), and leaves a fresh one alone.
    for (const lane of lanes) {
      const hourAgo = new Date(Date.now() - 3_600_000);
      writeFileSync(join(lane.repo, 'reports', '.README.md.aaaaaaaaaaaa.tmp'), 'left by a kill an hour ago');
      for (const name of tempFiles(lane.repo)) utimesSync(join(lane.repo, 'reports', name), hourAgo, hourAgo);
      writeFileSync(join(lane.repo, 'reports', '.README.md.0123456789ab.tmp'), 'a save in flight right now');
      const before = readFileSync(lane.report);
      const workspace = new ReportWorkspace(() => undefined, null, { watch: false });
      expect((await workspace.openPath(lane.repo)).kind).toBe('opened');
      await workspace.close();
      expect(tempFiles(lane.repo)).toEqual(['.README.md.0123456789ab.tmp']);
      expect(readFileSync(lane.report).equals(before)).toBe(true);
    }
  }, 120_000);

  it('control: the same harness catches a plain in-place writeFile tearing the report', async () => {
    const { a, b } = versions();
    const lane = makeLane(0, a, b);
    let torn = 0;
    for (let i = 0; i < 60 && torn === 0; i++) {
      await runAndKill(script, ['naive', ...lane.files], Math.random() * 5);
      const disk = readFileSync(lane.report, 'utf8');
      if (disk !== a && disk !== b) torn++;
    }
    expect(torn, 'a naive writer killed mid-write should leave a torn file at least once in 60 kills').toBeGreaterThan(0);
  }, 60_000);
});
