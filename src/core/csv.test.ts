import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from './csv';

describe('CSV for spreadsheets', () => {
  it('quotes a field with a comma, a quote, a line break or edge spaces (RFC 4180 §2.6–2.7)', () => {
    expect(csvField('تهران، میدان ونک')).toBe('تهران، میدان ونک'); // the Persian comma needs no quotes
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('keeps numbers as Latin digits, negatives included; booleans as 1 and 0; nothing as empty', () => {
    expect(csvField(-1250000)).toBe('-1250000');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(true)).toBe('1');
    expect(csvField(false)).toBe('0');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+98912')).toBe("'+98912");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes the byte-order mark, CRLF line ends and a final line end', () => {
    expect(
      csvDocument(
        ['نام', 'مبلغ'],
        [
          ['دفتر ۱', 1000],
          ['دفتر ۲', null],
        ],
      ),
    ).toBe('\uFEFFنام,مبلغ\r\nدفتر ۱,1000\r\nدفتر ۲,\r\n');
  });
});
