/**
 * The form: top bar, navigator, the column of cards (checklist, then every question under its
 * section), the whole-report preview and the problems panel, placed for the window's width (see
 * layout/). Owns the editors (mounted lazily) and question navigation; in focus mode it shows one
 * question at a time.
 */
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import type { Diagnostic, DiagnosticFix } from '../../core/diagnostics';
import { useShell } from '../shell/appContext';
import { EditorManager } from '../editor/editorManager';
import { ExportPanel } from '../export/ExportPanel';
import { useFigures } from '../figures/useFigures';
import { useExporter } from '../export/exportRun';
import { GitBanners } from '../git/GitBanners';
import { gitAwarenessFor } from '../git/gitAwareness';
import '../preview/layout.css';
import { figureFixOf } from '../model/fixRoute';
import { ReportDiagnostics } from '../diagnostics/reportDiagnostics';
import { PreviewModes } from '../preview/previewModes';
import { sectionsOf, type SectionEntry } from '../model/structure';
import { useStore } from '../document/store';
import type { ReportSession } from '../state/reportSession';
import { DoctorBanner } from '../repair/DoctorBanner';
import { FocusStyle, useEscapeLeaves } from '../layout/FocusMode';
import { SidePanel } from '../layout/SidePanel';
import { useView } from '../layout/useViewPrefs';
import { useWorkspaceLayout } from '../layout/useWorkspaceLayout';
import '../layout/layout.css';
import { ReportInsights } from '../repair/reportInsights';
import { Banners } from './Banners';
import { ChecklistCard } from './ChecklistCard';
import { ConflictDialog } from './ConflictDialog';
import { useGlobalUndoKey } from './GlobalUndo';
import { ReadOnlyDialog } from './ReadOnlyDialog';
import { GoToDialog } from './GoToDialog';
import { Navigator } from './Navigator';
import { OverviewLine } from './OverviewLine';
import { ProblemsPanel } from './ProblemsPanel';
import { QuestionCard } from './QuestionCard';
import { TopBar, type TopBarActions } from './TopBar';
import { useQuestionNavigation } from './useQuestionNavigation';

// Loaded on first use: they bring the markdown pipeline and the doctor.
const ReportPreview = lazy(() => import('../preview/ReportPreview'));
const GradedReportPreview = lazy(() => import('../preview/GradedReportPreview'));
const RepairDialog = lazy(() => import('../repair/RepairDialog').then((m) => ({ default: m.RepairDialog })));

/** What the app shell's shortcuts and menu commands can ask of the form. */
export interface EditorCommands {
  step(delta: 1 | -1): void;
  askGoTo(): void;
  goTo(number: number, fileLine?: number | null): void;
  /** One self-contained HTML file of the report as it is in the editors now. */
  exportReport(): void;
  /** The doctor's Repair view. */
  openRepair(): void;
  /** The answer being edited (and the open whole-report pane) between GitHub and Graded. */
  switchRendering(): void;
}

const sectionsEqual = (a: readonly SectionEntry[], b: readonly SectionEntry[]) =>
  a.length === b.length &&
  a.every(
    (s, i) =>
      s.title === b[i].title &&
      s.cards.length === b[i].cards.length &&
      s.cards.every((c, j) => c.key === b[i].cards[j].key && c.editable === b[i].cards[j].editable),
  );

export interface EditorScreenProps {
  readonly session: ReportSession;
  readonly commandsRef: RefObject<EditorCommands | null>;
}

