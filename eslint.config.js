// Lint rules, and the layers of the code as import rules (docs/architecture.md explains
// them). A rule that fights a real need changes here, with a decision record; not with a
// disable comment. `npm run lint` fails on any warning.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Each layer, and what it must never import (as regular expressions over the import's
// path). Paths are the aliases every file uses
// (`~/…` for app/, `#db/…`, `#emails/…`); a relative import may not leave its folder.
const NO_PARENT = { regex: '^\\.\\./', message: 'Import through an alias (~/…, #db/…, #emails/…), not a relative path out of this folder.' };
const layer = (files, forbidden) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [NO_PARENT, ...Object.entries(forbidden).map(([regex, message]) => ({ regex, message }))],
      },
    ],
  },
});

const ROUTES = { '^~/routes/': 'Routes do not import each other; share through a component or a model.' };
const DB = { '^#db/': 'Only models (and utils for sessions and the outbox) read the database.' };
const MODELS = { '^~/models/': 'This layer does not call models: pass what it needs as arguments.' };
const COMPONENTS = { '^~/components/': 'Only routes render components.' };
const EMAILS = { '^#emails/': 'Only models send emails (through the outbox).' };

// Syntax rules (no-restricted-syntax), combined per kind of file below.
const NO_BARRELS = { selector: 'ExportAllDeclaration', message: 'No barrel files: import from the module itself.' };
const STATIC_TITLE = {
  selector: "VariableDeclarator[id.name='handle'] Property[key.name='title'] > :function",
  message: 'A page title is a fixed string: a name or reference in it lands in the browser history.',
};
const PUBLIC_PAGE = [
  {
    selector: "JSXOpeningElement[name.name=/^(Form|form)$/]:not(:has(JSXAttribute[name.name='autoComplete']))",
    message: 'A public form sets autoComplete="off" (or a field-by-field choice), so a shared device keeps no answers.',
  },
  {
    selector: 'ImportSpecifier[imported.name=/^(useEffect|useLayoutEffect|useState|useReducer|useFetcher|useSubmit|useNavigation|useRevalidator)$/]',
    message: 'Public pages are not hydrated: this would never run in the browser. Make it work as a plain form.',
  },
];

export default tseslint.config(
  { ignores: ['**/*.tmp.ts', 'build/**', 'public/**', 'node_modules/**', 'data/**', '.ci/results/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true, allowShortCircuit: true }],
      // Free-text rules match control characters on purpose, to refuse them.
      'no-control-regex': 'off',
      'no-duplicate-imports': 'error',
      'no-restricted-syntax': ['error', NO_BARRELS],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'react/prop-types': 'off',
      'react/no-unescaped-entities': 'off',
      // A labelled region that scrolls (a wide table) must take focus so a keyboard can scroll it (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
    },
  },

  // The layers.
  layer(['app/routes/**'], { ...ROUTES, ...DB, ...EMAILS }),
  layer(['app/components/**'], { ...ROUTES, ...DB, ...MODELS, ...EMAILS, '^~/utils/.*\\.server$': 'Components run in the browser too: no server modules.' }),
  layer(['app/models/**'], { ...ROUTES, ...COMPONENTS }),
  layer(['app/utils/**'], { ...ROUTES, ...COMPONENTS, ...MODELS, ...EMAILS }),
  layer(['app/data/**'], { ...ROUTES, ...COMPONENTS, ...MODELS, ...EMAILS, ...DB, '^~/utils/': 'Data is plain constants: it imports nothing.' }),
  layer(['db/**'], { '^~/': 'db/ imports nothing of the app.', ...EMAILS }),
  layer(['emails/**'], { '^~/': 'Email templates take every value as data.', ...DB, '^\\./(?!layout$)': 'A template imports only its layout.' }),
  // emails/index.ts lists every template for the staff preview page.
  layer(['emails/index.ts', 'emails/*.test.ts'], { '^~/': 'Email templates take every value as data.', ...DB }),

  layer(['app/browser/**'], { ...ROUTES, ...DB, ...MODELS, ...COMPONENTS, ...EMAILS, '^~/utils/.*\\.server$': 'This runs only in the browser.' }),

  // Pages: no name or reference in a title (it lands in the browser's history), and public
  // and participant pages ship no React runtime (RouteHandle.clientRuntime in root.tsx,
  // decision 013): nothing that only works once hydrated, and no form whose answers the
  // browser may remember or restore after "Exit this page".
  { files: ['app/routes/**'], rules: { 'no-restricted-syntax': ['error', NO_BARRELS, STATIC_TITLE] } },
  { files: ['app/routes/**'], ignores: ['app/routes/staff*'], rules: { 'no-restricted-syntax': ['error', NO_BARRELS, STATIC_TITLE, ...PUBLIC_PAGE] } },
  // These three name the page after a question of a fixed list, never after a record.
  {
    files: ['app/routes/refer.$step.tsx', 'app/routes/feedback.$question.tsx', 'app/routes/equality.$question.tsx'],
    rules: { 'no-restricted-syntax': ['error', NO_BARRELS, ...PUBLIC_PAGE] },
  },

  // No source file over 300 lines (decision 021). Tests, migrations and app/data (word lists,
  // labelled data) are long because their content is.
  {
    files: ['app/**/*.{ts,tsx}', 'db/**/*.ts', 'emails/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', 'db/migrations/**', 'app/data/**'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }] },
  },

  // The one barrel: the schema is a file a domain, gathered for `#db/schema` and drizzle-kit (decision 021).
  { files: ['db/schema/index.ts'], rules: { 'no-restricted-syntax': 'off' } },

  // Tests may reach across layers to set up what they check.
  { files: ['**/*.test.{ts,tsx}', 'tests/**', 'bench/**', 'scripts/**'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },

  prettier,
);
