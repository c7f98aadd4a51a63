/** Path display helpers for the renderer, which has no Node `path` module (and runs on every OS). */

export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const at = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return at === -1 ? trimmed : trimmed.slice(at + 1);
}

/** `path` relative to `root` when it lies inside it, else `path` unchanged. */
export function relativeTo(root: string, path: string): string {
  const base = root.replace(/[\\/]+$/, '');
  if (path.startsWith(base) && (path[base.length] === '/' || path[base.length] === '\\')) {
    return path.slice(base.length + 1);
  }
  return path;
}
