/** The app's keyboard shortcuts, caught before CodeMirror sees the keys (it binds Alt-↑/↓ and Mod-[ ] itself). */
import { useEffect } from 'react';
import { actionForKey, type AppAction } from '../model/shortcuts';

export function useShortcutKeys(platform: string | null, run: (action: AppAction) => void): void {
  useEffect(() => {
    if (platform === null) return;
    const onKey = (event: KeyboardEvent) => {
      const action = actionForKey(event, platform);
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      run(action);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [platform, run]);
}
