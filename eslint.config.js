import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { publicFaceRule } from './test/lint/public-face-rule.js';

/**
 * Who may import whom. sim/ is the ground floor; labs/ builds on sim/; ui/ on both; electron/ stays apart
 * from ui/ and never reaches into the UI. Each entry lists the folders a layer must not import.
 */
const layers = {
  sim: ['ui', 'labs', 'electron', 'bin'],
  labs: ['ui', 'electron', 'bin'],
  ui: ['electron', 'bin'],
  electron: ['ui', 'labs', 'bin'],
  bin: ['ui', 'electron'],
};

const layerRules = Object.entries(layers).map(([layer, forbidden]) => ({
  files: [`${layer}/**/*.{ts,js,mjs,svelte}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((folder) => ({
          group: [`**/${folder}/**`, `**/${folder}`],
          message: `${layer}/ must not import ${folder}/ (see README: Code layout).`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'test-results/', 'playwright-report/', '.tmp/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['sim/**/*.ts'],
    ignores: ['sim/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'sim/ is deterministic: schedule on the virtual clock.' },
        { name: 'setInterval', message: 'sim/ is deterministic: schedule on the virtual clock.' },
        { name: 'performance', message: 'sim/ is deterministic: use the virtual clock.' },
        { name: 'document', message: 'sim/ has no DOM.' },
        { name: 'window', message: 'sim/ has no DOM.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'sim/ is deterministic: use the seeded generator.' },
        { object: 'Date', property: 'now', message: 'sim/ is deterministic: use the virtual clock.' },
      ],
    },
  },
  {
    // Each sim/ folder's index.ts is its public face (see test/lint/public-face-rule.js).
    files: ['**/*.{ts,js,mjs,svelte}'],
    plugins: { bdlab: { rules: { 'public-face': publicFaceRule(import.meta.dirname) } } },
    rules: { 'bdlab/public-face': 'error' },
  },
  ...layerRules,
);
