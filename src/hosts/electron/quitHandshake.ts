/**
 * Quitting waits for the renderer to save: main sends `beforeQuit`, the page flushes its edits and
 * answers `readyToQuit`. If it does not answer in time, the student decides — once: quitting again
 * while that question is on screen does not stack a second one.
 */
import { app, dialog, type BrowserWindow } from 'electron';

/** How long a quit waits for the renderer to save before asking the student. */
export const QUIT_FLUSH_TIMEOUT_MS = 5000;

export class QuitHandshake {
  private confirmed = false;
  private timer: NodeJS.Timeout | null = null;
  private asking = false;

  constructor(
    private readonly getWindow: () => BrowserWindow | null,
    private readonly askPageToSave: () => void,
    /** False when the page never loaded (or failed to): nothing there to save, nobody to answer. */
    private readonly pageCanAnswer: (window: BrowserWindow) => boolean = () => true,
  ) {}

  /** True once quitting is decided: windows may close and the app may quit. */
  get isConfirmed(): boolean {
    return this.confirmed;
  }

  /** A quit was asked for (menu, window close, Cmd+Q, the OS logging out). */
  request(): void {
    const window = this.getWindow();
    if (!window || window.isDestroyed() || !this.pageCanAnswer(window)) return this.confirm();
    if (this.asking) {
      // The "could not be saved" question is already up: bring it forward, do not ask twice.
      window.focus();
      return;
    }
    this.askPageToSave();
    this.timer ??= setTimeout(() => void this.askBeforeDroppingEdits(), QUIT_FLUSH_TIMEOUT_MS);
  }

  /** The page saved everything (or there was nothing to save), or the student chose to quit. */
  confirm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.confirmed = true;
    app.quit();
  }

  /**
   * The renderer did not confirm its edits are saved (a failed save, a hung page). Quitting now
   * could drop the last keystrokes, so the student decides — never silently.
   */
  private async askBeforeDroppingEdits(): Promise<void> {
    this.timer = null;
    const window = this.getWindow();
    if (!window || window.isDestroyed()) return this.confirm();
    this.asking = true;
    let response: number;
    try {
      ({ response } = await dialog.showMessageBox(window, {
        type: 'warning',
        buttons: ['Keep the app open', 'Quit without saving'],
        defaultId: 0,
        cancelId: 0,
        message: 'Your latest edits could not be saved.',
        detail:
          'The app is still open with your text. Keep it open to save again (Ctrl/⌘+S), or quit and lose the unsaved edits.',
      }));
    } finally {
      this.asking = false;
    }
    if (response === 1 && !this.confirmed) this.confirm();
  }
}
