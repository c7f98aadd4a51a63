/**
 * The colour theme on the page: `data-theme` on the root element is always `light` or `dark`, the
 * stylesheet's dark colours hang on it. "System" follows the operating system's setting, live.
 */
import { textScale, type ThemeChoice } from './viewPrefs';

const darkQuery = () =>
  typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

export function resolvedTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return darkQuery()?.matches ? 'dark' : 'light';
}

/** Applies `choice` now and, for "system", whenever the system changes; returns the stop function. */
export function applyTheme(choice: ThemeChoice): () => void {
  const root = document.documentElement;
  const apply = () => {
    root.dataset['theme'] = resolvedTheme(choice);
    root.dataset['themeChoice'] = choice;
  };
  apply();
  if (choice !== 'system') return () => undefined;
  const query = darkQuery();
  query?.addEventListener('change', apply);
  return () => query?.removeEventListener('change', apply);
}

/** The form's text size: a factor the stylesheet multiplies the answer and prompt sizes by. */
export function applyTextStep(step: number): void {
  document.documentElement.style.setProperty('--text-scale', String(textScale(step)));
  document.documentElement.dataset['textStep'] = String(step);
}
