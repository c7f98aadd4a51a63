/** The top bar's view buttons: focus mode and the colour theme (system, light, dark). */
import { useShell } from '../shell/appContext';
import { shortcutLabel } from '../model/shortcuts';
import { useView } from './useViewPrefs';
import { nextTheme, type ThemeChoice } from './viewPrefs';

const THEME_LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const THEME_ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

export function ViewControls({ focusAvailable }: { focusAvailable: boolean }) {
  const view = useView();
  const { platform, run } = useShell();
  const theme = view.prefs.theme;
  return (
    <>
      {focusAvailable && (
        <button
          type="button"
          aria-pressed={view.focusMode}
          className="preview-toggle"
          data-testid="focus-mode-toggle"
          onClick={() => run('focus-mode')}
          title={`One question at a time, panels hidden (${shortcutLabel('focus-mode', platform)}; Esc leaves)`}
        >
          Focus
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        data-testid="theme-toggle"
        data-theme-choice={theme}
        onClick={view.cycleTheme}
        aria-label={`Colour theme: ${THEME_LABEL[theme]}`}
        title={`Colours: ${THEME_LABEL[theme]}${theme === 'system' ? " (your system's setting)" : ''}. Click for ${THEME_LABEL[nextTheme(theme)]}.`}
      >
        <span aria-hidden="true">{THEME_ICON[theme]}</span>
      </button>
    </>
  );
}
