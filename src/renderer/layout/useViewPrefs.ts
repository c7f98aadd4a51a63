/**
 * The view preferences as React state for the whole app: loaded once, saved and applied (theme,
 * text size) whenever they change. The host keeps them (its config folder), so they outlive the
 * browser host's changing address; the page's localStorage is a copy for the first paint, before
 * the host has answered. Focus mode is part of the view but not remembered: the app
 * always opens with the whole form.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReportApi } from '../../api/contract';
import { applyTextStep, applyTheme } from './theme';
import { clampTextStep, loadPrefs, nextTheme, readPrefs, savePrefs, type ViewPrefs } from './viewPrefs';

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

export function useViewPrefs(api: ReportApi): ViewSettings {
  const [prefs, setPrefs] = useState<ViewPrefs>(() => loadPrefs(storage()));
  const [focusMode, setFocusMode] = useState(false);
  /** The host's copy has been read (or cannot be): from then on every change is saved there too. */
  const [hostRead, setHostRead] = useState(false);
  /** A choice made before the host answered wins over what it had stored. */
  const changedHere = useRef(false);

  useEffect(() => {
    let live = true;
    api.invoke('loadViewPrefs', {}).then(
      (stored) => {
        if (!live) return;
        if (stored && !changedHere.current) setPrefs(readPrefs(stored));
        setHostRead(true);
      },
      () => live && setHostRead(true),
    );
    return () => {
      live = false;
    };
  }, [api]);
  useEffect(() => savePrefs(storage(), prefs), [prefs]);
  useEffect(() => {
    // Not before the host's copy is read: the defaults of a new address would overwrite it.
    if (!hostRead) return;
    const { navigatorOpen, problemsOpen, textStep, theme } = prefs;
    api.invoke('saveViewPrefs', { navigatorOpen, problemsOpen, textStep, theme }).catch(() => undefined);
  }, [api, hostRead, prefs]);
  useEffect(() => applyTheme(prefs.theme), [prefs.theme]);
  useEffect(() => applyTextStep(prefs.textStep), [prefs.textStep]);

  const patch = useCallback((change: (p: ViewPrefs) => Partial<ViewPrefs>) => {
    changedHere.current = true;
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
