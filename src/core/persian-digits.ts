/** Conversions between Persian (۰-۹), Arabic-Indic (٠-٩) and Latin digits. */
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC = '٠١٢٣٤٥٦٧٨٩';

/** Latin digits for anything a person typed with a Persian or Arabic keyboard. */
export function toLatinDigits(input: string): string {
  return input.replace(/[۰-۹٠-٩]/g, (d) => {
    const p = PERSIAN.indexOf(d);
    return String(p >= 0 ? p : ARABIC.indexOf(d));
  });
}

export function toPersianDigits(input: string | number): string {
  return String(input).replace(/[0-9]/g, (d) => PERSIAN[Number(d)]);
}

/** Thousands separators the way Persian text writes them («۱۲٬۳۴۵»). */
export function formatPersianNumber(value: number): string {
  return new Intl.NumberFormat('fa-IR', { useGrouping: true, maximumFractionDigits: 0 }).format(value);
}
