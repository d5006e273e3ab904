import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint for the server, the scripts and the console (`npm run lint`, in `.ci/run`). Formatting is
 * Prettier's (`npm run format:check`), so the rules here are about meaning only. The rules that need
 * types (promises left floating, promises where a callback is expected) run with the projects'
 * tsconfig files.
 */
export default tseslint.config(
  { ignores: ['dist/', '.data/', 'node_modules/', 'console/src/graphql-env.d.ts', 'server/src/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The console in a right-to-left language (issue 19): a value of mixed script (a Latin name, a
    // phone number, a code, an amount) keeps its own order. A table cell's or a detail's value is
    // in a <bdi>; a text control takes its direction from what is typed in it (dir="auto").
    files: ['console/src/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['JSXExpressionContainer', 'JSXText[value=/\\S/]'].map((child) => ({
          selector: `JSXElement[openingElement.name.name=/^(td|dd)$/] > ${child}`,
          message: 'A table cell’s or a detail’s value goes in a <bdi>: its direction is its own (issue 19).',
        })),
        {
          selector: 'JSXText[value=/[←→]/]',
          message:
            'A link back is a BackLink (components/BackLink.tsx): its arrow points the way the language reads (issue 19).',
        },
        {
          selector: "JSXOpeningElement[name.name='textarea']:not(:has(JSXAttribute[name.name='dir']))",
          message: 'A textarea takes dir="auto": the direction of what is typed in it (issue 19).',
        },
        {
          selector:
            "JSXOpeningElement[name.name='input']:not(:has(JSXAttribute[name.name='dir'])):not(:has(JSXAttribute[name.name='type'][value.value=/^(checkbox|radio|file|date|datetime-local|month|time|number|password|hidden|range|color)$/]))",
          message: 'A text input takes dir="auto": the direction of what is typed in it (issue 19).',
        },
      ],
    },
  },
  {
    // Tests read loosely typed GraphQL answers.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tool configuration at the root and plain-JavaScript build scripts: no tsconfig covers them.
    files: ['*.js', '*.cjs', '*.mjs', '*.config.ts', 'scripts/**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  prettier,
);
