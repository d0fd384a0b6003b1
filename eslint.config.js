import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Classic zod in any chunk keeps all of zod's core (every schema kind, every format regex) in the first-load chunk.
const classicZod = { name: 'zod', message: "Use 'zod/mini', as the graph and recording schemas do." };

const engineBannedImports = {
  paths: [classicZod],
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/engine stays free of React.' },
    { group: ['@xyflow/*'], message: 'src/engine stays free of React Flow.' },
    { group: ['zustand', 'zustand/*', 'zundo'], message: 'src/engine stays free of zustand.' },
    { group: ['node:*', 'fs', 'path', 'http', 'https', 'child_process', 'worker_threads', 'os', 'url'], message: 'src/engine runs in the browser too: take platform pieces as parameters.' },
    { group: ['**/ui/**', '**/cli/**', '**/server/**'], message: 'src/engine must not depend on the app, the CLI or the server.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'build', 'node_modules', 'test-results', 'playwright-report', 'coverage', 'public', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/cli/**/*.ts', 'src/server/**/*.ts'],
    // Tests, and the UI's test helpers (src/ui/testing, imported by tests only), may reach the engine's test builders.
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'src/ui/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [classicZod], patterns: [{ group: ['**/engine/*/**', '!**/engine/index'], message: 'Import the engine through src/engine/index.ts.' }] }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', engineBannedImports],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'No DOM in src/engine.' },
        { name: 'document', message: 'No DOM in src/engine.' },
        { name: 'localStorage', message: 'No DOM in src/engine: take storage as a parameter.' },
        { name: 'indexedDB', message: 'No DOM in src/engine: take storage as a parameter.' },
        { name: 'process', message: 'No Node globals in src/engine.' },
        { name: 'require', message: 'No Node globals in src/engine.' },
        { name: '__dirname', message: 'No Node globals in src/engine.' },
        { name: 'Buffer', message: 'No Node globals in src/engine.' },
      ],
    },
  },
  {
    // The sandbox core runs in the app's Web Worker and the CLI's worker thread alike: no platform of its own.
    files: ['src/sandbox/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...engineBannedImports.patterns.filter((p) => !p.group.includes('**/ui/**')),
            { group: ['**/ui/**', '**/cli/**', '**/server/**'], message: 'src/sandbox is shared by the app and the CLI: it depends on neither.' },
            { group: ['**/engine/*/**', '!**/engine/index'], message: 'Import the engine through src/engine/index.ts.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process', 'require', 'fetch', 'self'],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bench/**/*.ts', 'bin/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
