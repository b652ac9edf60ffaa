import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n';

/**
 * fa ⇄ en. The button names the other language in that language. It never shrinks: on a phone a
 * long role under the person's name (the regulator's) squeezed it until "English" lost its first letter.
 */
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
      style={{ flexShrink: 0 }}
    >
      {other === 'en' ? 'English' : 'فارسی'}
    </Button>
  );
}
