// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Every Node builtin, bare and with the `node:` prefix (`fs`, `fs/promises`, `node:path`, ...). */
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const nodeBuiltinPaths = nodeBuiltins.map((name) => ({
  name,
  message: 'Node builtins are not available here (see the layer table in ARCHITECTURE.md).',
}));
const nodePrefixPattern = {
  group: ['node:*'],
  message: 'Node builtins are not available here (see the layer table in ARCHITECTURE.md).',
};

/** A relative import that climbs out into another top-level folder of src/. */
const intoLayer = (/** @type {string[]} */ layers) => `^(\\.\\./)+(src/)?(${layers.join('|')})(/|$)`;

/** Globals of the plain-JS tooling files (scripts, benches, this config). */
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'performance'].map((name) => [
    name,
    'readonly',
  ]),
);

export default defineConfig(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },

  // Layering (ARCHITECTURE.md): imports point downwards only.
  {
    files: ['src/core/**/*.{ts,tsx}'],
    // Tests next to the core may read fixtures from disk; the shipped core may not.
    ignores: ['src/core/**/*.test.{ts,tsx}', 'src/core/**/*.bench.ts'],
    rules: {
      // The core reproduces Python's character classes (str.isspace() includes U+001C-U+001F),
      // so control characters in its regular expressions are deliberate.
      'no-control-regex': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltinPaths,
            { name: 'electron', message: 'src/core is pure: no Electron.' },
            { name: 'react', message: 'src/core is pure: no React.' },
            { name: 'react-dom', message: 'src/core is pure: no React.' },
          ],
          patterns: [
            nodePrefixPattern,
            { group: ['electron/*', 'react/*', 'react-dom/*'], message: 'src/core is pure.' },
            {
              regex: intoLayer(['services', 'hosts', 'renderer', 'api', 'shared']),
              message: 'src/core imports nothing from the other layers; they import it.',
            },
          ],
        },
      ],
      // Pure also means no host globals sneaking in without an import.
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', '__dirname', '__filename', 'require', 'global'].map((name) => ({
          name,
          message: 'src/core runs in Node and in the renderer: no Node globals.',
        })),
        ...['window', 'document', 'navigator', 'localStorage'].map((name) => ({
          name,
          message: 'src/core runs in Node and in the renderer: no DOM globals.',
        })),
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltinPaths,
            {
              name: 'electron',
              message: 'The renderer talks to the backend only through window.reportApi (src/api).',
            },
          ],
          patterns: [
            nodePrefixPattern,
            { group: ['electron/*'], message: 'The renderer never imports Electron.' },
            {
              regex: intoLayer(['services', 'hosts']),
              message: 'The renderer runs in two hosts and knows neither: use src/api types and window.reportApi.',
            },
          ],
        },
      ],
    },
  },
);
