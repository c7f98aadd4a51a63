/**
 * Git awareness of the open report in the form: what the host's `gitStatus` says (answers in HEAD,
 * uncommitted changes, behind the upstream as last fetched, the merge driver), asked again when
 * the file was saved, when the window comes back to the front and now and then; and which
 * questions differ from HEAD now, recomputed from the document when typing pauses (a pause task
 * of the session's scheduler, after the re-analysis).
 * Where git is missing or the folder is no repository, the status is null and nothing shows.
 */
import type { CommittedAnswer, GitReportStatus, ReportApi } from '../../api/contract';
import { changedSinceCommit } from '../../core/changedSinceCommit';
import type { ReportDocument } from '../../core/reportModel';
import type { ReportSession } from '../state/reportSession';
import { createStore, type Store } from '../document/store';

export interface GitViewState {
  readonly status: GitReportStatus | null;
  /** Questions whose answer differs from HEAD's in the document now, as `"3 9"` (one string, cheap to compare). */
  readonly changedKey: string;
  /** The answers in HEAD by question (empty when not committed or no git). */
  readonly committed: ReadonlyMap<number, string>;
}

/** How often the status is asked again while the report is open (someone may commit or fetch in a terminal). */
const REFRESH_MS = 20_000;

const registry = new WeakMap<ReportSession, GitAwareness>();

/** The session's git awareness (made on first ask). */
export function gitAwarenessFor(session: ReportSession, api: ReportApi): GitAwareness {
  let git = registry.get(session);
  if (!git) registry.set(session, (git = new GitAwareness(session, api)));
  return git;
}

function changedKeyOf(doc: ReportDocument, committed: ReadonlyMap<number, string>, status: GitReportStatus | null): string {
  if (!status?.committed) return '';
  return changedSinceCommit(doc, committed).join(' ');
}

export class GitAwareness {
  readonly store: Store<GitViewState>;
  private asking = false;
  private askAgain = false;

  constructor(
    private readonly session: ReportSession,
    private readonly api: ReportApi,
  ) {
    this.store = createStore<GitViewState>({ status: null, changedKey: '', committed: new Map() });
  }

  /** Starts following the session and asking the host; returns the stop function. */
  start(): () => void {
    // Which answers differ from HEAD: a pause task of the session's scheduler, after the re-analysis it reads.
    const stopFollowing = this.session.scheduler.onPause('git-changes', () => this.recompute());
    let saveState = this.session.state.saveState;
    const stopSession = this.session.store.subscribe(() => {
      const state = this.session.state;
      if (state.saveState !== saveState) {
        saveState = state.saveState;
        if (saveState === 'saved') void this.refresh();
      }
    });
    const onFocus = () => void this.refresh();
    window.addEventListener('focus', onFocus);
    const timer = window.setInterval(() => void this.refresh(), REFRESH_MS);
    void this.refresh();
    return () => {
      stopFollowing();
      stopSession();
      window.removeEventListener('focus', onFocus);
      window.clearInterval(timer);
    };
  }

  /** Asks the host again (one request at a time; a request asked meanwhile runs after it). */
  async refresh(): Promise<void> {
    if (this.asking) {
      this.askAgain = true;
      return;
    }
    this.asking = true;
    try {
      let status: GitReportStatus | null;
      try {
        status = await this.api.invoke('gitStatus', {});
      } catch {
        status = null; // no git service, or it failed: say nothing about git
      }
      const committed = new Map((status?.committed ?? []).map((c: CommittedAnswer) => [c.question, c.answer]));
      this.store.setState({ status, committed, changedKey: changedKeyOf(this.session.state.doc, committed, status) });
    } finally {
      this.asking = false;
      if (this.askAgain) {
        this.askAgain = false;
        void this.refresh();
      }
    }
  }

  private recompute(): void {
    const { committed, status } = this.store.getState();
    this.store.setState({ changedKey: changedKeyOf(this.session.state.doc, committed, status) });
  }
}

/** `"3 9"` → a set of question numbers. */
export const changedQuestions = (key: string): ReadonlySet<number> => new Set(key === '' ? [] : key.split(' ').map(Number));
