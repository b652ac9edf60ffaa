import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n';

/** fa ⇄ en. The button names the other language in that language. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const { lang, setLang } = useLang();
  const other = lang === 'fa' ? 'en' : 'fa';
  return (
    <Button
      variant="default"
      size="compact-md"
      onClick={() => setLang(other)}
      data-testid="lang-toggle"
      title={t('app.switchLanguage')}
      lang={other}
    >
      {other === 'en' ? 'English' : 'فارسی'}
    </Button>
  );
}
