/** Every service's channel policy with its fee at an office and online; the regulator edits it. */
import { Anchor, Button, Card, Group, Modal, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useChannelPolicies, type ChannelPolicy } from '../api/channel-policies';
import { EditPolicyForm } from './EditPolicyForm';
import { PolicyBadge } from './PolicyBadge';

function Fee({ rials, offered }: { rials: number | null; offered: boolean }) {
  const { t } = useTranslation();
  if (!offered)
    return (
      <Text c="dimmed" size="sm">
        {t('channels.policies.notOffered')}
      </Text>
    );
  if (rials == null)
    return (
      <Text c="dimmed" size="sm">
        {t('channels.policies.noFee')}
      </Text>
    );
  return <Money rials={rials} />;
}

export function PolicyTable({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { lang } = useDigits();
  const policies = useChannelPolicies();
  const [editing, setEditing] = useState<ChannelPolicy | null>(null);
  const title = (p: ChannelPolicy) => (lang === 'fa' ? p.titleFa : p.titleEn);
  const officeFee = (p: ChannelPolicy) => (p.channels !== 'online' ? p.officeFeeRials : null);
  const onlineFee = (p: ChannelPolicy) => (p.channels !== 'office' ? p.onlineFeeRials : null);

  const columns: DataColumn<ChannelPolicy>[] = [
    {
      key: 'service',
      header: t('channels.policies.service'),
      cell: title,
      sortValue: title,
      rowHeader: true,
    },
    {
      key: 'policy',
      header: t('channels.policies.policy'),
      cell: (p) => <PolicyBadge channels={p.channels} />,
      sortValue: (p) => t(`channels.policy.${p.channels}`),
    },
    {
      key: 'officeFee',
      header: t('channels.policies.officeFee'),
      cell: (p) => <Fee rials={p.officeFeeRials} offered={p.channels !== 'online'} />,
      sortValue: officeFee,
      numeric: true,
    },
    {
      key: 'onlineFee',
      header: t('channels.policies.onlineFee'),
      cell: (p) => <Fee rials={p.onlineFeeRials} offered={p.channels !== 'office'} />,
      sortValue: onlineFee,
      numeric: true,
    },
    {
      key: 'actions',
      header: t('channels.policies.actions'),
      cell: (p) => (
        <Group gap="xs" wrap="nowrap">
          {editable ? (
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => setEditing(p)}
              aria-label={t('channels.policies.editLabel', { service: title(p) })}
              data-testid="policy-edit"
            >
              {t('channels.policies.edit')}
            </Button>
          ) : null}
          {p.channels !== 'online' ? (
            <Anchor
              component={Link}
              to={`/tariffs/simulator?move=${encodeURIComponent(p.code)}`}
              size="sm"
              aria-label={t('channels.policies.simulateLabel', { service: title(p) })}
              data-testid="policy-simulate"
            >
              {t('channels.policies.simulate')}
            </Anchor>
          ) : null}
        </Group>
      ),
    },
  ];

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('channels.policies.title')}
      </Title>
      <DataTable
        testId="policy-table"
        caption={t('channels.policies.caption')}
        columns={columns}
        rowKey={(p) => p.code}
        rows={policies.data?.items}
        isPending={policies.isPending}
        isFetching={policies.isFetching}
        error={policies.error}
        pageSize="all"
        minWidth={640}
        csvFileName="channel-policies.csv"
        rowProps={(p) => ({ 'data-testid': 'policy-row', 'data-code': p.code })}
      />
      <Modal
        opened={editing != null}
        onClose={() => setEditing(null)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={
          editing ? (
            <Title order={2} size="h4">
              {t('channels.edit.title', { service: title(editing) })}
            </Title>
          ) : null
        }
        centered
        size="lg"
      >
        {editing ? <EditPolicyForm key={editing.code} policy={editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </Card>
  );
}
