import { describe, expect, it } from 'vitest';
import { fromToText } from './reading-direction';

describe('arrows point the way the page reads', () => {
  it('Persian reads right to left: the arrow from the first state to the next points left', () => {
    expect(fromToText('پیش‌نویس', 'تأییدشده', 'fa')).toBe('پیش‌نویس ← تأییدشده');
  });
  it('English reads left to right: "Draft → Confirmed", not "Draft ← Confirmed"', () => {
    expect(fromToText('Draft', 'Confirmed', 'en')).toBe('Draft → Confirmed');
  });
});
