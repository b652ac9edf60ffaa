/** A staff member's record as read on /staff/:id and /my-record; the manager's forms appear where they may change it. */
import { Anchor, Avatar, Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import type { Contract, InsurancePeriod, StaffRecord } from '../api/staff';
import { InsuredBadge, LicenceBadge } from './badges';
import { ContractForm, EndInsuranceModal, InsuranceForm, ProfileForm, TerminateModal } from './EmploymentForms';

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function StaffRecordView({
  record,
  photoVersion,
  readOnly = false,
}: {
  record: StaffRecord;
  photoVersion: number;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const [terminating, setTerminating] = useState<Contract | null>(null);
  const [ending, setEnding] = useState<InsurancePeriod | null>(null);
  const fullName = `${record.name.first} ${record.name.last}`;
  const canManage = record.canManage && !readOnly;
  const managed = (officeId: number) => canManage && record.manageableOfficeIds.includes(officeId);

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Group align="flex-start" wrap="wrap" gap="lg">
          {record.profile.hasPhoto ? (
            <Avatar
              src={`/api/v1/staff/${record.id}/photo?v=${photoVersion}`}
              alt={t('staff.record.photo', { name: fullName })}
              size={96}
              radius="md"
            />
          ) : (
            <Avatar size={96} radius="md" alt={t('staff.record.noPhoto')}>
              {record.name.first.slice(0, 1)}
            </Avatar>
          )}
          <Stack gap={4}>
            <Text fw={700} size="lg" data-testid="record-name">
              {fullName}
            </Text>
            <Text size="sm">
              {t('staff.record.nationalId')}:{' '}
              {record.nationalId ? <PersianDigits ltr>{record.nationalId}</PersianDigits> : '—'}
            </Text>
            <Text size="sm">
              {t('staff.record.username')}: <bdi dir="ltr">{record.username}</bdi>
            </Text>
            {record.mobile ? (
              <Text size="sm">
                {t('staff.record.mobile')}: <PersianDigits ltr>{record.mobile}</PersianDigits>
              </Text>
            ) : null}
            <Group gap="xs">
              {record.roles.map((r) => (
                <Badge key={`${r.role}-${r.office.id}`} variant="light">
                  {t(`staff.roles.${r.role}`)} — {text(r.office.name)}
                </Badge>
              ))}
              <InsuredBadge insured={record.insured} />
            </Group>
            <Text size="sm">
              {t('staff.record.educationLevel')}:{' '}
              {record.profile.educationLevel ? t(`staff.education.${record.profile.educationLevel}`) : '—'}
              {record.profile.educationField ? ` (${record.profile.educationField})` : ''}
            </Text>
            <Text size="sm">
              {t('staff.record.insuranceNumber')}:{' '}
              {record.profile.insuranceNumber ? (
                <PersianDigits ltr>{record.profile.insuranceNumber}</PersianDigits>
              ) : (
                '—'
              )}
            </Text>
          </Stack>
        </Group>
      </Paper>

      {canManage ? <ProfileForm record={record} /> : null}

      <Section title={t('staff.record.contracts')} id="contracts-title">
        {record.contracts.length === 0 ? (
          <Text>{t('staff.record.noContracts')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table withTableBorder striped data-testid="contracts-table">
              <Table.Thead>
                <Table.Tr>
                  {(['office', 'type', 'hours', 'wage', 'startsOn', 'endsOn', 'status', 'actions'] as const)
                    .filter((c) => canManage || c !== 'actions')
                    .map((c) => (
                      <Table.Th scope="col" key={c}>
                        {t(`staff.columns.${c}`)}
                      </Table.Th>
                    ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {record.contracts.map((c) => (
                  <Table.Tr key={c.id} data-testid="contract-row">
                    <Table.Td>{digits(c.office.code)}</Table.Td>
                    <Table.Td>
                      {t(`staff.contractTypes.${c.type}`)} · {t(c.fullTime ? 'staff.fullTime' : 'staff.partTime')}
                    </Table.Td>
                    <Table.Td>{digits(c.weeklyHours)}</Table.Td>
                    <Table.Td>
                      <Money rials={c.monthlyWageRials} />
                    </Table.Td>
                    <Table.Td>
                      <JalaliDate value={c.startsOn} />
                    </Table.Td>
                    <Table.Td>{c.endsOn ? <JalaliDate value={c.endsOn} /> : '—'}</Table.Td>
                    <Table.Td>
                      {c.terminatedOn ? (
                        <Badge color="red" variant="light">
                          {t('staff.record.terminated', { date: '' })}
                          <JalaliDate value={c.terminatedOn} />
                        </Badge>
                      ) : (
                        <Badge color={c.inForce ? 'teal' : 'gray'} variant="light">
                          {t(c.inForce ? 'staff.record.inForce' : 'staff.record.ended')}
                        </Badge>
                      )}
                    </Table.Td>
                    {canManage ? (
                      <Table.Td>
                        {managed(c.office.id) &&
                        !c.terminatedOn &&
                        (c.inForce || c.startsOn > new Date().toISOString().slice(0, 10)) ? (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            onClick={() => setTerminating(c)}
                            data-testid="contract-terminate"
                            aria-label={t('staff.terminate.forContract', {
                              type: t(`staff.contractTypes.${c.type}`),
                              date: digits(c.startsOn),
                            })}
                          >
                            {t('staff.terminate.action')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canManage ? <ContractForm personId={record.id} /> : null}
      </Section>

      <Section title={t('staff.record.insurance')} id="insurance-title">
        {record.insurance.length === 0 ? (
          <Text>{t('staff.record.noInsurance')}</Text>
        ) : (
          <Table withTableBorder striped data-testid="insurance-table">
            <Table.Thead>
              <Table.Tr>
                {(['office', 'number', 'startsOn', 'endsOn', 'status', 'actions'] as const)
                  .filter((c) => canManage || c !== 'actions')
                  .map((c) => (
                    <Table.Th scope="col" key={c}>
                      {t(`staff.columns.${c}`)}
                    </Table.Th>
                  ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.insurance.map((i) => (
                <Table.Tr key={i.id} data-testid="insurance-row">
                  <Table.Td>{digits(i.office.code)}</Table.Td>
                  <Table.Td>
                    <PersianDigits ltr>{i.insuranceNumber}</PersianDigits>
                  </Table.Td>
                  <Table.Td>
                    <JalaliDate value={i.startsOn} />
                  </Table.Td>
                  <Table.Td>{i.endsOn ? <JalaliDate value={i.endsOn} /> : '—'}</Table.Td>
                  <Table.Td>
                    {i.current ? (
                      <Badge color="teal" variant="light">
                        {t('staff.record.coverageNow')}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('staff.record.ended')}
                      </Badge>
                    )}
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      {managed(i.office.id) && !i.endsOn ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setEnding(i)}
                          data-testid="insurance-end"
                        >
                          {t('staff.endInsurance.action')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canManage ? <InsuranceForm personId={record.id} defaultNumber={record.profile.insuranceNumber} /> : null}
      </Section>

      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t('staff.record.licences')} id="licences-title">
            {record.licences.length === 0 ? (
              <Text>{t('staff.record.noLicences')}</Text>
            ) : (
              <Table withTableBorder data-testid="licences-table">
                <Table.Thead>
                  <Table.Tr>
                    {(['number', 'office', 'expiresOn', 'status'] as const).map((c) => (
                      <Table.Th scope="col" key={c}>
                        {t(`staff.columns.${c}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {record.licences.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/licences/${l.id}`}>
                          <PersianDigits ltr>{l.number}</PersianDigits>
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{digits(l.office.code)}</Table.Td>
                      <Table.Td>
                        <JalaliDate value={l.expiresOn} />
                      </Table.Td>
                      <Table.Td>
                        <LicenceBadge status={l.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t('staff.record.training')} id="training-title">
            <Text size="sm">
              {t('staff.record.ceHours', { hours: digits(record.training.continuingEducationHours) })}
            </Text>
            <Table withTableBorder data-testid="training-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('staff.columns.course')}</Table.Th>
                  <Table.Th scope="col">{t('staff.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {record.training.courses.map((c) => (
                  <Table.Tr key={c.courseId}>
                    <Table.Td>
                      <bdi dir="ltr">{c.code}</bdi> — {c.titleFa}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant="light" color={c.attended ? 'teal' : 'gray'}>
                          {t(c.attended ? 'staff.record.attended' : 'staff.record.notAttended')}
                        </Badge>
                        {c.hasExam ? (
                          <Badge variant="light" color={c.examPassed ? 'teal' : 'gray'}>
                            {t(c.examPassed ? 'staff.record.examPassed' : 'staff.record.examPending')}
                          </Badge>
                        ) : null}
                        {c.qualified ? (
                          <Badge variant="filled" color="teal">
                            {t('staff.record.qualified')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
        </Grid.Col>
      </Grid>

      <Section title={t('staff.record.offices')} id="offices-title">
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('staff.columns.office')}</Table.Th>
              <Table.Th scope="col">{t('staff.record.from')}</Table.Th>
              <Table.Th scope="col">{t('staff.record.to')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {record.offices.map((o) => (
              <Table.Tr key={o.office.id}>
                <Table.Td>{text(o.office.name)}</Table.Td>
                <Table.Td>{o.from ? <JalaliDate value={o.from} /> : '—'}</Table.Td>
                <Table.Td>{o.to ? <JalaliDate value={o.to} /> : o.current ? t('staff.record.current') : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title={t('staff.record.history')} id="history-title">
        {record.history.length === 0 ? (
          <Text>{t('staff.record.noHistory')}</Text>
        ) : (
          <Table withTableBorder data-testid="history-table">
            <Table.Thead>
              <Table.Tr>
                {(['date', 'event', 'office', 'detail'] as const).map((c) => (
                  <Table.Th scope="col" key={c}>
                    {t(`staff.columns.${c}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.history.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
                <Table.Tr key={`${h.kind}-${h.on}-${i}`}>
                  <Table.Td>
                    <JalaliDate value={h.on} />
                  </Table.Td>
                  <Table.Td>{t(`staff.history.${h.kind}`)}</Table.Td>
                  <Table.Td>{h.office ? digits(h.office.code) : '—'}</Table.Td>
                  <Table.Td>{h.detail ? historyDetail(h.kind, h.detail, t, digits) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <TerminateModal contract={terminating} onClose={() => setTerminating(null)} />
      <EndInsuranceModal period={ending} onClose={() => setEnding(null)} />
    </Stack>
  );
}

/** Role and contract-type codes read as words; numbers in the reader's digits. */
function historyDetail(kind: string, detail: string, t: (k: string) => string, digits: (v: string) => string): string {
  if (kind === 'role-granted') return t(`staff.roles.${detail}`);
  if (kind === 'contract-started' || kind === 'contract-ended') return t(`staff.contractTypes.${detail}`);
  return digits(detail);
}
