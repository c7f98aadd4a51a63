/**
 * The view preferences as React state for the whole app: loaded once, saved and applied (theme,
 * text size) whenever they change. Focus mode is part of the view but not remembered: the app
 * always opens with the whole form.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { applyTextStep, applyTheme } from './theme';
import { clampTextStep, loadPrefs, nextTheme, savePrefs, type ViewPrefs } from './viewPrefs';

export interface ViewSettings {
  readonly prefs: ViewPrefs;
  readonly focusMode: boolean;
  setFocusMode(on: boolean | ((on: boolean) => boolean)): void;
  toggleNavigator(): void;
  toggleProblems(): void;
  /** +1 larger, -1 smaller, 0 back to the normal size. */
  changeText(delta: 1 | -1 | 0): void;
  cycleTheme(): void;
}

export const ViewContext = createContext<ViewSettings | null>(null);

export function useView(): ViewSettings {
  const view = useContext(ViewContext);
  if (!view) throw new Error('useView outside ViewContext');
  return view;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage switched off for this page
  }
}

export function useViewPrefs(): ViewSettings {
  const [prefs, setPrefs] = useState<ViewPrefs>(() => loadPrefs(storage()));
  const [focusMode, setFocusMode] = useState(false);

  useEffect(() => savePrefs(storage(), prefs), [prefs]);
  useEffect(() => applyTheme(prefs.theme), [prefs.theme]);
  useEffect(() => applyTextStep(prefs.textStep), [prefs.textStep]);

  const patch = useCallback((change: (p: ViewPrefs) => Partial<ViewPrefs>) => {
    setPrefs((p) => ({ ...p, ...change(p) }));
  }, []);

  return useMemo<ViewSettings>(
    () => ({
      prefs,
      focusMode,
      setFocusMode,
      toggleNavigator: () => patch((p) => ({ navigatorOpen: !p.navigatorOpen })),
      toggleProblems: () => patch((p) => ({ problemsOpen: !p.problemsOpen })),
      changeText: (delta) => patch((p) => ({ textStep: delta === 0 ? 0 : clampTextStep(p.textStep + delta) })),
      cycleTheme: () => patch((p) => ({ theme: nextTheme(p.theme) })),
    }),
    [prefs, focusMode, patch],
  );
}
