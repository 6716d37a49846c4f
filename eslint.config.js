// Lint: strict TypeScript, and the layering rule: which folder may import which.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'url', 'util', 'events', 'stream', 'worker_threads'];
const NODE_PACKAGES = ['better-sqlite3', 'mqtt', 'aedes', 'ws', 'csv-parse', 'csv-parse/*', 'fast-xml-parser'];
const UI_PACKAGES = ['react', 'react-dom', 'react-dom/*', 'ol', 'ol/*', 'i18next', 'react-i18next', 'echarts', 'echarts/*'];

// Bare names (fs, events…) are matched exactly, so that e.g. 'ol/events' stays allowed; the rest
// are gitignore-style patterns.
const restrict = (names, message) => {
  const exact = names.filter((n) => /^[a-z_]+$/.test(n));
  const patterns = names.filter((n) => !exact.includes(n));
  return {
    'no-restricted-imports': ['error', { paths: exact.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] }],
  };
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // API handlers are async by contract even where their body is synchronous.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.js', 'bench/**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' },
    },
  },
  // Layers. shared/: pure; no Node, DOM, Electron or UI packages (no DOM types: tsconfig.shared.json).
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...NODE_BUILTINS, ...NODE_PACKAGES, ...UI_PACKAGES, 'electron', '**/electron/**', '**/renderer/**'],
      'shared/ is pure domain code: it may import only shared/ and zod.',
    ),
  },
  // The core runs under plain Node and in Electron's main process: never Electron itself.
  {
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts', 'electron/node/**/*.ts', 'electron/sim/**/*.ts'],
    rules: restrict(['electron', '**/shell/**', '**/renderer/**', ...UI_PACKAGES], 'core, web host and node hosts import no Electron and no UI.'),
  },
  {
    files: ['electron/shell/**/*.ts'],
    rules: restrict(['**/renderer/**', ...UI_PACKAGES], 'the Electron shell does not import the renderer.'),
  },
  // The renderer reaches the core only through the API contract in shared/.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([...NODE_BUILTINS, ...NODE_PACKAGES, 'electron', '**/electron/**'], 'the renderer reaches the core only through shared/api.ts (preload bridge or WebSocket).'),
    },
  },
);
