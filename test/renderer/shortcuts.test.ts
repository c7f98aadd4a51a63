import { describe, expect, it } from 'vitest';
import { actionForKey, shortcutLabel, type KeyEventLike } from '../../src/renderer/model/shortcuts';

const key = (key: string, mods: Partial<KeyEventLike> = {}, code?: string): KeyEventLike => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('use Ctrl on Linux and Windows, ⌘ on macOS', () => {
    expect(actionForKey(key('s', { ctrlKey: true }), 'linux')).toBe('save');
    expect(actionForKey(key('s', { metaKey: true }), 'linux')).toBeNull();
    expect(actionForKey(key('s', { metaKey: true }), 'darwin')).toBe('save');
    expect(actionForKey(key('s', { ctrlKey: true }), 'darwin')).toBeNull();
    expect(actionForKey(key('S', { ctrlKey: true }), 'win32')).toBe('save');
  });

  it('map every action', () => {
    const linux = (k: KeyEventLike) => actionForKey(k, 'linux');
    expect(linux(key('o', { ctrlKey: true }))).toBe('open');
    expect(linux(key('ArrowDown', { altKey: true }))).toBe('next-question');
    expect(linux(key('ArrowUp', { altKey: true }))).toBe('previous-question');
    expect(linux(key(']', { ctrlKey: true }))).toBe('next-question');
    expect(linux(key('[', { ctrlKey: true }))).toBe('previous-question');
    expect(linux(key('g', { ctrlKey: true }))).toBe('go-to-question');
    expect(linux(key('e', { ctrlKey: true }))).toBe('export');
    expect(linux(key('/', { ctrlKey: true }))).toBe('help');
    expect(linux(key('F1'))).toBe('help');
  });

  it('change the text size with Ctrl/⌘ and +, − or 0, and toggle focus mode', () => {
    const linux = (k: KeyEventLike) => actionForKey(k, 'linux');
    expect(linux(key('=', { ctrlKey: true }, 'Equal'))).toBe('text-larger');
    expect(linux(key('+', { ctrlKey: true, shiftKey: true }, 'Equal'))).toBe('text-larger');
    expect(linux(key('+', { ctrlKey: true }, 'NumpadAdd'))).toBe('text-larger');
    expect(linux(key('-', { ctrlKey: true }, 'Minus'))).toBe('text-smaller');
    expect(linux(key('-', { ctrlKey: true }, 'NumpadSubtract'))).toBe('text-smaller');
    expect(linux(key('0', { ctrlKey: true }, 'Digit0'))).toBe('text-reset');
    expect(linux(key('d', { ctrlKey: true, shiftKey: true }))).toBe('focus-mode');
    expect(actionForKey(key('=', { metaKey: true }, 'Equal'), 'darwin')).toBe('text-larger');
    expect(actionForKey(key('=', { ctrlKey: true }, 'Equal'), 'darwin')).toBeNull();
    // Typing them without the modifier is typing.
    expect(linux(key('-', {}, 'Minus'))).toBeNull();
    expect(linux(key('0', {}, 'Digit0'))).toBeNull();
    expect(shortcutLabel('text-larger', 'linux')).toBe('Ctrl++');
    expect(shortcutLabel('text-smaller', 'darwin')).toBe('⌘-');
    expect(shortcutLabel('focus-mode', 'linux')).toBe('Ctrl+Shift+D');
  });

  it('switch between GitHub and Graded with Ctrl+Shift+G (⇧⌘G on macOS), apart from Go to question', () => {
    expect(actionForKey(key('G', { ctrlKey: true, shiftKey: true }), 'linux')).toBe('switch-rendering');
    expect(actionForKey(key('G', { metaKey: true, shiftKey: true }), 'darwin')).toBe('switch-rendering');
    expect(actionForKey(key('G', { ctrlKey: true, shiftKey: true }), 'darwin')).toBeNull();
    expect(actionForKey(key('g', { ctrlKey: true }), 'linux')).toBe('go-to-question');
    expect(shortcutLabel('switch-rendering', 'linux')).toBe('Ctrl+Shift+G');
    expect(shortcutLabel('switch-rendering', 'darwin')).toBe('⌘⇧G');
  });

  it('match punctuation by its physical key on other layouts', () => {
    expect(actionForKey(key('ø', { ctrlKey: true }, 'BracketRight'), 'linux')).toBe('next-question');
  });

  it('leave other keys alone (typing, Shift variants, plain arrows)', () => {
    expect(actionForKey(key('s'), 'linux')).toBeNull();
    expect(actionForKey(key('s', { ctrlKey: true, shiftKey: true }), 'linux')).toBeNull();
    expect(actionForKey(key('ArrowDown'), 'linux')).toBeNull();
    expect(actionForKey(key('z', { ctrlKey: true }), 'linux')).toBeNull();
  });

  it('are labelled for the platform', () => {
    expect(shortcutLabel('save', 'linux')).toBe('Ctrl+S');
    expect(shortcutLabel('save', 'darwin')).toBe('⌘S');
    expect(shortcutLabel('next-question', 'linux')).toBe('Alt+Down');
    expect(shortcutLabel('next-question', 'darwin')).toBe('⌥↓');
  });
});
