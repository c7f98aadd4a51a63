/**
 * The app shell: which screen shows (welcome, chooser, no report, error, the form), opening
 * reports, and the app's actions (shortcuts, menu commands). What arrives from outside the form
 * lives in shell/ (host events, dropped folders, keys, leaving the page); the view preferences
 * (panels, text size, theme, focus mode) in layout/.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InitialState, OpenResult, RecentRepo, ReportApi } from '../api/contract';
import { AppShellContext, type AppShell } from './shell/appContext';
import { EditorScreen, type EditorCommands } from './components/EditorScreen';
import { HelpOverlay } from './components/HelpOverlay';
import { Notice } from './components/Notice';
import { OpenDialog } from './components/OpenDialog';
import { OpenProblemDialog, OpenProblemScreen, type OpenProblem } from './components/OpenProblemScreens';
import { WelcomeScreen } from './components/WelcomeScreen';
import { useViewPrefs, ViewContext } from './layout/useViewPrefs';
import type { AppAction } from './model/shortcuts';
import { useFolderDrop } from './shell/useFolderDrop';
import { useHostEvents } from './shell/useHostEvents';
import { useSaveOnLeave } from './shell/useSaveOnLeave';
import { useShortcutKeys } from './shell/useShortcutKeys';
import { ReportSession } from './state/reportSession';
import type { Startup } from './startup';

type Screen =
  | { readonly kind: 'loading' }
  | { readonly kind: 'welcome' }
  | { readonly kind: 'editor'; readonly session: ReportSession }
  | OpenProblem;

type Overlay = null | 'open' | 'help';

export interface AppProps {
  readonly api: ReportApi;
  /** Asked for before the first render, so opening does not wait for React. */
  readonly startup: Startup;
}

