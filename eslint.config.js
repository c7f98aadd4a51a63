// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/lint/layerRule.mjs';

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

  // Layering (ARCHITECTURE.md): each folder of src/ imports only what its row of the table in
  // scripts/lint/layers.mjs allows, Node builtins, Electron and React included.
  {
    files: ['src/**/*.{ts,tsx,js,mjs}'],
    // Tests next to the code may read fixtures from disk; the shipped code may not.
    ignores: ['src/**/*.test.{ts,tsx}', 'src/**/*.bench.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/allowed-imports': 'error' },
  },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    ignores: ['src/core/**/*.test.{ts,tsx}', 'src/core/**/*.bench.ts'],
    rules: {
      // The core reproduces Python's character classes (str.isspace() includes U+001C-U+001F),
      // so control characters in its regular expressions are deliberate.
      'no-control-regex': 'off',
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
);
