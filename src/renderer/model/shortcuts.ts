/**
 * The app's keyboard shortcuts, matched against key events and labelled for the host's platform
 * (⌘ on macOS, Ctrl elsewhere). The same actions arrive as menu commands from the Electron menu.
 */
export type AppAction =
  | 'save'
  | 'open'
  | 'next-question'
  | 'previous-question'
  | 'go-to-question'
  | 'export'
  | 'repair'
  | 'focus-mode'
  | 'text-larger'
  | 'text-smaller'
  | 'text-reset'
  | 'switch-rendering'
  | 'help';

export interface KeyCombo {
  readonly mod?: boolean;
  readonly alt?: boolean;
  readonly shift?: boolean;
  /** `KeyboardEvent.key` values (case-insensitive for letters). */
  readonly key: string;
  /** `KeyboardEvent.code` values that also match (punctuation moves around on other layouts). */
  readonly code?: string;
}

export interface Shortcut {
  readonly action: AppAction;
  readonly description: string;
  readonly combos: readonly KeyCombo[];
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'save', description: 'Save now', combos: [{ mod: true, key: 's' }] },
  { action: 'open', description: 'Open a repo or report', combos: [{ mod: true, key: 'o' }] },
  {
    action: 'next-question',
    description: 'Next question',
    combos: [
      { alt: true, key: 'ArrowDown' },
      { mod: true, key: ']', code: 'BracketRight' },
    ],
  },
  {
    action: 'previous-question',
    description: 'Previous question',
    combos: [
      { alt: true, key: 'ArrowUp' },
      { mod: true, key: '[', code: 'BracketLeft' },
    ],
  },
  { action: 'go-to-question', description: 'Go to question N', combos: [{ mod: true, key: 'g' }] },
  { action: 'export', description: 'Export', combos: [{ mod: true, key: 'e' }] },
  { action: 'repair', description: 'Repair the template structure', combos: [{ mod: true, shift: true, key: 'f' }] },
  {
    action: 'focus-mode',
    description: 'Focus mode: one question at a time (Esc leaves)',
    combos: [{ mod: true, shift: true, key: 'd' }],
  },
  {
    action: 'text-larger',
    description: 'Larger text',
    // "+" is Shift+= on many layouts, and a key of its own on the number pad.
    combos: [
      { mod: true, key: '+', code: 'NumpadAdd' },
      { mod: true, key: '=', code: 'Equal' },
      { mod: true, shift: true, key: '+', code: 'Equal' },
    ],
  },
  {
    action: 'text-smaller',
    description: 'Smaller text',
    combos: [
      { mod: true, key: '-', code: 'Minus' },
      { mod: true, key: '-', code: 'NumpadSubtract' },
    ],
  },
  { action: 'text-reset', description: 'Normal text size', combos: [{ mod: true, key: '0', code: 'Digit0' }] },
  {
    action: 'switch-rendering',
    description: 'Switch the answer you are editing between GitHub and Graded (the course page)',
    combos: [{ mod: true, shift: true, key: 'g' }],
  },
  {
    action: 'help',
    description: 'Show these shortcuts',
    combos: [{ mod: true, key: '/', code: 'Slash' }, { key: 'F1' }],
  },
];

export function isMacPlatform(platform: string): boolean {
  return platform === 'darwin';
}

export interface KeyEventLike {
  readonly key: string;
  readonly code?: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

function matches(combo: KeyCombo, event: KeyEventLike, mac: boolean): boolean {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const other = mac ? event.ctrlKey : event.metaKey;
  if (!!combo.mod !== mod || other) return false;
  if (!!combo.alt !== event.altKey) return false;
  if (!!combo.shift !== event.shiftKey) return false;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return key === combo.key || (combo.code !== undefined && event.code === combo.code);
}

/** Keys and key codes of the shortcuts without Ctrl/⌘/Alt (every other shortcut needs one of them). */
const PLAIN_KEYS: ReadonlySet<string> = new Set(
  SHORTCUTS.flatMap((s) =>
    s.combos.filter((c) => !c.mod && !c.alt).flatMap((c) => (c.code ? [c.key, c.code] : [c.key])),
  ),
);

export function actionForKey(event: KeyEventLike, platform: string): AppAction | null {
  // Runs on every key typed into an answer: a plain letter is never a shortcut, so it is let
  // through before any combo is compared.
  if (
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !PLAIN_KEYS.has(event.key) &&
    !PLAIN_KEYS.has(event.code ?? '')
  )
    return null;
  const mac = isMacPlatform(platform);
  for (const shortcut of SHORTCUTS) {
    if (shortcut.combos.some((combo) => matches(combo, event, mac))) return shortcut.action;
  }
  return null;
}

const KEY_NAMES: Record<string, [mac: string, other: string]> = {
  ArrowDown: ['↓', 'Down'],
  ArrowUp: ['↑', 'Up'],
};

export function comboLabel(combo: KeyCombo, platform: string): string {
  const mac = isMacPlatform(platform);
  const key = KEY_NAMES[combo.key]?.[mac ? 0 : 1] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  const parts: string[] = [];
  if (combo.mod) parts.push(mac ? '⌘' : 'Ctrl');
  if (combo.alt) parts.push(mac ? '⌥' : 'Alt');
  if (combo.shift) parts.push(mac ? '⇧' : 'Shift');
  parts.push(key);
  return parts.join(mac ? '' : '+');
}

/** The first (main) combination of an action, e.g. `Ctrl+S` or `⌘S`. */
export function shortcutLabel(action: AppAction, platform: string): string {
  const shortcut = SHORTCUTS.find((s) => s.action === action);
  return shortcut ? comboLabel(shortcut.combos[0], platform) : '';
}
