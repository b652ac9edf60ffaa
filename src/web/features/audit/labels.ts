/**
 * Labels of the audit log's codes: `audit.actions.<code>` and `audit.entities.<type>` (a code's
 * dots nest its label, "notices.deliver" under notices → deliver). A code with no label — an
 * older row — shows as it is.
 */
import type { TFunction } from 'i18next';

export function actionLabel(t: TFunction, code: string): string {
  return t(`audit.actions.${code}`, { defaultValue: code });
}

export function entityLabel(t: TFunction, type: string): string {
  return t(`audit.entities.${type}`, { defaultValue: type });
}
