/**
 * Real git in a temp folder, shielded from the machine's own configuration: its own HOME, no
 * system config, a fixed identity. Commands run as processes, as a student's shell runs them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI_PATH } from './cli';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class GitSandbox {
  readonly root = mkdtempSync(join(tmpdir(), 'report-editor-git-'));
  readonly env: NodeJS.ProcessEnv;

  constructor() {
    const home = join(this.root, 'home');
    mkdirSync(home);
    const env: NodeJS.ProcessEnv = {};
    for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('GIT_')) env[name] = value;
    this.env = {
      ...env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Student',
      GIT_AUTHOR_EMAIL: 'student@example.com',
      GIT_COMMITTER_NAME: 'Student',
      GIT_COMMITTER_EMAIL: 'student@example.com',
      LC_ALL: 'C',
    };
    writeFileSync(join(home, '.gitconfig'), '[init]\n\tdefaultBranch = main\n[pull]\n\trebase = false\n[advice]\n\tdetachedHead = false\n');
  }

  run(cwd: string, command: string, args: string[]): Run {
    const r = spawnSync(command, args, { cwd, env: this.env, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  /** git, failing the test with git's own words when it fails (unless `allowFail`). */
  git(cwd: string, args: string[], allowFail = false): Run {
    const r = this.run(cwd, 'git', args);
    if (!allowFail && r.code !== 0) throw new Error(`git ${args.join(' ')} failed (${r.code}): ${r.stderr}${r.stdout}`);
    return r;
  }

  cli(cwd: string, args: string[]): Run {
    return this.run(cwd, process.execPath, [CLI_PATH, ...args]);
  }

  /** A bare "GitHub" repository holding `files` on main, and a function making clones of it. */
  origin(files: Record<string, string>): { clone: (name: string) => string } {
    const bare = join(this.root, 'origin.git');
    this.git(this.root, ['init', '--bare', '-q', bare]);
    const seed = join(this.root, 'seed');
    this.git(this.root, ['clone', '-q', bare, seed]);
    for (const [path, text] of Object.entries(files)) this.write(seed, path, text);
    this.git(seed, ['add', '-A']);
    this.git(seed, ['commit', '-q', '-m', 'Start the report']);
    this.git(seed, ['push', '-q', 'origin', 'HEAD:main']);
    return {
      clone: (name) => {
        const dir = join(this.root, name);
        this.git(this.root, ['clone', '-q', bare, dir]);
        return dir;
      },
    };
  }

  write(repo: string, path: string, text: string): void {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }

  read(repo: string, path: string): string {
    return readFileSync(join(repo, path), 'utf8');
  }

  commitAll(repo: string, message: string): void {
    this.git(repo, ['commit', '-q', '-a', '-m', message]);
  }
}
