/**
 * The form: top bar, navigator, the column of cards (checklist, then every question under its
 * section) and the problems panel. Owns the editors (mounted lazily) and question navigation.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Diagnostic, DiagnosticFix } from '../../core/diagnostics';
import { findQuestion } from '../../core/reportModel';
import { useShell } from '../appContext';
import { EditorManager } from '../editor/editorManager';
import { ExportPanel } from '../export/ExportPanel';
import { useFigures } from '../figures/useFigures';
import { useExporter } from '../export/exportRun';
import '../preview/layout.css';
import { figureFixOf } from '../model/fixRoute';
import { ReportDiagnostics } from '../model/reportDiagnostics';
import { PreviewModes } from '../preview/previewModes';
import { sectionsOf, type SectionEntry } from '../model/structure';
import { useStore } from '../state/store';
import type { ReportSession } from '../state/reportSession';
import { DoctorBanner } from '../repair/DoctorBanner';
import { ReportInsights } from '../repair/reportInsights';
import { Banners } from './Banners';
import { ChecklistCard } from './ChecklistCard';
import { ConflictDialog } from './ConflictDialog';
import { useGlobalUndoKey } from './GlobalUndo';
import { ReadOnlyDialog } from './ReadOnlyDialog';
import { GoToDialog } from './GoToDialog';
import { Navigator } from './Navigator';
import { ProblemsPanel } from './ProblemsPanel';
import { QuestionCard } from './QuestionCard';
import { TopBar, type TopBarActions } from './TopBar';

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

  const goTo = useCallback(
    (number: number, fileLine: number | null = null) => {
      const question = findQuestion(session.state.doc, number);
      if (!question) return;
      // File line → line of the answer editor (its first line is the answer's first line).
      const editorLine = fileLine === null ? null : Math.max(1, fileLine - question.answerLine + 1);
      if (editorLine === null) document.getElementById(`question-${number}`)?.scrollIntoView({ block: 'start' });
      if (manager.focus(number, editorLine)) setCurrent(number);
    },
    [manager, session],
  );

  const step = useCallback(
    (delta: 1 | -1) => {
      const numbers = [...new Set(session.state.doc.questions.map((q) => q.number))];
      if (numbers.length === 0) return;
      const last = manager.lastFocused;
      let from = last !== null ? numbers.indexOf(last) : -1;
      if (from === -1) {
        // Nothing focused yet: start from the first card at the top of the view.
        const root = scrollRef.current?.getBoundingClientRect();
        const top = numbers.findIndex((n) => {
          const rect = document.getElementById(`question-${n}`)?.getBoundingClientRect();
          return !!rect && !!root && rect.bottom > root.top + 8;
        });
        from = top === -1 ? (delta === 1 ? -1 : numbers.length) : delta === 1 ? top - 1 : top + 1;
      }
      const next = numbers[Math.min(numbers.length - 1, Math.max(0, from + delta))];
      goTo(next);
    },
    [goTo, manager, session],
  );

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
      <TopBar session={session} actions={topBarActions} />
      <div className="banner-stack">
        <Banners session={session} />
        <DoctorBanner insights={insights} onRepair={openRepair} />
      </div>
      <div className={reportPreview ? 'workspace workspace--report-preview' : 'workspace'}>
        <Navigator
          session={session}
          diagnostics={diagnostics}
          sections={sections}
          current={current}
          onSelect={goTo}
          onChecklist={showChecklist}
        />
        <main className="cards" ref={scrollRef} aria-label="Report">
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
        {reportPreview && (
          <Suspense fallback={<p className="muted small">Loading the preview…</p>}>
            {reportPreview === 'github' ? (
              <ReportPreview session={session} insights={insights} />
            ) : (
              <GradedReportPreview session={session} current={current} />
            )}
          </Suspense>
        )}
        <ProblemsPanel
          diagnostics={diagnostics}
          current={current}
          onJump={goTo}
          onFix={applyFix}
          onRepair={openRepair}
        />
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
