/**
 * One line for an error the operating system raised (a folder where a file should be, no
 * permission, a full disk, a taken port): what was attempted on which path, and why.
 */

/** Reasons in plain words where Node's own text is terse; others use the system's text. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
  ELOOP: 'too many symbolic links (a link loop?)',
  ENAMETOOLONG: 'the name is too long',
  EEXIST: 'it already exists',
  EADDRINUSE: 'the address is in use',
};

interface SystemError extends Error {
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
  address?: string;
  port?: number;
}

function isSystemError(error: unknown): error is SystemError {
  if (!(error instanceof Error)) return false;
  const { code, syscall } = error as Partial<SystemError>;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof syscall === 'string';
}

/** `cannot rename a → b: it is a folder (EISDIR)`, or null when `error` is not a system error. */
export function systemErrorReason(error: unknown): string | null {
  if (!isSystemError(error)) return null;
  // Node's message is "CODE: description, syscall 'path'": the description is the system's text.
  const described = /^[A-Z]+: ([^,]+)/.exec(error.message)?.[1];
  const reason = REASONS[error.code] ?? described ?? 'failed';
  const target =
    error.path !== undefined
      ? ` ${error.path}${error.dest !== undefined ? ` → ${error.dest}` : ''}`
      : error.address !== undefined
        ? ` ${error.address}${error.port !== undefined ? `:${error.port}` : ''}`
        : '';
  return `cannot ${error.syscall}${target}: ${reason} (${error.code})`;
}
