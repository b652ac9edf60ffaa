/** /proposals/new — the national association proposes a new office service, or extending one to a province. */
import '../i18n/index.ts';
import { Button, Card, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CHANNEL_POLICIES, SERVICE_KINDS } from '#server/modules/catalog/values';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { enteredNumber } from '#web/ui/number-text.ts';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { PROPOSAL_KINDS, useSubmitProposal } from '../api/proposals';

type Kind = (typeof PROPOSAL_KINDS)[number];

export function ProposeServicePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { lang } = useLang();
  const submit = useSubmitProposal();
  const errors = fieldErrorsOf(submit.error, lang);
  // One key per filled form: a retried send of the same form files it once.
  const [key] = useState(() => crypto.randomUUID());
  const [kind, setKind] = useState<Kind>('new-service');
  const [serviceCode, setServiceCode] = useState('');
  const [titleFa, setTitleFa] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [serviceKind, setServiceKind] = useState<string | null>('filing');
  const [channels, setChannels] = useState<string | null>('office');
  const [description, setDescription] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [volume, setVolume] = useState<number | string>('');
  const [fee, setFee] = useState<number | string>('');
  const [competencies, setCompetencies] = useState('');
  const [training, setTraining] = useState('');
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const [pilotMonths, setPilotMonths] = useState<number | string>('');
  const fresh = kind === 'new-service';

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    submit.mutate(
      {
        key,
        body: {
          kind,
          serviceCode: serviceCode.trim(),
          ...(fresh
            ? {
                titleFa: titleFa.trim() || undefined,
                titleEn: titleEn.trim() || undefined,
                serviceKind: (serviceKind ?? undefined) as (typeof SERVICE_KINDS)[number] | undefined,
                channels: (channels ?? undefined) as (typeof CHANNEL_POLICIES)[number] | undefined,
              }
            : {}),
          description,
          legalBasis,
          // A blank volume or fee goes absent, and the server names it as required.
          expectedMonthlyVolume: enteredNumber(volume),
          fee: { amountRials: enteredNumber(fee) },
          requiredCompetencies: competencies,
          training,
          provinceIds: provinceId ? [Number(provinceId)] : [],
          ...(typeof pilotMonths === 'number' ? { pilotMonths } : {}),
        },
      },
      {
        onSuccess: (p) => {
          notifications.show({
            color: 'teal',
            message: t('proposals.form.submitted'),
            closeButtonProps: { 'aria-label': t('common.close') },
          });
          void navigate(`/proposals/${p.id}`);
        },
      },
    );
  }

  return (
    <Stack maw={900}>
      <PageTitle title={t('proposals.form.title')} subtitle={t('proposals.form.subtitle')} />
      <Card withBorder component="form" onSubmit={onSubmit} data-testid="proposal-form">
        <Stack>
          <Select
            label={t('proposals.form.kind')}
            value={kind}
            onChange={(v) => setKind((v ?? 'new-service') as Kind)}
            data={PROPOSAL_KINDS.map((k) => ({ value: k, label: t(`proposals.kinds.${k}`) }))}
            allowDeselect={false}
            data-testid="proposal-kind"
          />
          <TextInput
            label={t('proposals.form.serviceCode')}
            value={serviceCode}
            onChange={(e) => setServiceCode(e.currentTarget.value)}
            dir="ltr"
            required
            data-testid="proposal-code"
          />
          {fresh ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('proposals.form.titleFa')}
                value={titleFa}
                onChange={(e) => setTitleFa(e.currentTarget.value)}
                required
                data-testid="proposal-title-fa"
              />
              <TextInput
                label={t('proposals.form.titleEn')}
                value={titleEn}
                onChange={(e) => setTitleEn(e.currentTarget.value)}
                dir="ltr"
                required
                data-testid="proposal-title-en"
              />
              <Select
                label={t('proposals.form.serviceKind')}
                value={serviceKind}
                onChange={setServiceKind}
                data-testid="proposal-service-kind"
                data={SERVICE_KINDS.map((k) => ({ value: k, label: t(`proposals.serviceKinds.${k}`) }))}
              />
              <Select
                label={t('proposals.form.channels')}
                value={channels}
                onChange={setChannels}
                data={CHANNEL_POLICIES.map((c) => ({ value: c, label: t(`proposals.channelPolicies.${c}`) }))}
              />
            </SimpleGrid>
          ) : null}
          <Textarea
            label={t('proposals.form.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={3}
            required
            data-testid="proposal-description"
          />
          <Textarea
            label={t('proposals.form.legalBasis')}
            value={legalBasis}
            onChange={(e) => setLegalBasis(e.currentTarget.value)}
            autosize
            minRows={2}
            required
            data-testid="proposal-legal-basis"
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('proposals.form.volume')}
              value={volume}
              onChange={setVolume}
              min={0}
              allowDecimal={false}
              thousandSeparator
              error={errors.expectedMonthlyVolume}
              data-testid="proposal-volume"
            />
            <NumberInput
              label={t('proposals.form.fee')}
              value={fee}
              onChange={setFee}
              min={0}
              allowDecimal={false}
              thousandSeparator
              required
              error={errors['fee.amountRials']}
              data-testid="proposal-fee"
            />
            <NumberInput
              label={t('proposals.form.pilotMonths')}
              value={pilotMonths}
              onChange={setPilotMonths}
              min={1}
              max={36}
              allowDecimal={false}
              data-testid="proposal-pilot-months"
            />
          </SimpleGrid>
          <ProvinceSelect
            label={t('proposals.form.province')}
            value={provinceId}
            onChange={setProvinceId}
            required
            data-testid="proposal-province"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('proposals.form.competencies')}
              value={competencies}
              onChange={(e) => setCompetencies(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Textarea
              label={t('proposals.form.training')}
              value={training}
              onChange={(e) => setTraining(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid="proposal-training"
            />
          </SimpleGrid>
          <ProblemAlert error={submit.error} shownFields={['expectedMonthlyVolume', 'fee.amountRials']} />
          <Group>
            <Button type="submit" loading={submit.isPending} data-testid="proposal-submit">
              {t('proposals.form.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
