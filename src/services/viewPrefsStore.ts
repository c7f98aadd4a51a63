/**
 * How the student likes the form (folded panels, text size, theme), kept by the host in its
 * config folder beside the recent list. The page's localStorage alone is not enough: the browser
 * host's address changes port with every `report-editor serve`, and localStorage belongs to one
 * address, so the choices were lost at each start. A damaged file reads as "nothing stored".
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredViewPrefs } from '../api/payloads';
import { VIEW_PREFS_SCHEMA } from '../api/schemas';
import { writeFileAtomic } from './atomicWrite';

export class ViewPrefsStore {
  private readonly file: string;
  /** Saves one after another, so the file ends with the last choice, not the slowest write. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly configDir: string) {
    this.file = join(configDir, 'view-prefs.json');
  }

  async load(): Promise<StoredViewPrefs | null> {
    try {
      return VIEW_PREFS_SCHEMA.parse(JSON.parse(await readFile(this.file, 'utf8')));
    } catch {
      return null;
    }
  }

  save(prefs: StoredViewPrefs): Promise<void> {
    const write = async () => {
      await mkdir(this.configDir, { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify(prefs, null, 2));
    };
    this.queue = this.queue.then(write, write);
    return this.queue;
  }
}
