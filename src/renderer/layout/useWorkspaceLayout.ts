/**
 * The form's columns for the window it is in: measures the workspace, applies the student's panel
 * choices and places the whole-report preview (see workspaceLayout). Opening the preview where it
 * does not fit beside the answers folds the navigator and the problems panel into rails for as
 * long as the preview is open (the remembered choice is left as it was); opening a panel again
 * meanwhile puts the preview under the answers instead.
 */
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import type { ViewSettings } from './useViewPrefs';
import { workspaceLayout, type WorkspaceLayout } from './workspaceLayout';

export interface WorkspaceState {
  readonly layout: WorkspaceLayout;
  readonly navigatorOpen: boolean;
  readonly problemsOpen: boolean;
  toggleNavigator(): void;
  toggleProblems(): void;
}

interface Folded {
  readonly navigator: boolean;
  readonly problems: boolean;
}

const NOT_FOLDED: Folded = { navigator: false, problems: false };

/**
 * The workspace's width: the window's until the first layout says otherwise. Not read in the
 * effect itself: `clientWidth` there would lay out the whole form synchronously in the middle of
 * React's first commit (~25 ms of the open); the observer's first report comes after the frame's
 * own layout, where reading it costs nothing.
 */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function useWorkspaceLayout(
  ref: RefObject<HTMLElement | null>,
  view: ViewSettings,
  previewOpen: boolean,
): WorkspaceState {
  const width = useWidth(ref);
  const { prefs, toggleNavigator: toggleNavigatorPref, toggleProblems: toggleProblemsPref } = view;
  const [folded, setFolded] = useState<Folded>(NOT_FOLDED);

  // When the preview opens: fold the open panels if the preview would not fit beside the answers.
  const [lastPreview, setLastPreview] = useState(previewOpen);
  if (lastPreview !== previewOpen) {
    setLastPreview(previewOpen);
    const asChosen = { navigatorOpen: prefs.navigatorOpen, problemsOpen: prefs.problemsOpen, previewOpen };
    setFolded(
      previewOpen && workspaceLayout(width, asChosen).preview === 'below'
        ? { navigator: prefs.navigatorOpen, problems: prefs.problemsOpen }
        : NOT_FOLDED,
    );
  }
  const navigatorOpen = prefs.navigatorOpen && !folded.navigator;
  const problemsOpen = prefs.problemsOpen && !folded.problems;
  const layout = workspaceLayout(width, { navigatorOpen, problemsOpen, previewOpen });

  const toggleNavigator = useCallback(() => {
    if (folded.navigator) setFolded((f) => ({ ...f, navigator: false }));
    else toggleNavigatorPref();
  }, [folded.navigator, toggleNavigatorPref]);
  const toggleProblems = useCallback(() => {
    if (folded.problems) setFolded((f) => ({ ...f, problems: false }));
    else toggleProblemsPref();
  }, [folded.problems, toggleProblemsPref]);

  return { layout, navigatorOpen, problemsOpen, toggleNavigator, toggleProblems };
}
