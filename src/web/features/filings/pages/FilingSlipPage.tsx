/** /filings/:id/slip — a sent filing's submission slip, to print again later. */
import '../i18n/index.ts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLang } from '#web/app/i18n/index.ts';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useFiling } from '../api/get-filing';
import { SubmissionSlip } from '../components/SubmissionSlip';

export function FilingSlipPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const id = Number(useParams().id);
  const query = useFiling(id);
  const f = query.data;
  if (query.error) return <ProblemAlert error={query.error} />;
  if (!f) return <Text>{t('common.loading')}</Text>;
  return (
    <Stack data-testid="filing-slip-page">
      <PageTitle title={t('filings.slip.title')} subtitle={`${f.service.title[lang]} — ${digits(f.id)}`} />
      {f.trackingCode ? (
        <SubmissionSlip filing={{ ...f, trackingCode: f.trackingCode }} />
      ) : (
        <Alert color="blue" data-testid="slip-not-sent">
          {t('filings.slip.notSent')}
        </Alert>
      )}
      <Group>
        <Button variant="default" component={Link} to={`/filings/${f.id}`} data-testid="slip-back">
          {t('filings.slip.back')}
        </Button>
      </Group>
    </Stack>
  );
}
