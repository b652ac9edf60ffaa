/**
 * The court desk's part of an award lodged with its court: the clerk records a party's request
 * for annulment with its Art. 489 grounds (within twenty days of the last delivery, Art. 490), or
 * the winning party's request for the enforcement order once the twenty days to comply have
 * passed (Art. 488). The server decides both windows; its refusal is shown as it says it.
 */
import { Badge, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ANNULMENT_GROUNDS } from '#server/modules/arbitration/values';
import { type ArbitrationCase, useRequestAnnulment, useRequestEnforcement } from '../api/arbitrations';

type Ground = (typeof ANNULMENT_GROUNDS)[number];

function partyOptions(kase: ArbitrationCase, t: (k: string) => string) {
  return kase.parties.map((p) => ({ value: String(p.id), label: `${p.name} (${t(`arbitration.case.${p.role}`)})` }));
}

function EnforcementForm({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const enforce = useRequestEnforcement(kase.id);
  const [party, setParty] = useState<string | null>(kase.award ? String(kase.award.winnerPartyId) : null);
  const errors = fieldErrorsOf(enforce.error, lang);
  return (
    <Stack gap="xs" data-testid="arbitration-enforcement">
      <Title order={3} size="h5">
        {t('arbitration.court.enforcementTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('arbitration.court.enforcementHint')}
      </Text>
      <Select
        label={t('arbitration.court.applicant')}
        data={partyOptions(kase, t)}
        value={party}
        onChange={setParty}
        allowDeselect={false}
        error={errors.partyId}
        data-testid="arbitration-enforcement-party"
      />
      <ProblemAlert error={enforce.error} shownFields={['partyId']} />
      <Group justify="flex-end">
        <Button
          onClick={() => party && enforce.mutate(Number(party))}
          disabled={!party}
          loading={enforce.isPending}
          data-testid="arbitration-enforcement-submit"
        >
          {t('arbitration.court.enforcementSubmit')}
        </Button>
      </Group>
    </Stack>
  );
}

function AnnulmentForm({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const annul = useRequestAnnulment(kase.id);
  const loser = kase.parties.find((p) => p.id !== kase.award?.winnerPartyId);
  const [party, setParty] = useState<string | null>(loser ? String(loser.id) : null);
  const [grounds, setGrounds] = useState<Ground[]>([]);
  const errors = fieldErrorsOf(annul.error, lang);
  return (
    <Stack gap="xs" data-testid="arbitration-annulment">
      <Title order={3} size="h5">
        {t('arbitration.court.annulmentTitle')}
      </Title>
      <Select
        label={t('arbitration.court.applicant')}
        data={partyOptions(kase, t)}
        value={party}
        onChange={setParty}
        allowDeselect={false}
        error={errors.partyId}
        data-testid="arbitration-annulment-party"
      />
      <Checkbox.Group
        label={t('arbitration.court.grounds')}
        value={grounds}
        onChange={(v) => setGrounds(v as Ground[])}
        error={errors.grounds}
      >
        <Stack gap={4} mt={4}>
          {ANNULMENT_GROUNDS.map((g) => (
            <Checkbox key={g} value={g} label={t(`arbitration.court.groundsList.${g}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <ProblemAlert error={annul.error} shownFields={['partyId', 'grounds']} />
      <Group justify="flex-end">
        <Button
          variant="light"
          onClick={() => party && annul.mutate({ partyId: Number(party), grounds })}
          disabled={!party || grounds.length === 0}
          loading={annul.isPending}
          data-testid="arbitration-annulment-submit"
        >
          {t('arbitration.court.annulmentSubmit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Shown to the clerk of the court the award was lodged with: each party's delivery, then the two requests. */
export function CourtDeskPanel({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  const award = kase.award;
  if (!kase.viewer.court || !award?.court) return null;
  const open = kase.state === 'award_notified';
  return (
    <Card withBorder data-testid="arbitration-court-desk">
      <Title order={2} size="h4" mb="xs">
        {t('arbitration.court.title')}
      </Title>
      <Stack>
        <Stack gap={2}>
          {kase.parties.map((p) => {
            const at = award.deliveries.find((d) => d.partyId === p.id)?.deliveredAt;
            return (
              <Group key={p.id} gap="xs" wrap="wrap">
                <Text size="sm">{p.name}:</Text>
                <Badge variant="light" color={at ? 'teal' : 'gray'}>
                  {at ? t('arbitration.court.delivered') : t('arbitration.court.notDelivered')}
                </Badge>
                {at ? (
                  <Text size="sm">
                    <JalaliDate value={at} withTime />
                  </Text>
                ) : null}
              </Group>
            );
          })}
        </Stack>
        {award.enforcementPartyId !== null ? (
          <Text data-testid="arbitration-enforcement-recorded">
            {t('arbitration.court.enforcementRecorded', {
              party: kase.parties.find((p) => p.id === award.enforcementPartyId)?.name ?? '',
            })}
          </Text>
        ) : null}
        {award.annulment ? (
          <Text data-testid="arbitration-annulment-recorded">
            {t('arbitration.court.annulmentRecorded', {
              party: kase.parties.find((p) => p.id === award.annulment?.partyId)?.name ?? '',
              grounds: award.annulment.grounds.map((g) => t(`arbitration.court.groundsList.${g}`)).join('؛ '),
            })}
          </Text>
        ) : null}
        {open ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <EnforcementForm kase={kase} />
            <AnnulmentForm kase={kase} />
          </SimpleGrid>
        ) : null}
      </Stack>
    </Card>
  );
}
