import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['web/pkg/', 'dist/', 'target/', 'node_modules/'] },
  js.configs.recommended,
  {
    files: ['web/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['tools/**/*.mjs', 'tests/**/*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
