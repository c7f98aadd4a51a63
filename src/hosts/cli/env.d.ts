/** Replaced at build time by vite.node.config.ts with package.json's version. */
declare const __APP_VERSION__: string;
