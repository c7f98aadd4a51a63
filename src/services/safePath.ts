/**
 * Every path that arrives from the renderer, a URL or a report link is resolved here before any
 * file is touched: it must stay inside the given root, also after following symlinks.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export class OutsideRootError extends Error {
  constructor(readonly requested: string, readonly root: string) {
    super(`${requested} is outside ${root}; only files inside it can be used`);
    this.name = 'OutsideRootError';
  }
}

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/**
 * Resolves `requested` (absolute, or relative to `root`) and refuses anything that lands outside
 * `root` lexically or — for paths that exist — once symlinks are followed.
 */
export async function resolveInside(root: string, requested: string): Promise<string> {
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, requested);
  if (!isInside(absoluteRoot, target)) throw new OutsideRootError(requested, absoluteRoot);
  let realRoot: string;
  try {
    realRoot = await realpath(absoluteRoot);
  } catch {
    return target;
  }
  try {
    const realTarget = await realpath(target);
    if (!isInside(realRoot, realTarget)) throw new OutsideRootError(requested, absoluteRoot);
  } catch (error) {
    if (error instanceof OutsideRootError) throw error;
    // Does not exist (yet): its lexical position was checked; its parent must not escape either.
    const parent = resolve(target, '..');
    if (parent !== target && isInside(absoluteRoot, parent) && parent !== absoluteRoot) {
      await resolveInside(absoluteRoot, parent);
    }
  }
  return target;
}
