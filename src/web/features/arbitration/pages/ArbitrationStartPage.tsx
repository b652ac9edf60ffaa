import '../i18n/index.ts';
import { Alert, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { EXCLUDED_SUBJECTS, type ArbitrationSubject } from '#core/arbitration/admissibility';
import { fixFee, scaleInForce } from '#core/arbitration/fees';
import { tehranIsoDate } from '#core/jalali';
import {
  AGREEMENT_KINDS,
  ARBITRATION_SUBJECTS,
  ARBITRATOR_SELECTIONS,
  AWARD_NOTICE_METHODS,
  FEE_BASES,
  FEE_PAYERS,
} from '#server/modules/arbitration/values';
import { call, fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';
import { MobileField } from '#web/ui/MobileField.tsx';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { OfficeSelect } from '#web/ui/OfficeSelect.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useFeeScales, useStartArbitration } from '../api/arbitrations';

/** The subject a consultation's field most often leads to (a family matter: the dower, a money claim; Art. 496 keeps the marriage itself out). */
const SUBJECT_OF_FIELD: Record<string, ArbitrationSubject> = {
  family: 'dower',
  commercial: 'contract',
  criminal: 'damages',
  property: 'sale',
  labour: 'contract',
  administrative: 'contract',
  inheritance: 'estate_division',
};

/** The consultation whose note advised arbitration, when the form was opened from it (`?consultation=<booking id>`). */
function useConsultationSource(bookingId: number | null) {
  return useQuery({
    queryKey: ['consultation', 'mine'],
    queryFn: ({ signal }) => call('consultation.mine', {}, { signal }),
    enabled: bookingId != null,
    select: (data) => data.items.find((b) => b.id === bookingId && b.note?.nextStep === 'arbitration') ?? null,
  });
}

/** Terms a citizen picks from: none (three months by law), or one to six months. */
const TERM_MONTHS = ['none', '1', '2', '3', '4', '6'];

/** /arbitrations/new — a citizen records an arbitration agreement with the other party. */
export function ArbitrationStartPage() {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const navigate = useNavigate();
  const start = useStartArbitration();
  const { lang } = useLang();
  const [params] = useSearchParams();
  const fromId = Number(params.get('consultation')) || null;
  const source = useConsultationSource(fromId).data ?? null;
  const scales = useFeeScales();
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
  const [feeBasis, setFeeBasis] = useState<(typeof FEE_BASES)[number]>('scale');
  const [claimRials, setClaimRials] = useState<number | string>('');
  const [nonMonetary, setNonMonetary] = useState(false);
  const [perArbitratorRials, setPerArbitratorRials] = useState<number | string>('');
  const [payers, setPayers] = useState<(typeof FEE_PAYERS)[number]>('equal');
  const errors = fieldErrorsOf(start.error, lang);
  // No office picked is sent as 0, which the server calls "too small": to the person it is missing.
  const [tried, setTried] = useState(false);
  const officeError = tried && !seatOfficeId ? t('common.required') : errors.seatOfficeId;

  // Opened from a consultation note: its advice as the subject, its field as the kind of dispute (once).
  const [prefilled, setPrefilled] = useState(false);
  useEffect(() => {
    if (!source?.note || prefilled) return;
    setSubject(source.note.advice.slice(0, 2000));
    setSubjectKind(SUBJECT_OF_FIELD[source.field] ?? 'contract');
    setPrefilled(true);
  }, [source, prefilled]);

  // A blank amount goes absent, so the server names it as required.
  const perArbitrator = enteredNumber(perArbitratorRials);
  const claim = nonMonetary ? null : enteredNumber(claimRials);
  const fee =
    feeBasis === 'agreed'
      ? { basis: 'agreed' as const, perArbitratorRials: perArbitrator, payers }
      : { basis: 'scale' as const, claimRials: claim, payers };
  // What the scale in force today would fix (the fee itself is fixed when the arbitrators accept).
  const scale = scaleInForce(
    scales.data?.items.map((x) => ({ ...x, validFrom: x.validFrom.iso, withdrawnAt: x.withdrawal?.at ?? null })) ?? [],
    tehranIsoDate(new Date()),
  );
  const estimate =
    feeBasis === 'agreed'
      ? perArbitrator === undefined
        ? null
        : fixFee({ basis: 'agreed', perArbitratorRials: perArbitrator, payers }, Number(arbitratorCount), scale)
      : claim === undefined || claim === 0
        ? null
        : fixFee({ basis: 'scale', claimRials: claim, payers }, Number(arbitratorCount), scale);

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
        fee,
      },
      { onSuccess: (kase) => void navigate(`/arbitrations/${kase.id}`) },
    );

  return (
    <Stack maw={760}>
      <PageTitle title={t('arbitration.start.title')} subtitle={t('arbitration.start.subtitle')} />
      {source?.note ? (
        <Alert color="blue" variant="light" data-testid="arbitration-prefilled">
          {t('arbitration.start.fromConsultation', {
            consultant: source.consultant.name,
            field: t(`arbitration.start.fields.${source.field}`, { defaultValue: source.field }),
          })}{' '}
          <JalaliDate value={source.startsAt} />. {t('arbitration.start.fromConsultationCheck')}
        </Alert>
      ) : null}
      <Card withBorder>
        {/* The server names each missing value next to its field, in Persian; the browser's own bubble spoke English. */}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
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
              error={errors.subject}
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
                error={officeError}
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
            <Text fw={600}>{t('arbitration.start.fee')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('arbitration.start.feeBasis')}
                data={FEE_BASES.map((k) => ({ value: k, label: t(`arbitration.start.feeBases.${k}`) }))}
                value={feeBasis}
                onChange={(v) => v && setFeeBasis(v as typeof feeBasis)}
                allowDeselect={false}
                data-testid="arbitration-fee-basis"
              />
              <Select
                label={t('arbitration.start.feePayers')}
                data={FEE_PAYERS.map((k) => ({ value: k, label: t(`arbitration.fee.payers.${k}`) }))}
                value={payers}
                onChange={(v) => v && setPayers(v as typeof payers)}
                allowDeselect={false}
                data-testid="arbitration-fee-payers"
              />
              {feeBasis === 'agreed' ? (
                <NumberInput
                  label={t('arbitration.start.perArbitrator')}
                  value={perArbitratorRials}
                  onChange={setPerArbitratorRials}
                  thousandSeparator
                  min={1}
                  required
                  error={errors['fee.perArbitratorRials']}
                  data-testid="arbitration-fee-per-arbitrator"
                />
              ) : (
                <Stack gap={6}>
                  <NumberInput
                    label={t('arbitration.start.claim')}
                    value={nonMonetary ? '' : claimRials}
                    onChange={setClaimRials}
                    thousandSeparator
                    min={1}
                    disabled={nonMonetary}
                    required={!nonMonetary}
                    error={errors['fee.claimRials']}
                    data-testid="arbitration-fee-claim"
                  />
                  <Checkbox
                    label={t('arbitration.start.nonMonetary')}
                    checked={nonMonetary}
                    onChange={(e) => setNonMonetary(e.currentTarget.checked)}
                    data-testid="arbitration-fee-non-monetary"
                  />
                </Stack>
              )}
              {estimate ? (
                <Text size="sm" data-testid="arbitration-fee-estimate">
                  {t('arbitration.start.feeEstimate')}: <Money rials={estimate.totalRials} />
                </Text>
              ) : null}
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('arbitration.start.feeHint')}
            </Text>
            <Text fw={600}>{t('arbitration.start.firstParty')}</Text>
            <Text size="sm" data-testid="arbitration-first-party">
              {source
                ? t('arbitration.start.youAre', { name: source.citizen.name })
                : t('arbitration.start.youAreClaimant')}
            </Text>
            <Text fw={600}>{t('arbitration.start.respondent')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NationalIdField
                value={nationalId}
                onChange={setNationalId}
                serverError={errors['respondents.0.nationalId']}
                data-testid="arbitration-respondent-id"
              />
              <MobileField
                value={mobile}
                onChange={setMobile}
                serverError={errors['respondents.0.mobile']}
                data-testid="arbitration-respondent-mobile"
              />
            </SimpleGrid>
            <ProblemAlert
              error={start.error}
              shownFields={[
                'subject',
                'seatOfficeId',
                'fee.perArbitratorRials',
                'fee.claimRials',
                'respondents.0.nationalId',
                'respondents.0.mobile',
              ]}
            />
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
