/**
 * How the student likes the form: which side panels are open, the text size and the colour theme.
 * Kept by the host (see useViewPrefs.ts) and, for the first paint, in the page's localStorage. Reading never trusts what is stored:
 * anything unknown falls back to the default.
 */

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface ViewPrefs {
  readonly navigatorOpen: boolean;
  readonly problemsOpen: boolean;
  /** Steps from the normal text size (0), each about 10 %. */
  readonly textStep: number;
  readonly theme: ThemeChoice;
}

export const DEFAULT_PREFS: ViewPrefs = { navigatorOpen: true, problemsOpen: true, textStep: 0, theme: 'system' };

export const MIN_TEXT_STEP = -3;
export const MAX_TEXT_STEP = 6;

const STORAGE_KEY = 'report-editor:view';

/** The theme after `choice`, in the order the toolbar button cycles through them. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return choice === 'system' ? 'light' : choice === 'light' ? 'dark' : 'system';
}

export function clampTextStep(step: number): number {
  return Math.max(MIN_TEXT_STEP, Math.min(MAX_TEXT_STEP, Math.round(step)));
}

/** The text size at `step`, as a factor of the normal size (1.1 per step). */
export function textScale(step: number): number {
  return Math.round(1.1 ** clampTextStep(step) * 1000) / 1000;
}

export interface PrefsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadPrefs(storage: PrefsStorage | null): ViewPrefs {
  let raw: unknown = null;
  try {
    raw = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    raw = null;
  }
  return readPrefs(raw);
}

/** Preferences from a stored value of any shape: what is not understood is the default. */
export function readPrefs(raw: unknown): ViewPrefs {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_PREFS;
  const stored = raw as Record<string, unknown>;
  const bool = (key: keyof ViewPrefs) =>
    typeof stored[key] === 'boolean' ? (stored[key] as boolean) : (DEFAULT_PREFS[key] as boolean);
  return {
    navigatorOpen: bool('navigatorOpen'),
    problemsOpen: bool('problemsOpen'),
    textStep: typeof stored['textStep'] === 'number' ? clampTextStep(stored['textStep']) : 0,
    theme: stored['theme'] === 'light' || stored['theme'] === 'dark' ? stored['theme'] : 'system',
  };
}

export function savePrefs(storage: PrefsStorage | null, prefs: ViewPrefs): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or switched off: the choice holds for this session only.
  }
}
