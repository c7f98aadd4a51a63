/**
 * The recently opened repos, persisted as JSON in the app's config folder so the welcome screen
 * can offer them after a restart. A damaged file is treated as empty, never as a crash.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentRepo } from '../api/contract';
import { writeFileAtomic } from './atomicWrite';

const MAX_RECENT = 10;

const recentFileSchema = z.array(
  z.object({ repoRoot: z.string(), reportPath: z.string(), openedAt: z.string() }),
);

/** Where the browser host and the CLI keep settings (Electron uses its userData folder). */
export function defaultConfigDir(): string {
  if (process.env['REPORT_EDITOR_CONFIG_DIR']) return process.env['REPORT_EDITOR_CONFIG_DIR'];
  if (process.platform === 'win32' && process.env['APPDATA']) return join(process.env['APPDATA'], 'mlops-report-editor');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'mlops-report-editor');
  return join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'mlops-report-editor');
}

export class RecentRepos {
  private readonly file: string;

  /** The host's config folder; other remembered settings live beside the list (viewPrefsStore.ts). */
  constructor(readonly configDir: string) {
    this.file = join(configDir, 'recent.json');
  }

  async list(): Promise<RecentRepo[]> {
    try {
      return recentFileSchema.parse(JSON.parse(await readFile(this.file, 'utf8')));
    } catch {
      return [];
    }
  }

  async add(entry: Omit<RecentRepo, 'openedAt'>, now = new Date()): Promise<RecentRepo[]> {
    const rest = (await this.list()).filter((r) => r.reportPath !== entry.reportPath);
    const next = [{ ...entry, openedAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT);
    await mkdir(this.configDir, { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    return next;
  }
}
