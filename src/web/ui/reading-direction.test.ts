import { describe, expect, it } from 'vitest';
import { fromToText, isolate } from './reading-direction';

describe('arrows point the way the page reads', () => {
  it('Persian reads right to left: the arrow from the first state to the next points left', () => {
    expect(fromToText('پیش‌نویس', 'تأییدشده', 'fa')).toBe('پیش‌نویس ← تأییدشده');
  });
  it('English reads left to right: "Draft → Confirmed", not "Draft ← Confirmed"', () => {
    expect(fromToText('Draft', 'Confirmed', 'en')).toBe('Draft → Confirmed');
  });
});

describe('names and numbers in a sentence are isolated runs', () => {
  it('a Persian name is wrapped in first-strong isolate marks, so an English sentence keeps its order', () => {
    expect(isolate('امیر تهرانی')).toBe('\u2068امیر تهرانی\u2069');
  });
});
