/**
 * A file whose write bits are off is read-only, whoever asks — also for root, who could write it
 * anyway (containers and dev boxes often run as root). Editors treat it so (vim: "'readonly' option
 * is set"); so do we: no save, repair or export replaces it until the user makes it writable.
 */
import { constants as fsConstants } from 'node:fs';
import { access, chmod, stat } from 'node:fs/promises';
import { ReportFileError } from './reportFile';

export class ReadOnlyFileError extends ReportFileError {
  /** Like the EACCES a write would meet, for callers that go by the code. */
  readonly code = 'EACCES';
  constructor(path: string, message = `${path} is read-only`) {
    super('read-only', message, path);
    this.name = 'ReadOnlyFileError';
  }
}

/** True when `mode` has no write bit at all (chmod a-w, 0444). */
export function modeIsReadOnly(mode: number): boolean {
  return (mode & 0o222) === 0;
}

/**
 * Throws ReadOnlyFileError when `path` exists and is read-only: no write bit, or this user may not
 * write it. A missing file is not read-only (writing creates it). `message` may depend on the
 * file's owner (its uid), for a hint that works (`writableHint`).
 */
export async function assertWritable(path: string, message?: string | ((owner: number) => string)): Promise<void> {
  let info: { mode: number; uid: number };
  try {
    info = await stat(path);
  } catch {
    return;
  }
  const refusal = () => new ReadOnlyFileError(path, typeof message === 'function' ? message(info.uid) : message);
  if (modeIsReadOnly(info.mode)) throw refusal();
  try {
    await access(path, fsConstants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw refusal();
    throw error;
  }
}

/** `chmod u+w`: what "Make it writable" does. Fails (EPERM) for a file this user does not own. */
export async function makeWritable(path: string): Promise<void> {
  const mode = (await stat(path)).mode & 0o7777;
  await chmod(path, mode | 0o200);
}

/**
 * How to make a read-only file writable, for a one-line message: `chmod u+w` only works for its
 * owner (or root), and Windows has no chmod. `owner` is the file's uid (null: unknown).
 */
export function writableHint(
  shown: string,
  owner: number | null,
  platform: NodeJS.Platform = process.platform,
  uid: number | undefined = process.getuid?.(),
): string {
  if (platform === 'win32') return `clear its Read-only attribute: attrib -r "${shown}"`;
  if (owner !== null && uid !== undefined && uid !== 0 && owner !== uid) {
    return `it belongs to another user (uid ${owner}), so only they can change that; or work in a clone of your own`;
  }
  return `chmod u+w ${shown}`;
}
