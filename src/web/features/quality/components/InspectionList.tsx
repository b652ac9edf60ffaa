/** The office's inspections in the month, among the score's reasons: each visit's day, result, verdict and failed items. */
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INSPECTION_ITEM_KEYS } from '#core/quality/inspection';
import { PERMISSIONS } from '#server/platform/auth/permissions';
import { useAuth } from '#web/app/auth.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { OfficeQualityScore } from '../api/quality-scores';
import { InspectionAnswerForm } from './InspectionAnswerForm';

const VERDICT_COLOR = { satisfactory: 'green', needs_improvement: 'yellow', unsatisfactory: 'red' } as const;

export function InspectionList({ inspections }: { inspections: OfficeQualityScore['inspections'] }) {
  const { t } = useTranslation();
  const d = useDigits();
  const { hasRole } = useAuth();
  // The server decides whose office it is; the form is only offered to the role that may answer.
  const mayAnswer = hasRole(...PERMISSIONS['quality.inspections.answer']);
  return (
    <Stack gap={4}>
      <Text fw={500}>{t('quality.inspection.listTitle')}</Text>
      {inspections.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="inspections-none">
          {t('quality.inspection.none')}
        </Text>
      ) : (
        <List size="sm" spacing={6} data-testid="inspections">
          {inspections.map((i) => {
            const failed = INSPECTION_ITEM_KEYS.filter((k) => !i.items[k].passed);
            return (
              <List.Item key={i.id} data-testid="inspection-row" data-result={i.result}>
                <Group gap="xs">
                  <JalaliDate value={i.inspectedOn} />
                  <Text size="sm" span data-testid="inspection-result">
                    {t('quality.inspection.result', { n: d.count(i.result) })}
                  </Text>
                  <Badge variant="light" color={VERDICT_COLOR[i.verdict]}>
                    {t(`quality.inspection.verdicts.${i.verdict}`)}
                  </Badge>
                  <Badge variant="outline" color="gray" data-testid="inspection-kind">
                    {t(`quality.inspection.kinds.${i.kind}`)}
                  </Badge>
                  <Text size="xs" c="dimmed" span>
                    {i.inspector}
                  </Text>
                </Group>
                {failed.length ? (
                  <Text size="xs" c="dimmed">
                    {t('quality.inspection.failed')}{' '}
                    {failed
                      .map((k) => t(`quality.inspection.item.${k}`) + (i.items[k].note ? ` (${i.items[k].note})` : ''))
                      .join('؛ ')}
                  </Text>
                ) : null}
                {i.answers ? (
                  <Text size="xs" data-testid="inspection-answers">
                    {t('quality.inspection.answered')}{' '}
                    {Object.entries(i.answers)
                      .map(([k, a]) => `${t(`quality.inspection.item.${k}`)}: ${a.action}`)
                      .join('؛ ')}
                  </Text>
                ) : failed.length && mayAnswer ? (
                  <InspectionAnswerForm inspectionId={i.id} failed={failed} />
                ) : null}
              </List.Item>
            );
          })}
        </List>
      )}
    </Stack>
  );
}
