import { formatRials } from '#core/money';
import { useLang } from '#web/app/i18n/index.ts';

/** An integer amount of Rials: «۷۷۰٬۰۰۰ ریال» in fa, "770,000 IRR" in en. */
export function Money({ rials }: { rials: number }) {
  const { lang } = useLang();
  return <span className="daftar-money">{formatRials(rials, lang)}</span>;
}