export function EditorScreen({ session, commandsRef }: EditorScreenProps) {
  const [current, setCurrent] = useState<number | null>(null);
  const [askingGoTo, setAskingGoTo] = useState(false);
  const [checklistOpen, setChecklistOpen] = useState(false);
  const scrollRef = useRef<HTMLElement>(null);
  const [manager] = useState(() => new EditorManager(session, setCurrent));
  const sections = useStore(session.store, (s) => sectionsOf(s.doc), sectionsEqual);
  const shell = useShell();
  const [insights] = useState(() => new ReportInsights(session));
  const figures = useFigures(session);
  const [diagnostics] = useState(() => new ReportDiagnostics(session, insights, figures));
  const exporter = useExporter(shell.api, session);
  const [previews] = useState(() => new PreviewModes());
  const reportPreview = useStore(previews.store, (s) => s.report);
  const reportPreviewOpen = reportPreview !== null;
  const [repairOpen, setRepairOpen] = useState(false);
  const openRepair = useCallback(() => {
    session.flush(); // what is typed is part of what the doctor examines
    setRepairOpen(true);
  }, [session]);
  const exporting = exporter.state.kind === 'running';
  const topBarActions = useMemo<TopBarActions>(
    () => ({
      reportPreview,
      toggleReportPreview: (mode) => previews.toggleReport(mode),
      openRepair,
      exporting,
    }),
    [reportPreview, previews, openRepair, exporting],
  );

  useEffect(() => insights.start(), [insights]);
  useGlobalUndoKey(session, shell.platform);
  useEffect(() => diagnostics.start(), [diagnostics]);
  // Git awareness: the status line, the navigator's change marks, the editors' change gutter.
  const git = gitAwarenessFor(session, shell.api);
  useEffect(() => git.start(), [git]);
  useEffect(() => git.store.subscribe(() => manager.setCommitted(git.store.getState().committed)), [git, manager]);

  // Every fix of the problems panel comes through here (routed to today's fix path until the
  // document authority's applyFix lands).
  const applyFix = useCallback(
    async (_diagnostic: Diagnostic, fix: DiagnosticFix) => {
      const figureFix = figureFixOf(fix);
      if (figureFix) shell.showNotice(await figures.applyFix(figureFix));
    },
    [figures, shell],
  );

  useEffect(() => {
    manager.activate(scrollRef.current);
    return () => manager.deactivate();
  }, [manager]);

  useEffect(() => {
    // For benchmarks: the form of this report is on screen and takes input from here on.
    performance.mark('report-editor:form-ready', { detail: { reportPath: session.report.reportPath } });
  }, [session]);

  const { goTo, step } = useQuestionNavigation(session, manager, scrollRef, setCurrent);

  // Focus mode shows the question being edited; entering it puts the cursor there.
  const view = useView();
  const { focusMode, setFocusMode } = view;
  const firstNumber = sections[0]?.cards[0]?.number ?? null;
  const focusedNumber = current ?? manager.lastFocused ?? firstNumber;
  const leaveFocus = useCallback(() => setFocusMode(false), [setFocusMode]);
  useEscapeLeaves(focusMode, leaveFocus);
  // Entering, and moving to another question: the card shown takes the cursor (a hidden card's
  // editor could not take it while the next question was being asked for).
  useLayoutEffect(() => {
    if (!focusMode || focusedNumber === null) return;
    const card = document.getElementById(`question-${focusedNumber}`);
    if (card && !card.contains(document.activeElement)) goTo(focusedNumber);
  }, [focusMode, focusedNumber, goTo]);
  // Leaving the form (another report opened) leaves focus mode too.
  useEffect(() => () => setFocusMode(false), [setFocusMode]);

  const workspaceRef = useRef<HTMLDivElement>(null);
  const workspace = useWorkspaceLayout(workspaceRef, view, reportPreviewOpen && !focusMode);
  const { layout } = workspace;
  const overview = useMemo(() => <OverviewLine session={session} diagnostics={diagnostics} />, [session, diagnostics]);
  const problemCount = useStore(diagnostics.store, (s) => s.list.length);

  const startExport = exporter.start;
  const switchRendering = useCallback(() => {
    const number = manager.lastFocused;
    const shown = previews.switchRendering(number);
    shell.showNotice(
      `${number === null ? 'The whole report' : `Question ${number}`} now shows ${shown === 'graded' ? 'as graded (the course page)' : 'as GitHub shows it'}.`,
    );
  }, [manager, previews, shell]);
  useEffect(() => {
    commandsRef.current = {
      step,
      goTo,
      askGoTo: () => setAskingGoTo(true),
      exportReport: () => startExport(),
      openRepair,
      switchRendering,
    };
    return () => {
      commandsRef.current = null;
    };
  }, [commandsRef, step, goTo, startExport, openRepair, switchRendering]);

  const showChecklist = useCallback(() => {
    setChecklistOpen(true);
    document.getElementById('checklist')?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <div className="editor-screen" data-testid="editor">
      <TopBar session={session} actions={topBarActions} overview={overview} />
      <div className="banner-stack">
        <Banners session={session} />
        <DoctorBanner insights={insights} onRepair={openRepair} />
        <GitBanners session={session} git={git} />
      </div>
      <div
        ref={workspaceRef}
        className={focusMode ? 'workspace workspace--focus' : `workspace workspace--preview-${layout.preview}`}
        data-testid="workspace"
        data-preview={focusMode ? 'none' : layout.preview}
        style={focusMode ? undefined : { gridTemplateColumns: layout.columns }}
      >
        {!focusMode && (
          <SidePanel
            side="left"
            name="questions list"
            open={workspace.navigatorOpen}
            onToggle={workspace.toggleNavigator}
            testId="navigator"
          >
            <Navigator
              session={session}
              diagnostics={diagnostics}
              sections={sections}
              current={current}
              onSelect={goTo}
              onChecklist={showChecklist}
            />
          </SidePanel>
        )}
        <main
          className={focusMode ? 'cards cards--focus' : 'cards'}
          ref={scrollRef}
          aria-label={focusMode && focusedNumber !== null ? `Report, question ${focusedNumber} (focus mode)` : 'Report'}
        >
          {focusMode && focusedNumber !== null && <FocusStyle number={focusedNumber} />}
          <ChecklistCard session={session} open={checklistOpen} onToggleOpen={setChecklistOpen} />
          {sections.map((section, i) => (
            <section
              className="section-block"
              key={`${section.title ?? ''}-${i}`}
              aria-label={section.title ?? 'Questions'}
            >
              {section.title && <h2 className="section-title">{section.title}</h2>}
              {section.cards.map((entry) => (
                <QuestionCard
                  key={entry.key}
                  session={session}
                  manager={manager}
                  entry={entry}
                  diagnostics={diagnostics}
                  previews={previews}
                />
              ))}
            </section>
          ))}
        </main>
        {reportPreview && !focusMode && (
          <Suspense fallback={<p className="muted small">Loading the preview…</p>}>
            {reportPreview === 'github' ? (
              <ReportPreview session={session} insights={insights} current={current} />
            ) : (
              <GradedReportPreview session={session} current={current} />
            )}
          </Suspense>
        )}
        {!focusMode && (
          <SidePanel
            side="right"
            name="problems"
            open={workspace.problemsOpen}
            onToggle={workspace.toggleProblems}
            testId="problems"
            badge={<span className="side-rail__count">{problemCount}</span>}
          >
            <ProblemsPanel
              diagnostics={diagnostics}
              current={current}
              onJump={goTo}
              onFix={applyFix}
              onRepair={openRepair}
            />
          </SidePanel>
        )}
      </div>
      <ConflictDialog session={session} />
      <ReadOnlyDialog session={session} />
      {repairOpen && (
        <Suspense fallback={null}>
          <RepairDialog session={session} onClose={() => setRepairOpen(false)} />
        </Suspense>
      )}
      <ExportPanel exporter={exporter} report={session.report} />
      {askingGoTo && (
        <GoToDialog
          numbers={sections.flatMap((s) => s.cards.map((c) => c.number))}
          onClose={() => setAskingGoTo(false)}
          onGo={(number) => {
            setAskingGoTo(false);
            // After the dialog has closed and given focus back, so the editor keeps it.
            requestAnimationFrame(() => goTo(number));
          }}
        />
      )}
    </div>
  );
}
