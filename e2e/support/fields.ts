/**
 * Does every field a person fills in on the page's open form say what goes in it? Each visible input,
 * select and text area inside `scope` is read with the text its `aria-describedby` points to (the
 * help under its label, as a screen reader reads it too); the caller asserts on the list.
 */
import type { Page } from 'playwright-core';

export interface ExplainedField {
  label: string;
  help: string;
}

export async function fieldsWithHelp(page: Page, scope: string): Promise<ExplainedField[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) throw new Error(`no ${selector} on the page`);
    const fields = [...root.querySelectorAll<HTMLElement>('input, textarea')].filter(
      (el) =>
        !(el instanceof HTMLInputElement && ['hidden', 'file', 'checkbox', 'radio'].includes(el.type)) &&
        el.getClientRects().length > 0,
    );
    const textOf = (ids: string | null) =>
      (ids ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
    return fields
      .map((el) => ({
        label: el.getAttribute('aria-label') ?? textOf(el.getAttribute('aria-labelledby')) ?? '',
        help: textOf(el.getAttribute('aria-describedby')),
      }))
      .map((f, i) => ({
        ...f,
        label:
          f.label ||
          (fields[i].id ? (document.querySelector(`label[for="${fields[i].id}"]`)?.textContent?.trim() ?? '') : ''),
      }));
  }, scope);
}

/**
 * The error a field announces as its own (the element its `aria-describedby` names as the error),
 * or null while it has none: what a screen reader reads with the field, and what shows under it.
 */
export async function fieldError(page: Page, testId: string): Promise<string | null> {
  const field = page.getByTestId(testId);
  const errorId = ((await field.getAttribute('aria-describedby')) ?? '')
    .split(/\s+/)
    .find((id) => id.includes('error'));
  return errorId ? (await page.locator(`[id="${errorId}"]`).innerText()).trim() : null;
}
