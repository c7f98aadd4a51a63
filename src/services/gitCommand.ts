/**
 * Running the real `git`, for every service that needs it (figures' tracked/ignored checks, the
 * merge driver and its setup). A git started by another git (the driver runs inside `git merge`)
 * or from a hook must act on the repository it is pointed at, so the variables that redirect git
 * elsewhere are dropped unless the caller asks to inherit them.
 */

export interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const GIT_TIMEOUT_MS = 15_000;
const REDIRECTING = /^GIT_(DIR|WORK_TREE|INDEX_FILE|PREFIX|COMMON_DIR|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|NAMESPACE)$/;

function gitEnv(inherit: boolean): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (!inherit) for (const name of Object.keys(env)) if (REDIRECTING.test(name)) delete env[name];
  // Never a prompt for a password or passphrase: nothing here may wait on, or touch, credentials.
  return { ...env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}

export class GitMissingError extends Error {
  constructor() {
    super('git is not installed or not on PATH');
    this.name = 'GitMissingError';
  }
}

/**
 * Runs git; resolves with its exit code and output (a non-zero code is not an error here). `input`
 * is written to its stdin (`git check-ignore --stdin`).
 */
export async function runGit(
  cwd: string,
  args: readonly string[],
  options: { inheritGitEnv?: boolean; input?: string } = {},
): Promise<GitResult> {
  // Loaded when git first runs: `check` on a report without figure files never starts git, and
  // child_process (with the stream and net modules behind it) is a visible share of its start-up.
  const { execFile } = await import('node:child_process');
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      'git',
      [...args],
      { cwd, env: gitEnv(options.inheritGitEnv ?? false), timeout: GIT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new GitMissingError());
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1) : 0;
        if (code === -1) return reject(error);
        resolvePromise({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
