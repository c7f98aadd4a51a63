/**
 * The figure findings the problems panel shows, and their fixes. The text-level findings are
 * recomputed live as the student types; the disk and git ones need the figures service, which is
 * asked only for facts about the paths the text links (never sent the text): core's
 * figureHygieneFindings turns the facts and the text into findings here.
 *
 * A fix changes the report only through the session, as edits (undoable, saved like typing); the
 * service does only the file half (rename, convert, copy, delete, git add) and says which file moved.
 */
import {
  figureFactsRequest,
  figureHygieneFindings,
  questionsLinking,
  type FigureFacts,
  type FigureFactsRequest,
  type GitAvailability,
} from '../../core/figures/figureDiskFindings';
import { figureLinkFindings, type FigureFinding, type FigureFindingKind, type FigureFix } from '../../core/figures/figureFindings';
import { reportFigureLinks } from '../../core/figures/scanFigureLinks';
import type { ReportApi } from '../../api/contract';
import { Delayed } from '../state/delayed';
import type { ReportSession } from '../state/reportSession';
import type { Store } from '../document/store';
import { applyRelink, whyNotRelinked } from './figureRelinks';

export interface HygieneState {
  /** The hygiene findings to show: those of the last disk check when the text has not changed since, else the text-level ones plus the last disk/git ones. */
  readonly findings: readonly FigureFinding[];
  readonly git: GitAvailability | null;
  /**
   * What the last disk check found for the student's links (paths relative to the report's folder):
   * thumbnails load only files known to be there, so a missing one is never requested.
   */
  readonly disk: { readonly checked: ReadonlySet<string>; readonly missing: ReadonlySet<string> } | null;
}

/** Findings only the disk and git can make; the text-level ones are recomputed live. */
const DISK_KINDS: ReadonlySet<FigureFindingKind> = new Set<FigureFindingKind>([
  'missing-file',
  'case-mismatch',
  'unused-file',
  'untracked-file',
  'ignored-file',
]);

export const HYGIENE_DELAY_MS = 150;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class FigureHygieneChecks {
  private readonly checkLater = new Delayed(() => this.refresh());
  private run = 0;
  private active = false;
  private unsubscribe: (() => void) | null = null;
  private stopLive: (() => void) | null = null;
  private checked: { readonly text: string; readonly findings: readonly FigureFinding[]; readonly git: GitAvailability } | null = null;
  private live: { readonly text: string; readonly findings: readonly FigureFinding[] } | null = null;

  constructor(
    private readonly api: ReportApi,
    private readonly session: ReportSession,
    private readonly store: Store<HygieneState>,
  ) {}

  /** Follows the session: live findings as it changes, a disk check after a save or a reload. */
  start(): void {
    this.active = true;
    let previous = this.session.state;
    // The text-level findings follow the document when typing pauses, with the re-analysis.
    this.stopLive = this.session.scheduler.onPause('figure-links', () => this.updateLive());
    this.unsubscribe = this.session.store.subscribe(() => {
      const state = this.session.state;
      // After a save (and after a reload from disk) the files may match the text differently.
      if (
        (state.saveState === 'saved' && previous.saveState !== 'saved') ||
        state.syncRevision !== previous.syncRevision
      ) {
        this.schedule();
      }
      previous = state;
    });
    // Not at once: the form's first frame comes first.
    this.schedule();
  }

  stop(): void {
    this.active = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.stopLive?.();
    this.stopLive = null;
    this.checkLater.cancel();
    this.run++;
  }

  schedule(delay = HYGIENE_DELAY_MS): void {
    this.checkLater.schedule(delay);
  }

  /** Asks the service for the facts of the paths the current text links, and makes every finding. */
  refresh(): void {
    this.checkLater.cancel();
    const text = this.session.text;
    const links = reportFigureLinks(text);
    const request = figureFactsRequest(links);
    const run = ++this.run;
    this.api.invoke('figureFacts', { local: [...request.local], outside: [...request.outside] }).then(
      (facts) => {
        if (run !== this.run || !this.active) return;
        this.checked = { text, findings: figureHygieneFindings(text, facts, links), git: facts.git };
        this.publish();
        this.store.setState({ disk: diskOf(request, facts) });
      },
      () => undefined, // Another report was opened meanwhile, or the host is gone: nothing to show.
    );
  }

  /** Carries out one fix of a finding; answers what happened, for a notice. */
  async applyFix(fix: FigureFix): Promise<string> {
    let message: string;
    try {
      if (fix.kind === 'edit') {
        this.session.applyChange(fix.edits, 'fix', { label: fix.label });
        await this.session.save();
        message = `${fix.label}: done.`;
      } else if (fix.kind === 'delete-file' && questionsLinking(this.session.text, fix.target) !== null) {
        // The text being edited links it again (perhaps unsaved): the file stays.
        message = `${fix.target} is linked again; it was kept.`;
      } else {
        // Saved first: a delete is checked against the saved report too, a rename's relink saves anyway.
        if (fix.kind === 'delete-file') await this.session.save();
        const result = await this.api.invoke('applyFigureFix', { fix });
        message = `${result.message}.`;
        if (fix.kind === 'delete-file' && result.restoreToken) {
          this.session.undo.pushDeleted(fix.target, result.restoreToken);
          message += ' Undo in the top bar puts it back.';
        }
        if (result.relink) {
          const applied = await applyRelink(this.session, result.relink, 'fix', { moved: fix.kind === 'rename-file' });
          if (applied.outside) message = `Not fixed in the report: ${whyNotRelinked(applied)}`;
        }
      }
    } catch (error) {
      this.refresh();
      return error instanceof RangeError
        ? 'The report changed since this was checked; the check runs again, then try once more.'
        : `Not fixed: ${errorText(error)}`;
    }
    this.refresh();
    return message;
  }

  private updateLive(): void {
    const text = this.session.text;
    if (this.live?.text === text) return;
    // The parse the pause's re-analysis made of this text, not one more of the whole report.
    this.live = { text, findings: figureLinkFindings(text, reportFigureLinks(text, this.session.parsed)) };
    this.publish();
  }

  private publish(): void {
    const { checked, live } = this;
    let findings: readonly FigureFinding[];
    if (checked && (!live || live.text === checked.text)) findings = checked.findings;
    else {
      const disk = checked?.findings.filter((f) => DISK_KINDS.has(f.kind)) ?? [];
      findings = [...(live?.findings ?? []), ...disk].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    }
    this.store.setState({ findings, git: checked?.git ?? null });
  }
}

/** The local paths the check looked at, and those it found missing (or only in another case). */
function diskOf(request: FigureFactsRequest, facts: FigureFacts): NonNullable<HygieneState['disk']> {
  const missing = new Set<string>();
  for (const t of facts.targets) if (t.state !== 'exact') missing.add(t.path);
  return { checked: new Set(request.local), missing };
}
