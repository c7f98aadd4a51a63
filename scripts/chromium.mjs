/**
 * Debian's Chromium, as every browser run here starts it (e2e specs, benches, the README
 * screenshot). Browsers are never downloaded. Without the background-networking flags Chromium
 * keeps trying to reach Google's services, which this workplace's closed network refuses.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
