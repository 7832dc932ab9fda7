// SPDX-License-Identifier: MIT
// ESLint for the web app (ui/src), its build script and the browser tests
// (tests/e2e): npm run lint, which scripts/lint runs. It runs from the top
// of the repository with --config, so the paths below are relative to it.
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const app = ['ui/src/**/*.{js,jsx}'];

export default [
  js.configs.recommended,
  { files: app, ...react.configs.flat.recommended },
  // JSX compiles to preact's automatic runtime (build.mjs): no import of
  // the JSX factory in scope.
  { files: app, ...react.configs.flat['jsx-runtime'] },
  {
    files: app,
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    // Preact, not React: the version only tells the plugin's
    // version-dependent rules which API to expect.
    settings: { react: { version: '18.3' } },
    rules: {
      // Preact takes the HTML names of these attributes as they are.
      'react/no-unknown-property': ['error', { ignore: ['class', 'for', 'autocomplete'] }],
      // Props are plain objects here; there is no prop-types package.
      'react/prop-types': 'off',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['ui/build.mjs', 'tests/e2e/**/*.mjs'],
    languageOptions: {
      // The functions that tests hand to page.evaluate() and
      // page.waitForFunction() run in the page.
      globals: { ...globals.node, document: 'readonly', window: 'readonly' },
    },
  },
];
