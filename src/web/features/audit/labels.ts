/**
 * Labels of the audit log's codes: `audit.actions.<code>` and `audit.entities.<type>` (a code's
 * dots nest its label, "notices.deliver" under notices → deliver). A code with no label — an
 * older row — shows as it is. The filters offer the labelled codes, which are exactly the codes
 * the server writes (labels.test.ts holds them to the server's list).
 */
import type { TFunction } from 'i18next';
import fa from './i18n/fa.json';

type Tree = { [key: string]: string | Tree };

/** Every code a tree of labels names. */
export function codesOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : codesOf(value, `${prefix}${key}.`),
  );
}

/** The actions and object types the audit log holds. */
export const ACTION_CODES = codesOf(fa.audit.actions);
export const ENTITY_TYPES = codesOf(fa.audit.entities);

export function actionLabel(t: TFunction, code: string): string {
  return t(`audit.actions.${code}`, { defaultValue: code });
}

export function entityLabel(t: TFunction, type: string): string {
  return t(`audit.entities.${type}`, { defaultValue: type });
}
