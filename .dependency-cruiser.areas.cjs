/**
 * The boundary check's area rules, generated from the one declared order in src/server/areas.ts
 * (AREA_ORDER, PENDING_BACK_EDGES, read from their plain literals). Used by .dependency-cruiser.cjs
 * and by the unit test that holds docs/architecture.md to the same order.
 */
const fs = require('node:fs');
const path = require('node:path');

const AREAS_FILE = path.join(__dirname, 'src/server/areas.ts');

/** AREA_ORDER and PENDING_BACK_EDGES, read from the plain literals in areas.ts. */
function declaredOrder(source = fs.readFileSync(AREAS_FILE, 'utf8')) {
  const order = /export const AREA_ORDER = \[([\s\S]*?)\] as const;/.exec(source);
  if (!order) throw new Error('src/server/areas.ts declares no AREA_ORDER = [...] as const');
  const areas = [...order[1].replace(/\/\/.*$/gm, '').matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
  const pending = /export const PENDING_BACK_EDGES(?:: [^=]+)? = \[([\s\S]*?)\](?: as const)?;/.exec(source);
  const backEdges = pending
    ? [...pending[1].replace(/\/\/.*$/gm, '').matchAll(/\{\s*from:\s*'([^']+)',\s*to:\s*'([^']+)'\s*\}/g)].map((m) => ({
        from: m[1],
        to: m[2],
      }))
    : [];
  return { areas, backEdges };
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MODULES = 'src/server/modules';

/** One rule per area: it may import no area above it (the pending back-edges excepted, file by file). */
function areaOrderRules({ areas, backEdges }) {
  const rules = [];
  areas.forEach((area, i) => {
    const above = areas.slice(i + 1);
    if (!above.length) return;
    const to = `^${MODULES}/(${above.map(escapeRegExp).join('|')})/`;
    const pendingHere = backEdges.filter((e) => e.from.startsWith(`${MODULES}/${area}/`));
    rules.push({
      name: `area-order:${area}`,
      comment: `${area} imports only areas below it in src/server/areas.ts (AREA_ORDER); a lower area reacts to a higher one through a port in AppContext`,
      severity: 'error',
      from: {
        path: `^${MODULES}/${escapeRegExp(area)}/`,
        ...(pendingHere.length ? { pathNot: pendingHere.map((e) => `^${escapeRegExp(e.from)}$`) } : {}),
      },
      to: { path: to },
    });
    for (const from of new Set(pendingHere.map((e) => e.from))) {
      rules.push({
        name: `area-order:${area}:pending`,
        comment: `${from} may keep only its named back-edge (PENDING_BACK_EDGES in src/server/areas.ts)`,
        severity: 'error',
        from: { path: `^${escapeRegExp(from)}$` },
        to: { path: to, pathNot: backEdges.filter((e) => e.from === from).map((e) => `^${escapeRegExp(e.to)}$`) },
      });
    }
  });
  return rules;
}

module.exports = { AREAS_FILE, declaredOrder, areaOrderRules, escapeRegExp, MODULES };
