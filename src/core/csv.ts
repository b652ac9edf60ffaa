/**
 * CSV as spreadsheet programs read Persian: UTF-8 with a byte-order mark, fields quoted per
 * RFC 4180 (a comma, quote, line break or leading/trailing space), lines ending in CRLF. Numbers
 * stay plain Latin digits so the file is machine readable. A text field that a spreadsheet would
 * run as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an
 * apostrophe (OWASP's advice against CSV injection); numbers are never touched.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value == null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(fields: readonly CsvValue[]): string {
  return fields.map(csvField).join(',');
}

/** The whole file: the byte-order mark, the header line, one line per row. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${[csvLine(header), ...rows.map(csvLine)].join('\r\n')}\r\n`;
}
