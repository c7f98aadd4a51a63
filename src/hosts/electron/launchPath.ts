/**
 * Which repo a launch asks to open: the last plain argument of `electron . <path>` (or of the
 * packaged app), resolved against the folder the student typed the command in — not the folder
 * Electron happens to run in.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The folder a relative path on this process's command line is relative to. `npm start` runs its
 * script in the package root, but npm records where it was typed in INIT_CWD.
 */
export function launchDirectory(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const initCwd = env['INIT_CWD'];
  return initCwd && initCwd.trim() !== '' ? initCwd : cwd;
}

/** The path argument, absolute, when it names something that exists; otherwise null. */
export function pathFromArgv(argv: readonly string[], baseDirectory: string, isPackaged: boolean): string | null {
  // Switches can come anywhere (Chromium adds its own to a second instance's argv; Playwright puts
  // --inspect before the app), so they go first. Then, unpackaged, argv is [electron, <the app's
  // folder or main script>, ...]; packaged, [app, ...].
  const plain = argv.slice(1).filter((a) => !a.startsWith('-'));
  const args = isPackaged ? plain : plain.slice(1);
  const candidate = args[args.length - 1];
  if (!candidate) return null;
  const path = resolve(baseDirectory, candidate);
  return existsSync(path) ? path : null;
}

/** What a second launch hands the running instance (Electron's single-instance `additionalData`). */
export interface SecondLaunchData {
  readonly workingDirectory: string;
}

/** The second launch's folder: the one it sent (INIT_CWD-aware), else the one Electron reports. */
export function secondLaunchDirectory(additionalData: unknown, workingDirectory: string): string {
  const sent = (additionalData as Partial<SecondLaunchData> | null | undefined)?.workingDirectory;
  return typeof sent === 'string' && sent !== '' ? sent : workingDirectory;
}
