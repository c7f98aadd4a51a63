import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecentRepos } from '../../src/services/recentRepos';
import { tempRepo } from '../support/cli';

describe('the recent repos list', () => {
  it('persists across instances, newest first, without duplicates, at most ten', async () => {
    const dir = tempRepo({});
    const first = new RecentRepos(dir);
    for (let i = 0; i < 12; i++) await first.add({ repoRoot: `/r${i}`, reportPath: `/r${i}/reports/README.md` }, new Date(2026, 0, 1, 0, i));
    await first.add({ repoRoot: '/r5', reportPath: '/r5/reports/README.md' });
    const list = await new RecentRepos(dir).list();
    expect(list).toHaveLength(10);
    expect(list.map((r) => r.repoRoot).slice(0, 3)).toEqual(['/r5', '/r11', '/r10']);
  });

  it('treats a damaged settings file as an empty list', async () => {
    const dir = tempRepo({});
    writeFileSync(join(dir, 'recent.json'), '{not json');
    expect(await new RecentRepos(dir).list()).toEqual([]);
    writeFileSync(join(dir, 'recent.json'), JSON.stringify([{ repoRoot: 3 }]));
    expect(await new RecentRepos(dir).list()).toEqual([]);
  });
});
