// @ts-check
import js from '@eslint/js';
import tanstackQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Each foreign device or storage library lives behind one file (STYLE.md, rule 3). The map says
 * which file may import it; everywhere else the import is an error with the reason.
 */
const DEVICE_LIBRARIES = {
  'workbox-window': ['src/sw/register.ts'],
  '@zxing/library': ['src/features/scanner/engines/zxing-js-engine.ts'],
  'zxing-wasm': [
    'src/features/scanner/engines/zxing-wasm-decoder.ts',
    'src/features/scanner/engines/decoder.worker.ts',
  ],
  'better-sqlite3': ['server/src/db/database.ts'],
  // The test opens the database as an older version of the app left it.
  idb: ['src/lib/idb.ts', 'src/lib/idb.test.ts'],
};

/** `no-restricted-imports` for a file, allowing the libraries that file owns. */
function deviceImportRule(allowed = /** @type {string[]} */ ([])) {
  const paths = Object.entries(DEVICE_LIBRARIES)
    .filter(([name]) => !allowed.includes(name))
    .map(([name, owners]) => ({
      name,
      message: `${name} is imported only in ${owners.join(', ')}; use that module's interface.`,
    }));
  const patterns = [
    {
      group: ['zxing-wasm/*', '@zxing/*'],
      message: 'Decoders are imported only in their engine adapter.',
    },
  ].filter(() => allowed.length === 0);
  return ['error', { paths, patterns }];
}

const LEAF_FEATURES = [
  'session',
  'scanner',
  'photos',
  'outbox',
  'settings',
  'saved-captures',
  'scans',
];

/** The one-way layers of STYLE.md, as import boundaries. */
const LAYER_ZONES = [
  {
    target: './contract',
    from: ['./src', './server', './e2e', './bench'],
    message: 'contract imports only zod.',
  },
  {
    target: './server',
    from: ['./src', './e2e'],
    message: 'The server shares only contract/ with the app.',
  },
  {
    target: './src',
    from: ['./server', './e2e', './bench'],
    message: 'The app does not import server or test code.',
  },
  {
    target: './src/lib',
    from: ['./src/features', './src/app', './src/components'],
    message: 'lib sits below features.',
  },
  {
    target: './src/components',
    from: ['./src/features', './src/app'],
    message: 'Shared UI sits below features.',
  },
  {
    target: './src/features',
    from: './src/app',
    message: 'Features never import app/; app composes them.',
  },
  ...LEAF_FEATURES.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'Features do not import each other; src/app composes them.',
  })),
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-baseline/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'e2e/.artifacts/',
      '.data/',
      'reports/',
      '.stryker-tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.es2022 },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Product code only: tests and benchmarks may drive decoders directly to measure them.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'contract/**/*.ts'],
    rules: { 'no-restricted-imports': deviceImportRule() },
  },
  ...Object.values(DEVICE_LIBRARIES)
    .flat()
    .map((file) => ({
      files: [file],
      rules: {
        'no-restricted-imports': deviceImportRule(
          Object.entries(DEVICE_LIBRARIES)
            .filter(([, owners]) => owners.includes(file))
            .map(([name]) => name),
        ),
      },
    })),
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Use the API client (src/lib/api-client.ts).' },
        { name: 'indexedDB', message: 'Use src/lib/idb.' },
        { name: 'XMLHttpRequest', message: 'Upload through src/lib/upload.ts.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'navigator', property: 'mediaDevices', message: 'Use the camera controller.' },
        {
          object: 'window',
          property: 'fetch',
          message: 'Use the API client (src/lib/api-client.ts).',
        },
      ],
    },
  },
  ...tanstackQuery.configs['flat/recommended'],
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      '@tanstack/query/exhaustive-deps': 'error',
      '@tanstack/query/no-rest-destructuring': 'error',
      '@tanstack/query/stable-query-client': 'error',
    },
  },
  {
    files: [
      'src/lib/api-client.ts',
      'src/lib/idb.ts',
      'src/lib/upload.ts',
      'src/features/scanner/camera/**',
    ],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: [
      'server/**/*.ts',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{js,mjs,ts}',
      '*.config.{js,ts}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['bench/baseline/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Playwright reads fixture dependencies from an object pattern, so `{}` means "none".
    files: ['e2e/fixtures/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // Fastify hooks and handlers are async so that a thrown HttpError becomes the response.
    files: ['server/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['server/**/*.ts'],
    // Tests and their process helpers set up environments for the processes they start.
    ignores: ['server/src/env.ts', 'server/src/test/**', 'server/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in server/src/env.ts only.',
        },
      ],
    },
  },
  {
    // Tests read untyped JSON bodies on purpose; asserting on them is the test.
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
