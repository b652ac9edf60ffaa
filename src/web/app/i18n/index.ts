/**
 * i18next: Persian (default) and English. The choice is kept in localStorage and mirrored on
 * <html lang dir> so that CSS, screen readers and the browser's own controls follow it.
 */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from './en.json';
import fa from './fa.json';

export type Lang = 'fa' | 'en';
export const LANGS: Lang[] = ['fa', 'en'];
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

/**
 * Each feature keeps its own strings in `features/<area>/i18n/{fa,en}.json`, under its area's
 * key (`{"filings": {...}}`); they are merged over the shell's strings here.
 */
function deepMerge(target: Messages, source: Messages): Messages {
  const merged: Messages = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = merged[key];
    merged[key] = typeof value === 'object' && typeof existing === 'object' ? deepMerge(existing, value) : value;
  }
  return merged;
}

function withFeatureStrings(base: Messages, files: Record<string, { default: Messages }>): Messages {
  return Object.values(files).reduce((merged, file) => deepMerge(merged, file.default), base);
}

const featureFa = import.meta.glob<{ default: Messages }>('../../features/*/i18n/fa.json', { eager: true });
const featureEn = import.meta.glob<{ default: Messages }>('../../features/*/i18n/en.json', { eager: true });

void i18n.use(initReactI18next).init({
  resources: {
    fa: { translation: withFeatureStrings(fa as Messages, featureFa) },
    en: { translation: withFeatureStrings(en as Messages, featureEn) },
  },
  lng: savedLang(),
  fallbackLng: 'fa',
  supportedLngs: LANGS,
  interpolation: { escapeValue: false },
  returnNull: false,
});

applyToDocument(i18n.language as Lang);

i18n.on('languageChanged', (lng) => {
  const lang: Lang = lng === 'en' ? 'en' : 'fa';
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this tab */
  }
  applyToDocument(lang);
});

/** The current language as a typed value, plus a setter. */
export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { i18n: instance } = useTranslation();
  const lang: Lang = instance.language === 'en' ? 'en' : 'fa';
  return { lang, setLang: (next) => void instance.changeLanguage(next) };
}

export default i18n;
