/**
 * Import rules of the server, the scripts and shared/ (`npm run lint:deps`, in `.ci/run`). The server is built
 * in floors: the shared floors (`server/src/common`, `server/src/database`, `server/src/transport`)
 * reach no feature module (`server/src/modules/**`), neither directly nor through another file, and
 * no file imports itself back through a circle of imports, type-only imports included. Tests may
 * import anything.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A circle of imports: one of its files belongs on a lower floor, or a shared type does. Only entities may ' +
        'name each other both ways (an ORM relation and its inverse side, e.g. Invoice.payments and Payment.invoice).',
      from: { pathNot: ['\\.test\\.ts$', '\\.entity\\.ts$'] },
      to: { circular: true },
    },
    {
      name: 'shared-floors-reach-no-module',
      severity: 'error',
      comment:
        'common/, database/ and transport/ are the floors every module stands on: they reach no feature module, ' +
        'not even through a file above them such as config.ts or context.ts (a module registers itself with them, ' +
        'declares its settings by declaration merging, or app.ts hands them what they need).',
      from: { path: '^server/src/(common|database|transport)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/src/modules/', reachable: true },
    },
    {
      name: 'shared-imports-no-side',
      comment:
        'shared/ holds the rules the server and the console both run (identifiers, the quality gate): it imports neither of them.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|console|scripts)/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A source file nothing imports is dead code (entry points and tests aside).',
      from: {
        orphan: true,
        pathNot: [
          '\\.test\\.ts$',
          '\\.d\\.ts$',
          '^server/src/main\\.ts$',
          '^server/src/migrations/',
          '^scripts/[^/]+\\.(ts|mjs)$',
          '^scripts/bench/baseline/main\\.ts$',
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
