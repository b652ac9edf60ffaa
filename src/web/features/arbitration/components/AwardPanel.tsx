/**
 * The award: what the law requires it to contain (the parties, the subject, the reasons, the
 * decision and its date, Arts. 482–484), who signed and who refused, and its printable page and
 * PDF. An arbitrator sitting on the case writes the draft within the term and signs or refuses; a
 * majority's signatures make it (Art. 484). An award dated after the term is refused by the server
 * (Art. 489 para. 4) and its message stands next to the date.
 */
import { Badge, Button, Card, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatJalali } from '#core/jalali';
import { fieldErrorsOf, isApiError } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type ArbitrationCase, awardUrls, useDraftAward, useSignAward } from '../api/arbitrations';

type Arbitrator = ArbitrationCase['arbitrators'][number];
const AFTER_TERM = 'arbitration_award_after_term';

/** The server's refusal of a late award, kept for the date field rather than a separate alert. */
function dateErrorOf(error: unknown, lang: 'fa' | 'en'): string | undefined {
  return fieldErrorsOf(error, lang).date;
}
const otherError = (error: unknown) => (isApiError(error) && error.code === AFTER_TERM ? null : error);

/** The award's date: the day the majority's last signature makes it, or today while it is a draft. */
function AwardDate({ kase, error }: { kase: ArbitrationCase; error?: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const made = kase.award?.date;
  return (
    <TextInput
      label={t('arbitration.award.date')}
      description={
        made
          ? undefined
          : `${t('arbitration.award.dateHint')}${kase.termLastDay ? ` ${t('arbitration.award.termEnds', { day: formatJalali(kase.termLastDay.iso, lang) })}` : ''}`
      }
      value={formatJalali(made ? made.iso : new Date(), lang)}
      readOnly
      error={error}
      data-testid="arbitration-award-date"
    />
  );
}

function AwardEditor({ kase, dateError }: { kase: ArbitrationCase; dateError?: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const draft = useDraftAward(kase.id);
  const [reasons, setReasons] = useState(kase.award?.reasons ?? '');
  const [decision, setDecision] = useState(kase.award?.decision ?? '');
  const [winner, setWinner] = useState<string | null>(kase.award ? String(kase.award.winnerPartyId) : null);
  const [submitted, setSubmitted] = useState(false);
  const server = fieldErrorsOf(draft.error, lang);
  const local: Record<string, string> = {};
  if (reasons.trim().length < 20) local.reasons = t('arbitration.award.reasonsShort');
  if (decision.trim().length < 10) local.decision = t('arbitration.award.decisionShort');
  if (!winner) local.winnerPartyId = t('common.required');
  const errorOf = (f: string) => server[f] ?? (submitted ? local[f] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length) return;
    draft.mutate({ reasons: reasons.trim(), decision: decision.trim(), winnerPartyId: Number(winner) });
  };
  return (
    <form onSubmit={submit} data-testid="arbitration-award-form">
      <Stack gap="xs">
        <Textarea
          label={t('arbitration.award.reasons')}
          value={reasons}
          onChange={(e) => setReasons(e.currentTarget.value)}
          autosize
          minRows={4}
          required
          error={errorOf('reasons')}
          data-testid="arbitration-award-reasons"
        />
        <Textarea
          label={t('arbitration.award.decision')}
          value={decision}
          onChange={(e) => setDecision(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          error={errorOf('decision')}
          data-testid="arbitration-award-decision"
        />
        <Select
          label={t('arbitration.award.winner')}
          data={kase.parties.map((p) => ({
            value: String(p.id),
            label: `${p.name} (${t(`arbitration.case.${p.role}`)})`,
          }))}
          value={winner}
          onChange={setWinner}
          required
          error={errorOf('winnerPartyId')}
          data-testid="arbitration-award-winner"
        />
        <AwardDate kase={kase} error={dateError ?? dateErrorOf(draft.error, lang)} />
        <ProblemAlert error={otherError(draft.error)} shownFields={['reasons', 'decision', 'winnerPartyId', 'date']} />
        <Group justify="flex-end">
          <Button type="submit" loading={draft.isPending} data-testid="arbitration-award-save">
            {t(kase.award ? 'arbitration.award.rewrite' : 'arbitration.award.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Sign or refuse with a dissent: an arbitrator for themself, the seat office for one outside the registry. */
function SignatureButtons({
  kase,
  arbitrator,
  onError,
}: {
  kase: ArbitrationCase;
  arbitrator: Arbitrator;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const sign = useSignAward(kase.id);
  const [dissent, setDissent] = useState('');
  const own = kase.viewer.arbitratorId === arbitrator.id;
  const answer = (yes: boolean) =>
    sign.mutate(
      { arbitratorId: arbitrator.id, sign: yes, ...(!yes && dissent.trim() ? { dissent: dissent.trim() } : {}) },
      { onError, onSuccess: () => onError(null) },
    );
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Button
          size="xs"
          onClick={() => answer(true)}
          loading={sign.isPending}
          data-testid={`arbitration-sign-${arbitrator.id}`}
        >
          {t(own ? 'arbitration.award.sign' : 'arbitration.award.recordSign')}
        </Button>
        <Button
          size="xs"
          variant="light"
          color="red"
          onClick={() => answer(false)}
          loading={sign.isPending}
          data-testid={`arbitration-refuse-${arbitrator.id}`}
        >
          {t(own ? 'arbitration.award.refuse' : 'arbitration.award.recordRefuse')}
        </Button>
      </Group>
      <Textarea
        size="xs"
        label={t('arbitration.award.dissent')}
        value={dissent}
        onChange={(e) => setDissent(e.currentTarget.value)}
        // Fixed rows: an autosized field measures itself with a hidden copy of its width on the page, and
        // in a table wider than a phone that copy widens the page.
        rows={2}
        maxLength={5000}
        data-testid={`arbitration-dissent-${arbitrator.id}`}
      />
    </Stack>
  );
}

function Signatures({ kase, onError }: { kase: ArbitrationCase; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const mayAnswer = (a: Arbitrator) =>
    kase.state === 'award_drafted' &&
    a.status === 'accepted' &&
    a.signature === null &&
    (a.registered ? kase.viewer.arbitratorId === a.id : kase.viewer.office);
  const columns: DataColumn<Arbitrator>[] = [
    { key: 'name', header: t('arbitration.case.arbitrators'), cell: (a) => a.name },
    {
      key: 'signature',
      header: t('arbitration.award.signature'),
      cell: (a) =>
        mayAnswer(a) ? (
          <SignatureButtons kase={kase} arbitrator={a} onError={onError} />
        ) : (
          <Stack gap={2}>
            <Badge
              variant="light"
              color={a.signature === 'signed' ? 'teal' : a.signature === 'refused' ? 'red' : 'gray'}
              data-testid={`arbitration-signature-${a.id}`}
            >
              {t(`arbitration.award.signatures.${a.signature ?? 'waiting'}`)}
            </Badge>
            {a.dissent ? (
              <Text size="sm" dir="auto">
                {t('arbitration.award.dissentOf')}: {a.dissent}
              </Text>
            ) : null}
          </Stack>
        ),
    },
  ];
  return (
    <DataTable
      testId="arbitration-signatures"
      label={t('arbitration.award.signaturesTitle')}
      columns={columns}
      rowKey={(a) => a.id}
      rows={kase.arbitrators.filter((a) => a.status === 'accepted')}
      // Two columns: on a phone the seat office records each answer without scrolling sideways.
      minWidth={300}
    />
  );
}

/** The award's printable page and PDF, and for a party the e-notice that delivers it. */
function AwardLinks({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  const award = kase.award!;
  const urls = awardUrls(kase.id);
  const me = kase.parties.find((p) => p.id === kase.viewer.partyId);
  const delivered = award.deliveries.find((d) => d.partyId === me?.id)?.deliveredAt;
  return (
    <Group gap="xs" wrap="wrap">
      <Button component="a" href={urls.page} target="_blank" rel="noopener" variant="light" size="xs">
        {t('arbitration.award.print')}
      </Button>
      <Button
        component="a"
        href={urls.pdf}
        target="_blank"
        rel="noopener"
        variant="light"
        size="xs"
        data-testid="arbitration-award-pdf"
      >
        {t('arbitration.award.pdf')}
      </Button>
      {me && award.noticeId !== null ? (
        <Button component={Link} to={`/me/notices/${award.noticeId}`} size="xs" data-testid="arbitration-award-notice">
          {t(delivered ? 'arbitration.award.noticeOpened' : 'arbitration.award.openNotice')}
        </Button>
      ) : null}
    </Group>
  );
}

/** The award as the parties and the court read it: its contents, the signatures, the print links and the e-notice. */
function AwardText({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  const { text } = useDigits();
  const award = kase.award!;
  const winner = kase.parties.find((p) => p.id === award.winnerPartyId);
  return (
    <Stack gap="xs" data-testid="arbitration-award-text">
      <Group gap="xs" wrap="wrap">
        <Badge
          variant="light"
          color={award.signatures === 'signed' ? 'teal' : 'gray'}
          data-testid="arbitration-award-status"
        >
          {t(`arbitration.award.status.${award.signatures}`)}
        </Badge>
        {award.date ? (
          <Text size="sm">
            {t('arbitration.award.date')}: <JalaliDate value={award.date.iso} />
          </Text>
        ) : null}
      </Group>
      <Text size="sm">
        <b>{t('arbitration.case.parties')}:</b>{' '}
        {kase.parties.map((p) => `${p.name} (${t(`arbitration.case.${p.role}`)})`).join('، ')}
      </Text>
      <Text size="sm" dir="auto">
        <b>{t('arbitration.list.subject')}:</b> {kase.subject}
      </Text>
      <Text fw={600}>{t('arbitration.award.reasons')}</Text>
      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
        {award.reasons}
      </Text>
      <Text fw={600}>{t('arbitration.award.decision')}</Text>
      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} data-testid="arbitration-award-decision-text">
        {award.decision}
      </Text>
      {winner ? (
        <Text size="sm">
          {t('arbitration.award.winner')}: {winner.name}
        </Text>
      ) : null}
      <AwardLinks kase={kase} />
      {award.court ? (
        <Text size="sm" c="dimmed">
          {t('arbitration.award.lodged', { court: text(award.court.name) })}
        </Text>
      ) : null}
    </Stack>
  );
}

export function AwardPanel({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [signError, setSignError] = useState<unknown>(null);
  const sitting =
    kase.viewer.arbitratorId !== null &&
    kase.arbitrators.some((a) => a.id === kase.viewer.arbitratorId && a.status === 'accepted');
  const mayWrite = sitting && (kase.state === 'term_running' || kase.state === 'award_drafted');
  const mayRecord = kase.viewer.office && kase.state === 'award_drafted';
  if (!kase.award && !mayWrite) return null;
  return (
    <Card withBorder data-testid="arbitration-award">
      <Title order={2} size="h4" mb="xs">
        {t('arbitration.award.title')}
      </Title>
      <Stack>
        {mayWrite ? (
          <AwardEditor key={kase.award?.reasons ?? ''} kase={kase} dateError={dateErrorOf(signError, lang)} />
        ) : (
          <AwardText kase={kase} />
        )}
        {kase.award && (mayWrite || mayRecord || kase.award.signatures !== 'pending' || kase.viewer.court) ? (
          <Signatures kase={kase} onError={setSignError} />
        ) : null}
        {kase.award && mayWrite ? <AwardLinks kase={kase} /> : null}
        {/* The seat office records a signature without the editor: a late one's refusal still stands at the date. */}
        {!mayWrite && dateErrorOf(signError, lang) ? (
          <AwardDate kase={kase} error={dateErrorOf(signError, lang)} />
        ) : null}
        <ProblemAlert error={otherError(signError)} shownFields={['date']} />
      </Stack>
    </Card>
  );
}
