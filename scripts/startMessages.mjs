// What `npm start` says when the desktop app cannot start, in words a student can act on. Each
// explanation ends with the way that always works: the same app in a browser (`npm run serve`).

/** The browser fallback, with the student's own path when they gave one. */
function serveLine(paths) {
  const path = paths.find((a) => !a.startsWith('-')) ?? 'PATH/TO/YOUR/REPO';
  return `npm run serve -- ${/\s/.test(path) ? JSON.stringify(path) : path}`;
}

export function missingBinaryMessage({ reason }, args) {
  return [
    "npm start: the desktop app cannot start, because Electron's program is not installed",
    `(${reason}).`,
    '',
    'Either install it: delete node_modules/electron, then run `npm install` again without',
    'ELECTRON_SKIP_BINARY_DOWNLOAD set (it downloads Electron, about 100 MB, from GitHub).',
    '',
    'Or use the same app in your browser, which needs no Electron (also the way on a remote box,',
    'in Codespaces or WSL):',
    `  ${serveLine(args)}`,
  ].join('\n');
}

/** Chromium's sandbox could not start: user namespaces are blocked (Ubuntu 24.04+, AppArmor). */
const SANDBOX_BLOCKED = /SUID sandbox helper binary was found, but is not configured correctly|No usable sandbox!/;
/** Chromium will not run its sandbox as root (a container, `sudo npm start`). */
const RUNNING_AS_ROOT = /Running as root without --no-sandbox is not supported/;
/** No display to open a window on (ssh without X forwarding, a container, a remote box). */
const NO_DISPLAY = /Missing X server or \$DISPLAY|cannot open display/i;

/** An explanation for a failed start, from Electron's stderr; null when it is not one we know. */
export function explainFailedStart(stderr, args) {
  if (SANDBOX_BLOCKED.test(stderr)) {
    return [
      'npm start: Electron stopped at start because this Linux blocks the unprivileged user namespaces',
      "Chromium's sandbox needs (Ubuntu 24.04 and newer do so by default through AppArmor; see",
      'https://github.com/electron/electron/issues/42510). What you can do:',
      '',
      '  • Allow them (needs sudo; until the next reboot):',
      '      sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0',
      '    This relaxes a protection for every program on this machine, not only this app.',
      "  • Or make Electron's own sandbox helper setuid root, as the message above asks (again after",
      '    every reinstall of Electron):',
      '      sudo chown root:root node_modules/electron/dist/chrome-sandbox',
      '      sudo chmod 4755 node_modules/electron/dist/chrome-sandbox',
      "  • Or start the app without Chromium's sandbox:",
      `      npm start -- --no-sandbox ${args.filter((a) => !a.startsWith('-')).join(' ')}`.trimEnd(),
      '    The page still runs without Node and isolated from main, but a page that went wrong',
      '    would be less contained. The app loads only its own files, never web pages.',
      '  • Or use the same app in your browser:',
      `      ${serveLine(args)}`,
      '  (The installed .deb brings an AppArmor profile and needs none of this.)',
    ].join('\n');
  }
  if (RUNNING_AS_ROOT.test(stderr)) {
    return [
      "npm start: Electron will not start as root with Chromium's sandbox. Start it as your own user",
      '(not with sudo). In a container where you are root anyway:',
      `  npm start -- --no-sandbox ${args.filter((a) => !a.startsWith('-')).join(' ')}`.trimEnd(),
      'or use the same app in your browser:',
      `  ${serveLine(args)}`,
    ].join('\n');
  }
  if (NO_DISPLAY.test(stderr)) {
    return [
      'npm start: the desktop app needs a display, and this session has none (a remote box, ssh',
      'without X forwarding, a container). Use the same app in your browser instead:',
      `  ${serveLine(args)}`,
      'and open the link it prints (forward the port with ssh -L when the box is remote).',
    ].join('\n');
  }
  return null;
}
