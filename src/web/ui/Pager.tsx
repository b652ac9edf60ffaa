import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDigits } from './PersianDigits';

/** Pagination with localized page numbers and a "n items" summary. */
export function Pager({
  page,
  pageSize,
  total,
  onChange,
  testId = 'pager',
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { digits, count } = useDigits();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  return (
    <Group justify="space-between" mt="md" data-testid={testId}>
      <Text size="sm">{t('common.totalItems', { count: total, formatted: count(total) })}</Text>
      {pages > 1 ? (
        <nav aria-label={t('common.pagination')}>
          <Pagination
            total={pages}
            value={page}
            onChange={onChange}
            siblings={1}
            getItemProps={(p) => ({ children: digits(p), 'aria-label': t('common.goToPage', { page: digits(p) }) })}
            getControlProps={(control) => ({ 'aria-label': t(`common.pageControl.${control}`) })}
          />
        </nav>
      ) : null}
    </Group>
  );
}
