/** The review's limits in working days: read by oversight, changed by the regulator (proposals already received keep theirs). */
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { enteredNumber } from '#web/ui/number-text.ts';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type ProposalLimits, useProposalLimits, useSaveProposalLimits } from '../api/proposals';

const FIELDS = ['completenessDays', 'decisionDays', 'reminderDays'] as const;

function LimitsForm({ limits, editable }: { limits: ProposalLimits; editable: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const save = useSaveProposalLimits();
  const errors = fieldErrorsOf(save.error, lang);
  const [values, setValues] = useState<Record<(typeof FIELDS)[number], number | string>>(limits);
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        {FIELDS.map((f) => (
          <NumberInput
            key={f}
            label={t(`proposals.limits.${f}`)}
            value={values[f]}
            onChange={(v) => setValues((old) => ({ ...old, [f]: v }))}
            min={0}
            max={240}
            allowDecimal={false}
            readOnly={!editable}
            w={200}
            error={errors[f]}
            data-testid={`limits-${f}`}
          />
        ))}
        {editable ? (
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                {
                  completenessDays: enteredNumber(values.completenessDays),
                  decisionDays: enteredNumber(values.decisionDays),
                  reminderDays: enteredNumber(values.reminderDays),
                },
                {
                  onSuccess: () =>
                    notifications.show({
                      color: 'teal',
                      message: t('proposals.limits.saved'),
                      closeButtonProps: { 'aria-label': t('common.close') },
                    }),
                },
              )
            }
            data-testid="limits-save"
          >
            {t('proposals.limits.save')}
          </Button>
        ) : null}
      </Group>
      <ProblemAlert error={save.error} shownFields={[...FIELDS]} />
    </Stack>
  );
}

export function LimitsCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const query = useProposalLimits();
  return (
    <Card withBorder data-testid="proposal-limits">
      <Title order={2} size="h4">
        {t('proposals.limits.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('proposals.limits.note')}
      </Text>
      {query.data ? <LimitsForm limits={query.data} editable={editable} /> : <ProblemAlert error={query.error} />}
    </Card>
  );
}
