import { Card, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '#web/app/auth.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useOverview, type StatsOverview } from '../api/get-overview';

const CARDS: (keyof Omit<StatsOverview, 'scopeLabel'>)[] = ['offices', 'staff', 'citizens', 'outboxPending'];

/** / — headline counts in the caller's scope. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { count, text } = useDigits();
  const overview = useOverview();

  return (
    <Stack>
      <PageTitle
        title={t('stats.dashboard.title')}
        subtitle={
          overview.data
            ? t('stats.dashboard.scope', { scope: text(overview.data.scopeLabel) })
            : t('stats.dashboard.welcome', { name: user?.displayName ?? '' })
        }
      />
      <ProblemAlert error={overview.error} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        {CARDS.map((key) => (
          <Card key={key} withBorder padding="lg" data-testid={`stat-${key}`}>
            <Text size="sm" c="dimmed">
              {t(`stats.dashboard.cards.${key}`)}
            </Text>
            {overview.data ? (
              <Text fz={32} fw={700} lh={1.4}>
                {count(overview.data[key])}
              </Text>
            ) : (
              <Skeleton height={44} mt={4} visible={overview.isPending}>
                {' '}
              </Skeleton>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
