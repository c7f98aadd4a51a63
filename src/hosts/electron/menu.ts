/**
 * The application menu. Accelerators use CmdOrCtrl so they follow the platform (⌘ on macOS,
 * Ctrl elsewhere); each item forwards a command to the renderer, which owns the behaviour.
 */
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../api/contract';

export function buildMenu(send: (command: MenuCommand) => void, getWindow: () => BrowserWindow | null): Menu {
  const isMac = process.platform === 'darwin';
  const command = (label: string, accelerator: string, menuCommand: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(menuCommand),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        command('Open Repo…', 'CmdOrCtrl+O', 'open'),
        command('Save', 'CmdOrCtrl+S', 'save'),
        command('Export HTML…', 'CmdOrCtrl+E', 'export'),
        command('Repair…', 'CmdOrCtrl+Shift+F', 'repair'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&Go',
      submenu: [
        command('Next Question', 'Alt+Down', 'next-question'),
        command('Previous Question', 'Alt+Up', 'previous-question'),
        command('Go to Question…', 'CmdOrCtrl+G', 'go-to-question'),
      ],
    },
    {
      label: '&View',
      // The form's own text size (remembered by the renderer) rather than page zoom: the same
      // keys, and the panels keep their widths.
      submenu: [
        command('Focus Mode', 'CmdOrCtrl+Shift+D', 'focus-mode'),
        { type: 'separator' },
        command('Larger Text', 'CmdOrCtrl+Plus', 'text-larger'),
        command('Smaller Text', 'CmdOrCtrl+-', 'text-smaller'),
        command('Normal Text Size', 'CmdOrCtrl+0', 'text-reset'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    {
      role: 'help',
      submenu: [
        {
          label: 'Keyboard Shortcuts',
          accelerator: 'F1',
          click: () => getWindow()?.webContents.sendInputEvent({ type: 'keyDown', keyCode: 'F1' }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
