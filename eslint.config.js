import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'data/', '.test-data/', 'test-results/', 'migrations/', 'coverage/', 'src/public/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      eqeqeq: ['error', 'smart'],
      // One check for ids, lower case only (src/shared/ids.ts, ADR 0404): zod's uuid() also accepts upper case.
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.property.name=/^(uuid|uuidv4|uuidv6|uuidv7|guid)$/]', message: 'Ids are checked with uuidString or uuidField from src/shared/ids.ts (ADR 0404).' }],
    },
  },
  {
    // Route handlers stay thin: no SQL, no database client; SQL lives in repositories (doc/architecture.md).
    files: ['src/modules/**/*.routes.ts', 'src/modules/**/*.routes.tsx', 'src/modules/**/*.api.ts', 'src/modules/**/views/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'], message: 'SQL belongs in a repository.' },
            { group: ['**/*.repository.js', '**/shared/db/client.js', '\\#shared/db/client.js'], message: 'Call a service; repositories are its business.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { document: 'readonly', window: 'readonly', CustomEvent: 'readonly', EventSource: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', navigator: 'readonly', location: 'readonly', URL: 'readonly', FormData: 'readonly', console: 'readonly' } },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly' } },
  },
);