export function App({ api, startup }: AppProps) {
  const [initial, setInitial] = useState<InitialState | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [notice, setNotice] = useState<{ text: string; id: number } | null>(null);
  const [recent, setRecent] = useState<readonly RecentRepo[]>([]);
  const [busy, setBusy] = useState(false);
  const view = useViewPrefs(api);
  const { changeText, setFocusMode } = view;
  /** An open that did not end in a report while one was open: shown over it, which stays open. */
  const [problem, setProblem] = useState<OpenProblem | null>(null);
  const sessionRef = useRef<ReportSession | null>(null);
  /** Hands a new session the change on disk that arrived before it (useHostEvents). */
  const claimDiskChange = useRef<((session: ReportSession) => void) | null>(null);
  const editorCommands = useRef<EditorCommands | null>(null);
  const noticeId = useRef(0);

  const showNotice = useCallback((text: string) => {
    noticeId.current += 1;
    setNotice({ text, id: noticeId.current });
  }, []);

  const clearNotice = useCallback(() => setNotice(null), []);

  const show = useCallback((next: Screen) => {
    const previous = sessionRef.current;
    const session = next.kind === 'editor' ? next.session : null;
    if (previous && previous !== session) previous.dispose();
    sessionRef.current = session;
    if (session) claimDiskChange.current?.(session);
    setScreen(next);
  }, []);

  const openPath = useCallback(
    /**
     * `asked`: the host's answer when the open was already asked for (at start-up), or the call
     * to make instead of `openPath` once the open report is saved (creating a report).
     */
    async (path: string, asked: Promise<OpenResult | null> | (() => Promise<OpenResult>) | null = null) => {
      const trimmed = path.trim();
      if (trimmed === '') return;
      const current = sessionRef.current;
      if (current && !(await current.saveBeforeLeaving())) {
        showNotice('The open report has unsaved changes that could not be saved; resolve that first.');
        return;
      }
      setBusy(true);
      let result: OpenResult;
      try {
        result = (await (typeof asked === 'function' ? asked() : asked)) ?? (await api.invoke('openPath', { path: trimmed }));
      } catch (error) {
        result = { kind: 'error', path: trimmed, message: error instanceof Error ? error.message : String(error) };
      } finally {
        setBusy(false);
      }
      setOverlay(null);
      if (result.kind === 'opened') {
        performance.mark('report-editor:opened', { detail: { reportPath: result.report.reportPath } });
        setProblem(null);
        show({ kind: 'editor', session: new ReportSession(api, result.report) });
        api.invoke('listRecent', {}).then(setRecent, () => undefined);
      } else if (sessionRef.current) {
        // The host keeps the open report until another opens: so does the window.
        setProblem(result);
      } else {
        show(result);
      }
    },
    [api, show, showNotice],
  );

  const createReport = useCallback(
    (repoRoot: string) => openPath(repoRoot, () => api.invoke('createReport', { repoRoot })),
    [api, openPath],
  );

  const pickAndOpen = useCallback(async () => {
    let picked: string | null = null;
    try {
      picked = await api.invoke('pickFolder', {});
    } catch {
      picked = null;
    }
    if (picked) await openPath(picked);
    // Electron answers null when the user cancelled its picker; the browser host has no picker.
    else if (initial?.host !== 'electron') setOverlay('open');
  }, [api, initial, openPath]);

  const run = useCallback(
    (action: AppAction) => {
      switch (action) {
        case 'open':
          void pickAndOpen();
          return;
        case 'help':
          setOverlay((o) => (o === 'help' ? null : 'help'));
          return;
        case 'export':
          if (editorCommands.current) editorCommands.current.exportReport();
          else showNotice('Open a report first: export writes report.html next to it.');
          return;
        case 'save': {
          const session = sessionRef.current;
          if (!session) return;
          void session.save().then((outcome) => {
            if (outcome === 'unchanged') showNotice('Nothing to save: the file already holds this text.');
          });
          return;
        }
        case 'next-question':
          editorCommands.current?.step(1);
          return;
        case 'previous-question':
          editorCommands.current?.step(-1);
          return;
        case 'go-to-question':
          editorCommands.current?.askGoTo();
          return;
        case 'switch-rendering':
          if (editorCommands.current) editorCommands.current.switchRendering();
          else showNotice('Open a report first: this key switches an answer between GitHub and the graded page.');
          return;
        case 'repair':
          if (editorCommands.current) editorCommands.current.openRepair();
          else showNotice('Open a report first: Repair fixes where it drifted from the template.');
          return;
        case 'focus-mode':
          if (editorCommands.current) setFocusMode((on) => !on);
          else showNotice('Open a report first: focus mode shows one of its questions at a time.');
          return;
        case 'text-larger':
          changeText(1);
          return;
        case 'text-smaller':
          changeText(-1);
          return;
        case 'text-reset':
          changeText(0);
          return;
      }
    },
    [pickAndOpen, showNotice, changeText, setFocusMode],
  );

  // Start: the host's facts, then the repo given on the command line (or the welcome screen).
  useEffect(() => {
    let cancelled = false;
    startup.initialState.then(
      (state) => {
        if (cancelled) return;
        setInitial(state);
        setRecent(state.recent);
        if (state.initialPath) void openPath(state.initialPath, startup.initialOpen);
        else setScreen({ kind: 'welcome' });
      },
      (error: unknown) => {
        if (!cancelled) setStartError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [startup, openPath]);

  useHostEvents(api, sessionRef, run, openPath, showNotice, claimDiskChange);
  useShortcutKeys(initial?.platform ?? null, run);
  useSaveOnLeave(initial?.host ?? null, sessionRef);
  const askForPath = useCallback(() => setOverlay('open'), []);
  const dropActive = useFolderDrop(openPath, showNotice, askForPath);

  const shell = useMemo<AppShell>(
    () => ({
      api,
      host: initial?.host ?? 'browser',
      platform: initial?.platform ?? '',
      version: initial?.version ?? '',
      recent,
      openPath,
      createReport,
      pickAndOpen,
      run,
      showNotice,
    }),
    [api, initial, recent, openPath, createReport, pickAndOpen, run, showNotice],
  );

  if (startError) {
    return (
      <main className="center-screen" data-testid="open-error">
        <div className="panel">
          <h1>The app cannot reach its host</h1>
          <p className="message">{startError}</p>
        </div>
      </main>
    );
  }
  if (!initial) {
    return <main className="center-screen" aria-busy="true" data-testid="loading" />;
  }

  return (
    <AppShellContext.Provider value={shell}>
      <ViewContext.Provider value={view}>
        {screen.kind === 'loading' && <main className="center-screen" aria-busy="true" data-testid="loading" />}
        {screen.kind === 'welcome' && <WelcomeScreen busy={busy} />}
        {(screen.kind === 'choose' || screen.kind === 'no-report' || screen.kind === 'error') && (
          <OpenProblemScreen key={`${screen.kind}:${screen.kind === 'error' ? screen.path : screen.repoRoot}`} problem={screen} />
        )}
        {screen.kind === 'editor' && (
          <EditorScreen key={`session-${screen.session.id}`} session={screen.session} commandsRef={editorCommands} />
        )}
        {problem && screen.kind === 'editor' && overlay === null && (
          <OpenProblemDialog problem={problem} report={screen.session.report.relativePath} onBack={() => setProblem(null)} />
        )}
        {overlay === 'open' && <OpenDialog onClose={() => setOverlay(null)} />}
        {overlay === 'help' && <HelpOverlay onClose={() => setOverlay(null)} />}
        {notice && <Notice key={`notice-${notice.id}`} text={notice.text} onDone={clearNotice} />}
        {dropActive && initial.host === 'electron' && (
          <div className="drop-veil" aria-hidden="true">
            <p>Drop a repo folder to open its report</p>
          </div>
        )}
      </ViewContext.Provider>
    </AppShellContext.Provider>
  );
}
