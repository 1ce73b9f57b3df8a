// The import rules of the code base (doc/adr/0101-import-boundaries.md), checked by `npm run lint`:
// no import cycles; src/shared is the platform and imports nothing above it; a module reaches another
// module only through its index.ts (and, in tests, its testing.ts); production code never imports test code.

/** Tests and test helpers: they may use the whole app (src/testing) and other modules' testing.ts. */
const testCode = '(\\.test\\.tsx?$|/testing\\.ts$|^src/testing/|/test/|^src/shared/testing/)';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files that import each other cannot be understood, tested or moved alone. Break the loop (a types file, or move the shared part down a layer).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-the-platform',
      severity: 'error',
      comment: 'src/shared is the platform: it never imports a module or the composition root (app.ts, deps.ts, seed.ts, server.ts, worker.ts). Pass what it needs in (AppDeps, a parameter).',
      from: { path: '^src/shared/', pathNot: testCode },
      to: { path: '^src/(?!shared/)' },
    },
    {
      name: 'modules-through-their-index',
      severity: 'error',
      comment: "A module uses another module only through that module's index.ts (its public API), never its internals.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/(?!$1/)[^/]+/', pathNot: '^src/modules/[^/]+/(index|testing)\\.tsx?$' },
    },
    {
      name: 'modules-below-the-composition-root',
      severity: 'error',
      comment: 'Modules do not know the module list or the composition root; what they need comes in through AppDeps.',
      from: { path: '^src/modules/', pathNot: testCode },
      to: { path: '^src/(modules/index|app|deps|seed|server|worker)\\.ts$' },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      comment: 'Test helpers and fixtures stay out of the running application (and out of build/).',
      from: { path: '^src/', pathNot: testCode },
      to: { path: testCode },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(build|data|node_modules|migrations)/' },
    // Type-only imports count too: a cycle of types is still a cycle of understanding.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
