/**
 * The house rules on imports (docs/architecture.md, "Boundaries"), checked by `npm run boundaries`
 * and in .ci/run before the tests. The area order is not written here: it is read from
 * src/server/areas.ts (AREA_ORDER, PENDING_BACK_EDGES), where it is declared once.
 */
const { areaOrderRules, declaredOrder, escapeRegExp, MODULES } = require('./.dependency-cruiser.areas.cjs');

/** Web features never import each other, except these shared modules (named, and few). */
const SHARED_WEB_MODULES = ['src/web/features/catalog/api/services.ts'];

/**
 * What the web may take from the server: request/response schemas, contracts, permissions, and
 * the lists of allowed values (an area's values.ts, platform/auth/values.ts). values.ts files are
 * pure — `as const` arrays and their types, no drizzle, no queries — so the web reads the same
 * statuses, roles and kinds as the tables and contracts instead of copying them by hand
 * (src/web/app/value-lists.test.ts fails on a copy).
 */
const SERVER_FOR_WEB = [
  `^${MODULES}/.+(/|-)(schemas|contracts?)\\.ts$`,
  `^${MODULES}/[^/]+/values\\.ts$`,
  '^src/server/platform/auth/values\\.ts$',
  '^src/server/contracts\\.ts$',
  '^src/server/platform/http/(contract|endpoints-table)\\.ts$',
  '^src/server/platform/auth/(permissions|policy)\\.ts$',
];

const order = declaredOrder();

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles anywhere in the tree',
      severity: 'error',
      from: { path: '^(src|test|e2e|bench)/' },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing of ours but core',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src/(server|web|cli|seed)|test|e2e|bench)/' },
    },
    {
      name: 'platform-imports-no-area',
      comment: 'The ground floor (platform/, db/) imports no area and nothing that assembles the areas',
      severity: 'error',
      from: { path: '^src/server/(platform|db)/', pathNot: '^src/server/db/schema\\.ts$' },
      to: {
        path: '^src/server/(modules/|seed/|areas\\.ts$|app\\.ts$|composition\\.ts$|server\\.ts$|main\\.ts$|stored-files\\.ts$|db/schema\\.ts$)',
      },
    },
    {
      name: 'areas-do-not-assemble',
      comment: 'Areas do not import the composition (app, areas, composition, server, seed)',
      severity: 'error',
      from: { path: `^${MODULES}/` },
      to: {
        path: '^src/server/(seed/|areas\\.ts$|app\\.ts$|composition\\.ts$|server\\.ts$|main\\.ts$|stored-files\\.ts$|db/schema\\.ts$)',
      },
    },
    ...areaOrderRules(order),
    {
      name: 'routes-never-import-stores',
      comment: 'routes.ts parses, calls a use case and maps; queries stay behind the service',
      severity: 'error',
      from: { path: `^${MODULES}/.+(/|-)routes\\.ts$` },
      to: { path: '(/|-)store\\.ts$' },
    },
    {
      name: 'web-features-are-apart',
      comment: 'A web feature imports ui/ and app/, never another feature (except the named shared modules)',
      severity: 'error',
      from: { path: '^src/web/features/([^/]+)/' },
      to: {
        path: '^src/web/features/',
        pathNot: ['^src/web/features/$1/', ...SHARED_WEB_MODULES.map((m) => `^${escapeRegExp(m)}$`)],
      },
    },
    {
      name: 'web-takes-only-contracts-from-the-server',
      comment: 'The web imports from the server only schemas, contracts and permissions (and anything from src/core)',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(server|cli)/', pathNot: SERVER_FOR_WEB },
    },
    {
      name: 'values-are-pure',
      comment:
        'A values.ts holds lists of allowed values and their types: it imports nothing but core (the web imports it)',
      severity: 'error',
      from: { path: '^src/server/(modules/[^/]+|platform/auth)/values\\.ts$' },
      to: { pathNot: '^src/core/' },
    },
    {
      name: 'server-does-not-import-web',
      severity: 'error',
      from: { path: '^src/(server|core)/' },
      to: { path: '^src/web/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
