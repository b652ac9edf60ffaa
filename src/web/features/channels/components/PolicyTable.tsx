/** Every service's channel policy with its fee at an office and online; the regulator edits it. */
import { Anchor, Button, Card, Group, Modal, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
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

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('channels.policies.title')}
      </Title>
      <ProblemAlert error={policies.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder data-testid="policy-table" aria-busy={policies.isFetching}>
          <Table.Caption>{t('channels.policies.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('channels.policies.service')}</Table.Th>
              <Table.Th scope="col">{t('channels.policies.policy')}</Table.Th>
              <Table.Th scope="col">{t('channels.policies.officeFee')}</Table.Th>
              <Table.Th scope="col">{t('channels.policies.onlineFee')}</Table.Th>
              <Table.Th scope="col">{t('channels.policies.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(policies.data?.items ?? []).map((p) => (
              <Table.Tr key={p.code} data-testid="policy-row" data-code={p.code}>
                <Table.Th scope="row" fw={500}>
                  {title(p)}
                </Table.Th>
                <Table.Td>
                  <PolicyBadge channels={p.channels} />
                </Table.Td>
                <Table.Td>
                  <Fee rials={p.officeFeeRials} offered={p.channels !== 'online'} />
                </Table.Td>
                <Table.Td>
                  <Fee rials={p.onlineFeeRials} offered={p.channels !== 'office'} />
                </Table.Td>
                <Table.Td>
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
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
