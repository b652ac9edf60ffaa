import '../i18n/index.ts';
import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '#core/persian-digits';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDeadlineRules, useUpdateRule, type DeadlineRule } from '../api/deadline-rules';
import { DigitsInput } from '#web/ui/DigitsInput.tsx';

function RuleCard({ rule, canEdit }: { rule: DeadlineRule; canEdit: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const update = useUpdateRule();
  const [days, setDays] = useState(rule.days != null ? digits(rule.days) : '');
  const latinDays = toLatinDigits(days.trim());
  const daysError = latinDays && !/^\d{1,3}$/.test(latinDays) ? t('notices.rules.daysInvalid') : undefined;
  const [source, setSource] = useState(rule.source);
  const server = fieldErrorsOf(update.error, lang);
  const save = () =>
    !daysError &&
    update.mutate(
      { kind: rule.kind, days: latinDays === '' ? null : Number(latinDays), source: source.trim() },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('notices.rules.saved') }) },
    );
  return (
    <Card withBorder data-testid={`rule-${rule.kind}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5">
            {lang === 'fa' ? rule.titleFa : rule.titleEn}
          </Title>
          <Badge variant="light">{t(`notices.kinds.${rule.kind}`)}</Badge>
        </Group>
        {canEdit ? (
          <>
            <DigitsInput
              label={t('notices.rules.days')}
              description={t('notices.rules.daysHint')}
              value={days}
              onChange={setDays}
              error={server.days ?? daysError}
              w={220}
              data-testid={`rule-days-${rule.kind}`}
            />
            <Textarea
              label={t('notices.rules.source')}
              dir="auto"
              autosize
              minRows={2}
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
              error={server.source}
              data-testid={`rule-source-${rule.kind}`}
            />
            <ProblemAlert error={update.error} shownFields={['days', 'source']} />
            <Group>
              <Button onClick={save} loading={update.isPending} data-testid={`rule-save-${rule.kind}`}>
                {t('notices.rules.save')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text>
              {rule.days != null ? t('notices.rules.daysValue', { n: digits(rule.days) }) : t('notices.rules.none')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('notices.rules.source')}: {rule.source}
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** /admin/deadline-rules — days from delivery per kind of notice, each with its legal source. */
export function DeadlineRulesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = !!user?.roles.some((g) => g.role === 'regulator_admin');
  const rules = useDeadlineRules();
  return (
    <Stack>
      <PageTitle title={t('notices.rules.title')} subtitle={t('notices.rules.subtitle')} />
      <ProblemAlert error={rules.error} />
      {rules.data ? (
        rules.data.items.map((r) => <RuleCard key={r.kind} rule={r} canEdit={canEdit} />)
      ) : rules.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
      <Text size="sm" c="dimmed">
        {t('notices.rules.note')}
      </Text>
    </Stack>
  );
}
