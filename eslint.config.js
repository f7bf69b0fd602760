import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['web/pkg/', 'bench/pkg/', 'dist/', 'target/', 'node_modules/', 'tests/artifacts/'] },
  js.configs.recommended,
  {
    files: ['web/**/*.js', 'bench/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['tools/**/*.mjs', 'tests/**/*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
