/**
 * The app shell: which screen shows (welcome, chooser, no report, error, the form), opening
 * reports, and everything that arrives from outside the form — host events (file changed on disk,
 * menu commands, quit), dropped folders and the global keyboard shortcuts.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InitialState, OpenResult, RecentRepo, ReportApi } from '../api/contract';
import { AppShellContext, type AppShell } from './appContext';
import { EditorScreen, type EditorCommands } from './components/EditorScreen';
import { HelpOverlay } from './components/HelpOverlay';
import { Notice } from './components/Notice';
import { OpenDialog } from './components/OpenDialog';
import { NoReportScreen, OpenErrorScreen, ReportChooser } from './components/OpenProblemScreens';
import { WelcomeScreen } from './components/WelcomeScreen';
import { actionForKey, type AppAction } from './model/shortcuts';
import { ReportSession } from './state/reportSession';
import type { Startup } from './startup';

declare global {
  interface Window {
    /** Electron's preload: the path on disk of a dropped file or folder. */
    reportApiFilePath?: (file: File) => string;
  }
}

type Screen =
  | { readonly kind: 'loading' }
  | { readonly kind: 'welcome' }
  | { readonly kind: 'editor'; readonly session: ReportSession }
  | Exclude<OpenResult, { kind: 'opened' }>;

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
  const [dropActive, setDropActive] = useState(false);
  const sessionRef = useRef<ReportSession | null>(null);
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
    setScreen(next);
  }, []);

  const openPath = useCallback(
    /** `asked`: the host's answer when the open was already asked for (at start-up). */
    async (path: string, asked: Promise<OpenResult | null> | null = null) => {
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
        result = (await asked) ?? (await api.invoke('openPath', { path: trimmed }));
      } catch (error) {
        result = { kind: 'error', path: trimmed, message: error instanceof Error ? error.message : String(error) };
      } finally {
        setBusy(false);
      }
      setOverlay(null);
      if (result.kind === 'opened') {
        performance.mark('report-editor:opened', { detail: { reportPath: result.report.reportPath } });
        show({ kind: 'editor', session: new ReportSession(api, result.report) });
        api.invoke('listRecent', {}).then(setRecent, () => undefined);
      } else {
        show(result);
      }
    },
    [api, show, showNotice],
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
      }
    },
    [pickAndOpen, showNotice],
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

  // Host events.
  useEffect(() => {
    const offs = [
      api.on('reportChanged', ({ reportPath, text, stamp }) => {
        const session = sessionRef.current;
        if (session && session.report.reportPath === reportPath) session.diskChanged(text, stamp);
      }),
      api.on('reportRemoved', ({ reportPath }) => {
        const session = sessionRef.current;
        if (session && session.report.reportPath === reportPath) session.diskRemoved();
      }),
      api.on('menuCommand', ({ command }) => run(command)),
      // The app launched again with a path while open (`npm start -- other/repo`): open that,
      // saving this report first like any other open.
      api.on('openRequested', ({ path }) => void openPath(path)),
      api.on('beforeQuit', () => {
        const session = sessionRef.current;
        void (session ? session.saveBeforeLeaving() : Promise.resolve(true)).then((saved) => {
          if (saved) void api.invoke('readyToQuit', {});
          else
            showNotice(
              'Not quitting: your last changes are not saved yet. Resolve the problem shown, then quit again.',
            );
        });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [api, run, showNotice, openPath]);

  // Keyboard shortcuts, before CodeMirror sees the keys (it binds Alt-↑/↓ and Mod-[ ] itself).
  useEffect(() => {
    if (!initial) return;
    const onKey = (event: KeyboardEvent) => {
      const action = actionForKey(event, initial.platform);
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      run(action);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [initial, run]);

  // In the browser host nothing asks before the tab closes: save and let the browser ask.
  useEffect(() => {
    if (initial?.host !== 'browser') return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const session = sessionRef.current;
      if (!session?.dirty) return;
      void session.save();
      event.preventDefault();
    };
    const onHidden = () => {
      const session = sessionRef.current;
      if (document.visibilityState === 'hidden' && session?.dirty) void session.save();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [initial]);

  // A folder dropped anywhere that does not take files itself opens it.
  useEffect(() => {
    const takesFiles = (target: EventTarget | null) =>
      target instanceof Element && target.closest('[data-accepts-files]') !== null;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event) || takesFiles(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDropActive(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDropActive(false);
    };
    const onDrop = (event: DragEvent) => {
      setDropActive(false);
      if (!hasFiles(event) || takesFiles(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      const path = typeof window.reportApiFilePath === 'function' ? window.reportApiFilePath(file) : '';
      if (path) void openPath(path);
      else {
        showNotice(`The browser does not tell the app where "${file.name}" is on disk. Type its path instead.`);
        setOverlay('open');
      }
    };
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('dragleave', onDragLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('dragleave', onDragLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [openPath, showNotice]);

  const shell = useMemo<AppShell>(
    () => ({
      api,
      host: initial?.host ?? 'browser',
      platform: initial?.platform ?? '',
      version: initial?.version ?? '',
      recent,
      openPath,
      pickAndOpen,
      run,
      showNotice,
    }),
    [api, initial, recent, openPath, pickAndOpen, run, showNotice],
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
      {screen.kind === 'loading' && <main className="center-screen" aria-busy="true" data-testid="loading" />}
      {screen.kind === 'welcome' && <WelcomeScreen busy={busy} />}
      {screen.kind === 'choose' && <ReportChooser repoRoot={screen.repoRoot} candidates={screen.candidates} />}
      {screen.kind === 'no-report' && <NoReportScreen repoRoot={screen.repoRoot} message={screen.message} />}
      {screen.kind === 'error' && <OpenErrorScreen path={screen.path} message={screen.message} />}
      {screen.kind === 'editor' && (
        <EditorScreen key={`session-${screen.session.id}`} session={screen.session} commandsRef={editorCommands} />
      )}
      {overlay === 'open' && <OpenDialog onClose={() => setOverlay(null)} />}
      {overlay === 'help' && <HelpOverlay onClose={() => setOverlay(null)} />}
      {notice && <Notice key={`notice-${notice.id}`} text={notice.text} onDone={clearNotice} />}
      {dropActive && (
        <div className="drop-veil" aria-hidden="true">
          <p>Drop a repo folder to open its report</p>
        </div>
      )}
    </AppShellContext.Provider>
  );
}
