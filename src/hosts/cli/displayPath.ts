import { isAbsolute, relative, sep } from 'node:path';

/** `path` relative to `cwd` with `/` separators when it lies below it (also on Windows), else as is. */
export function relativeTo(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}
