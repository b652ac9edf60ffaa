/**
 * Every action and object type the server can write to the audit log has a Persian and an English
 * label. The codes come from the server's own list (AUDIT_ACTIONS, AUDIT_ENTITY_TYPES), which
 * `recordAudit` takes as its types, so a new code written anywhere must join the list — and then
 * fails here until it has its labels.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '#server/modules/platform/schemas';
import en from './i18n/en.json';
import { ACTION_CODES, codesOf, ENTITY_TYPES } from './labels';
import fa from './i18n/fa.json';

const PERSIAN_LETTERS = /[\u0600-\u06FF]/;
const labels = { fa: fa.audit, en: en.audit } as const;

type Tree = { [key: string]: string | Tree };
/** A code's label: its dots nest it, as i18next reads it. */
const labelOf = (tree: Tree, code: string) =>
  code
    .split('.')
    .reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);

describe('audit log labels', () => {
  for (const lang of ['fa', 'en'] as const) {
    it(`every action code has a ${lang} label`, () => {
      const actions = labels[lang].actions as Tree;
      const missing = AUDIT_ACTIONS.filter((code) => typeof labelOf(actions, code) !== 'string');
      expect(missing).toEqual([]);
      if (lang === 'fa')
        for (const code of AUDIT_ACTIONS) expect(labelOf(actions, code), code).toMatch(PERSIAN_LETTERS);
      // No label for a code the server no longer writes.
      expect(codesOf(actions).filter((code) => !(AUDIT_ACTIONS as readonly string[]).includes(code))).toEqual([]);
    });

    it(`every object type has a ${lang} label`, () => {
      const entities = labels[lang].entities as Tree;
      expect(AUDIT_ENTITY_TYPES.filter((type) => typeof labelOf(entities, type) !== 'string')).toEqual([]);
      if (lang === 'fa')
        for (const type of AUDIT_ENTITY_TYPES) expect(labelOf(entities, type), type).toMatch(PERSIAN_LETTERS);
      expect(codesOf(entities).filter((type) => !(AUDIT_ENTITY_TYPES as readonly string[]).includes(type))).toEqual([]);
    });
  }

  it('the filters offer exactly the codes the server writes', () => {
    expect([...ACTION_CODES].sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect([...ENTITY_TYPES].sort()).toEqual([...AUDIT_ENTITY_TYPES].sort());
  });
});
