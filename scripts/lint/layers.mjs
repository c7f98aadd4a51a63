// The import whitelist of every folder under src/ (ARCHITECTURE.md, "Folders and what each may
// import"). One table, read by the lint rule (./layerRule.mjs), the probe test and the import-graph
// test (test/architecture/). A folder not in this table fails lint: a new folder takes a row first.
//
// `may` lists the other folders a file may import from; `node`, `electron` and `react` say whether
// Node builtins, Electron and React (react, react-dom) may be imported there.
// `typesOnlyFrom` lists folders whose imports must be `import type` (the contract describes data; it
// runs no core code).

/** @typedef {{ folder: string, may: string[], typesOnlyFrom?: string[], node: boolean, electron: boolean, react: boolean, what: string }} Layer */

/** @type {Layer[]} Ordered from the bottom up: a folder may import only folders above it in this list. */
export const LAYERS = [
  { folder: 'src/core', may: [], node: false, electron: false, react: false, what: 'pure TypeScript: the model, checker, analysis, doctor, diagnostics, figures, merge, renderers' },
  { folder: 'src/api', may: ['src/core'], typesOnlyFrom: ['src/core'], node: false, electron: false, react: false, what: 'the contract: zod schemas of every channel; types and channel list derived' },
  { folder: 'src/services', may: ['src/core', 'src/api'], node: true, electron: false, react: false, what: 'the Node backend the three hosts share' },
  { folder: 'src/hosts/http', may: ['src/core', 'src/api', 'src/services'], node: true, electron: false, react: false, what: 'the browser host (report-editor serve)' },
  { folder: 'src/hosts/cli', may: ['src/core', 'src/api', 'src/services', 'src/hosts/http'], node: true, electron: false, react: false, what: 'the report-editor command; `serve` starts the browser host' },
  { folder: 'src/hosts/electron/preload', may: ['src/api'], node: false, electron: true, react: false, what: 'the sandboxed preload: the contract’s channels as window.reportApi' },
  { folder: 'src/hosts/electron', may: ['src/core', 'src/api', 'src/services'], node: true, electron: true, react: false, what: 'the Electron host: lifecycle, window, menu, IPC' },
  { folder: 'src/renderer', may: ['src/core', 'src/api'], node: false, electron: false, react: true, what: 'the React UI (runs in Electron and in a browser, knows neither)' },
];

/**
 * The layer a repo-relative path (forward slashes) belongs to: the longest folder that contains it,
 * so src/hosts/electron/preload/x.ts is the preload, not the Electron host.
 * @param {string} path
 * @returns {Layer | undefined}
 */
export function layerOf(path) {
  let best;
  for (const layer of LAYERS) {
    if (path.startsWith(`${layer.folder}/`) && (!best || layer.folder.length > best.folder.length)) best = layer;
  }
  return best;
}
