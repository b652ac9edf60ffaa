import '../i18n/index.ts';
import { Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EXCLUDED_SUBJECTS } from '#core/arbitration/admissibility';
import {
  AGREEMENT_KINDS,
  ARBITRATION_SUBJECTS,
  ARBITRATOR_SELECTIONS,
  AWARD_NOTICE_METHODS,
} from '#server/modules/arbitration/values';
import { MobileField } from '#web/ui/MobileField.tsx';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { OfficeSelect } from '#web/ui/OfficeSelect.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useStartArbitration } from '../api/arbitrations';

/** Terms a citizen picks from: none (three months by law), or one to six months. */
const TERM_MONTHS = ['none', '1', '2', '3', '4', '6'];

/** /arbitrations/new — a citizen records an arbitration agreement with the other party. */
export function ArbitrationStartPage() {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const navigate = useNavigate();
  const start = useStartArbitration();
  const [agreementKind, setAgreementKind] = useState<(typeof AGREEMENT_KINDS)[number]>('separate');
  const [subjectKind, setSubjectKind] = useState<(typeof ARBITRATION_SUBJECTS)[number]>('contract');
  const [subject, setSubject] = useState('');
  const [arbitratorCount, setArbitratorCount] = useState('1');
  const [selection, setSelection] = useState<(typeof ARBITRATOR_SELECTIONS)[number]>('parties');
  const [term, setTerm] = useState('none');
  const [seatOfficeId, setSeatOfficeId] = useState<string | null>(null);
  const [awardNotice, setAwardNotice] = useState<(typeof AWARD_NOTICE_METHODS)[number]>('e_notice');
  const [nationalId, setNationalId] = useState('');
  const [mobile, setMobile] = useState('');

  const submit = () =>
    start.mutate(
      {
        agreementKind,
        subjectKind,
        subject,
        arbitratorCount: Number(arbitratorCount),
        selection,
        term: term === 'none' ? null : { amount: Number(term), unit: 'month' },
        seatOfficeId: Number(seatOfficeId ?? 0),
        awardNotice,
        respondents: [{ nationalId, mobile }],
      },
      { onSuccess: (kase) => void navigate(`/arbitrations/${kase.id}`) },
    );

  return (
    <Stack maw={760}>
      <PageTitle title={t('arbitration.start.title')} subtitle={t('arbitration.start.subtitle')} />
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('arbitration.start.agreementKind')}
                data={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`arbitration.start.kinds.${k}`) }))}
                value={agreementKind}
                onChange={(v) => v && setAgreementKind(v as typeof agreementKind)}
                allowDeselect={false}
                data-testid="arbitration-agreement-kind"
              />
              <Select
                label={t('arbitration.start.subjectKind')}
                description={t('arbitration.start.excludedHint')}
                data={ARBITRATION_SUBJECTS.map((k) => ({
                  value: k,
                  label: t(`arbitration.subjects.${k}`),
                  disabled: EXCLUDED_SUBJECTS.includes(k),
                }))}
                value={subjectKind}
                onChange={(v) => v && setSubjectKind(v as typeof subjectKind)}
                allowDeselect={false}
                data-testid="arbitration-subject-kind"
              />
            </SimpleGrid>
            <Textarea
              label={t('arbitration.start.subject')}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              minRows={3}
              autosize
              required
              data-testid="arbitration-subject"
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('arbitration.start.arbitratorCount')}
                data={['1', '2', '3', '5'].map((n) => ({ value: n, label: digits(n) }))}
                value={arbitratorCount}
                onChange={(v) => v && setArbitratorCount(v)}
                allowDeselect={false}
                data-testid="arbitration-count"
              />
              <Select
                label={t('arbitration.start.selection')}
                data={ARBITRATOR_SELECTIONS.map((k) => ({ value: k, label: t(`arbitration.start.selections.${k}`) }))}
                value={selection}
                onChange={(v) => v && setSelection(v as typeof selection)}
                allowDeselect={false}
              />
              <Select
                label={t('arbitration.start.term')}
                data={TERM_MONTHS.map((m) => ({
                  value: m,
                  label:
                    m === 'none'
                      ? t('arbitration.start.termNone')
                      : t('arbitration.start.termMonths', { n: digits(m) }),
                }))}
                value={term}
                onChange={(v) => v && setTerm(v)}
                allowDeselect={false}
                data-testid="arbitration-term"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <OfficeSelect
                label={t('arbitration.start.seatOffice')}
                value={seatOfficeId}
                onChange={setSeatOfficeId}
                required
                data-testid="arbitration-office"
              />
              <Select
                label={t('arbitration.start.awardNotice')}
                data={AWARD_NOTICE_METHODS.map((k) => ({ value: k, label: t(`arbitration.start.awardNotices.${k}`) }))}
                value={awardNotice}
                onChange={(v) => v && setAwardNotice(v as typeof awardNotice)}
                allowDeselect={false}
              />
            </SimpleGrid>
            <Text fw={600}>{t('arbitration.start.respondent')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NationalIdField value={nationalId} onChange={setNationalId} data-testid="arbitration-respondent-id" />
              <MobileField value={mobile} onChange={setMobile} data-testid="arbitration-respondent-mobile" />
            </SimpleGrid>
            <ProblemAlert error={start.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={start.isPending} data-testid="arbitration-submit">
                {t('arbitration.start.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
