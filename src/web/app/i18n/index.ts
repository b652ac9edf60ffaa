/**
 * i18next: Persian (default) and English. The choice is kept in localStorage and mirrored on
 * <html lang dir> so that CSS, screen readers and the browser's own controls follow it.
 */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import fa from './fa.json';

export type Lang = 'fa' | 'en';
const LANGS: Lang[] = ['fa', 'en'];
const STORAGE_KEY = 'daftar.lang';

function savedLang(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'fa';
  } catch {
    return 'fa';
  }
}

export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'fa' ? 'rtl' : 'ltr';
}

function applyToDocument(lang: Lang): void {
  const root = document.documentElement;
  root.lang = lang;
  root.dir = dirOf(lang);
  document.title = i18n.t('app.documentTitle');
}

type Messages = { [key: string]: string | Messages };

/** The shell's English strings, fetched the first time English is chosen (Persian is the default). */
let english: Promise<void> | null = null;
function loadLang(lang: Lang): Promise<void> {
  if (lang === 'fa') return Promise.resolve();
  english ??= import('./en.json').then((module) => {
    // Not overwriting: an area's strings added meanwhile stay.
    i18n.addResourceBundle('en', 'translation', module.default as Messages, true, false);
  });
  return english;
}

const initialLang = savedLang();

void i18n.use(initReactI18next).init({
  // The shell's Persian strings (navigation, roles, common words, the sign-in pages) load with the
  // app, its English ones when English is chosen; each area's strings load with its pages (see
  // addStrings).
  resources: {
    fa: { translation: fa as Messages },
  },
  lng: initialLang,
  fallbackLng: 'fa',
  supportedLngs: LANGS,
  interpolation: { escapeValue: false },
  returnNull: false,
});

applyToDocument(i18n.language as Lang);

/** Resolves when the strings of the language the visitor chose last time are there (render after it). */
export const i18nReady: Promise<void> = loadLang(initialLang).then(() => applyToDocument(initialLang));

i18n.on('languageChanged', (lng) => {
  const lang: Lang = lng === 'en' ? 'en' : 'fa';
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this tab */
  }
  applyToDocument(lang);
});

/**
 * Adds an area's strings (`features/<area>/i18n/{fa,en}.json`, under the area's key, e.g.
 * `{"filings": {...}}`) to both languages. Each area's `i18n/index.ts` calls it, and every page of
 * the area imports that module, so the strings arrive in the page's own chunk, before it renders.
 */
export function addStrings(bundle: Record<Lang, Messages>): void {
  for (const lang of LANGS) i18n.addResourceBundle(lang, 'translation', bundle[lang], true, true);
}

/** The current language as a typed value, plus a setter. */
export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { i18n: instance } = useTranslation();
  const lang: Lang = instance.language === 'en' ? 'en' : 'fa';
  return { lang, setLang: (next) => void loadLang(next).then(() => instance.changeLanguage(next)) };
}
