/** Arrows in the reading direction of a language, as plain text (used by `Direction.tsx` and CSV cells). */
export type ReadingLang = 'fa' | 'en';

/** The arrow from "before" to "after" in the reading direction of `lang`. */
export function arrowOf(lang: ReadingLang): string {
  return lang === 'fa' ? '←' : '→';
}

/** `before → after` as plain text (a CSV cell, a title) with the arrow of `lang`. */
export function fromToText(from: string | number, to: string | number, lang: ReadingLang): string {
  return `${from} ${arrowOf(lang)} ${to}`;
}

/**
 * A name or number put into a sentence as its own isolated run (FSI … PDI), for text that is a
 * plain string (a notification, a title): a Persian name in an English sentence, or Latin digits
 * in a Persian one, keep their place. In markup, `<bdi>` does the same.
 */
export function isolate(text: string | number): string {
  return `\u2068${text}\u2069`;
}
