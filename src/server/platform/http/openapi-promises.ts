/**
 * What the OpenAPI document promises a client, one line per promise: each operation
 * (`GET /api/v1/x`), and each of its parameters, request-body fields and response fields with its
 * type and whether it is required. Two documents compare line by line: a line of the old one
 * missing from the new one is a promise broken (an operation or a field lost, a type changed, an
 * optional field made required on the way in or optional on the way out).
 */
type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export function openApiPromises(doc: Json): string[] {
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const lines = new Set<string>();

  const resolve = (schema: Json, seen: string[]): { schema: Json; seen: string[] } | null => {
    let s = schema;
    let chain = seen;
    while (typeof s.$ref === 'string') {
      const name = s.$ref.replace('#/components/schemas/', '');
      if (chain.includes(name)) return null;
      const target = schemas[name];
      if (!target) {
        lines.add(`dangling $ref ${s.$ref}`);
        return null;
      }
      chain = [...chain, name];
      s = target;
    }
    return { schema: s, seen: chain };
  };

  const typeOf = (s: Json): string => {
    if (s.const !== undefined) return `const ${JSON.stringify(s.const)}`;
    if (Array.isArray(s.enum)) return `enum ${[...s.enum].map(String).sort().join('|')}`;
    if (Array.isArray(s.type)) return [...s.type].sort().join('|');
    if (typeof s.type === 'string') return s.type;
    if (s.anyOf || s.oneOf) return 'union';
    if (s.allOf) return 'all-of';
    return 'any';
  };

  const walk = (prefix: string, raw: Json, required: boolean, seen: string[]) => {
    // Every error answer is the one problem+json shape; its fields are promised once, not per operation.
    if (raw.$ref === '#/components/schemas/Problem') {
      lines.add(`${prefix}: Problem`);
      return;
    }
    const r = resolve(raw, seen);
    if (!r) return;
    const { schema } = r;
    lines.add(`${prefix}: ${typeOf(schema)}${required ? ' required' : ''}`);
    if (schema.properties) {
      const req = new Set((schema.required as string[] | undefined) ?? []);
      for (const [k, v] of Object.entries(schema.properties as Record<string, Json>))
        walk(`${prefix}.${k}`, v, req.has(k), r.seen);
    }
    if (schema.items && typeof schema.items === 'object') walk(`${prefix}[]`, schema.items as Json, true, r.seen);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const variants = schema[key] as Json[] | undefined;
      variants?.forEach((v, i) => {
        const rv = resolve(v, r.seen);
        if (!rv) return;
        // A nullable field (anyOf [T, null]) is promised as T and null, not as variant numbers.
        if (rv.schema.type === 'null') {
          lines.add(`${prefix}|null`);
          return;
        }
        walk(
          variants.length === 2 && variants.some((x) => (x as Json).type === 'null') ? prefix : `${prefix}<${i}>`,
          v,
          false,
          r.seen,
        );
      });
    }
  };

  for (const [p, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const name = `${method.toUpperCase()} ${p}`;
      lines.add(name);
      for (const param of (op.parameters as Json[] | undefined) ?? []) {
        walk(`${name} ${param.in}.${param.name}`, (param.schema as Json) ?? {}, Boolean(param.required), []);
      }
      const content = ((op.requestBody as Json | undefined)?.content ?? {}) as Record<string, Json>;
      for (const [media, body] of Object.entries(content)) {
        walk(`${name} body(${media})`, (body.schema as Json) ?? {}, Boolean((op.requestBody as Json).required), []);
      }
      for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
        const rc = (response.content ?? {}) as Record<string, Json>;
        if (Object.keys(rc).length === 0) lines.add(`${name} response.${status}`);
        for (const [media, body] of Object.entries(rc))
          walk(`${name} response.${status}(${media})`, (body.schema as Json) ?? {}, true, []);
      }
    }
  }
  if (schemas.Problem) walk('schema Problem', { ...schemas.Problem }, true, ['Problem']);
  return [...lines].sort();
}
