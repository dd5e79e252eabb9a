// Lint: typescript-eslint's recommended rules, Svelte's, and the one-way imports of the layout
// (renderer → shared, main → shared; never renderer ↔ main; shared imports neither, nor node:*).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];

export default ts.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'native/**'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src-renderer/**'],
    ignores: ['src-renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/src-main/**', '../src-main/*', 'node:*', 'electron', 'better-sqlite3'], message: 'The renderer talks to the Node side only through the API client (src-renderer/lib/api.ts).' },
      ]),
    },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/src-main/**', '**/src-renderer/**', 'node:*', 'electron', 'better-sqlite3', 'svelte', 'svelte/*'], message: 'src-shared is pure code both processes import: no Node, no DOM, no app layers.' },
      ]),
    },
  },
  {
    files: ['src-main/**'],
    ignores: ['src-main/db/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/src-renderer/**'], message: 'The Node side never imports the renderer.' },
        { group: ['better-sqlite3'], message: 'Only src-main/db imports better-sqlite3.' },
      ]),
    },
  },
  {
    files: ['src-main/db/**'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/src-renderer/**'], message: 'The Node side never imports the renderer.' }]),
    },
  },
);
