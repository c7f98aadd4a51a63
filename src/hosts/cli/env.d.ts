/** Replaced at build time by vite.node.config.ts with package.json's version. */
declare const __APP_VERSION__: string;
/**
 * Set only in the built CLI (vite.node.config.ts): the file name, beside report-editor.js, of the
 * `check` command bundled as one script (vite.check.config.ts).
 */
declare const __CHECK_SCRIPT__: string;
