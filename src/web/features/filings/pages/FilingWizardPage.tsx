/**
 * The filing wizard: parties → court → subject, claims and facts → attachments → the print to
 * review and confirm → the itemised quote → payment at the bank → sending to court, confirmed on a
 * summary of what goes to which court for which fees → the printable submission slip. The bank
 * returns here, so the counter goes from payment to a printed slip on this one page. A paid filing
 * opens on the send step and a sent one on its slip; neither is offered for editing. Reached from the counter
 * (`/filings/new?ticketId=&service=`, with the citizen just looked up carried in the router state
 * as `applicantNationalId`), from the navigation, or to fix a draft (`?id=`). The applicant is
 * always named by national ID, never by an internal number.
 */
import '../i18n/index.ts';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { AppealTime, type AppealEntry } from '#web/ui/AppealTime.tsx';
import { formatJalali } from '#core/jalali';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useConfirmFiling, usePayFiling, useSubmitFiling } from '../api/filing-steps';
import { type Filing, useFiling } from '../api/get-filing';
import { FILING_SERVICES, type FilingContent, type PartyInput, useSaveFiling } from '../api/save-filing';
import { ApplicantField } from '../components/ApplicantField';
import { AttachmentsPanel } from '../components/AttachmentsPanel';
import { CourtPicker } from '../components/CourtPicker';
import { blankParty, PartiesEditor } from '../components/PartiesEditor';
import { QuoteTable } from '../components/QuoteTable';
import { FilingStatusBadge } from '#web/ui/FilingStatusBadge.tsx';
import { SubmissionSlip } from '../components/SubmissionSlip';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { NumberInput } from '#web/ui/NumberInput.tsx';

const ONLINE_SERVICES = ['legal-notice', 'brief'];

/** The steps: 0 parties … 4 review, 5 fees and payment, 6 sending to court; then the slip. */
const PAY_STEP = 5;
const SEND_STEP = 6;
const SLIP_STEP = 7;

/** The step a saved filing opens on: where its next act is, the slip once it has been sent. */
function stepOf(f: Filing): number {
  if (f.status === 'confirmed') return PAY_STEP;
  if (f.status === 'paid') return SEND_STEP;
  if (f.status === 'submitted' || f.status === 'accepted') return SLIP_STEP;
  return 0;
}

/** What the counter hands the wizard when it starts a filing for the citizen it just looked up. */
export interface WizardEntryState {
  applicantNationalId?: string;
  /** "Appeal this" from a delivered decision: its case, court and branch, and the time left to appeal. */
  appeal?: AppealEntry;
}

/** The decision a saved appeal names, in the shape "appeal this" hands the wizard. */
function appealEntryOfFiling(d: NonNullable<Filing['appealedDecision']>): AppealEntry {
  return {
    noticeId: d.noticeId,
    courtId: d.courtId,
    courtName: d.courtName,
    branch: d.branch,
    caseNumber: d.caseNumber,
    decision: d.title,
    deliveredAt: d.deliveredAt,
    appeal: d.appeal,
  };
}

function partiesOf(f: Filing): PartyInput[] {
  const index = new Map(f.parties.map((p, i) => [p.id, i]));
  return f.parties.map((p): PartyInput => {
    switch (p.kind) {
      case 'representative':
        return {
          kind: 'representative',
          role: 'representative',
          representativeId: p.representativeId ?? undefined,
          represents: index.get(p.representsPartyId ?? -1) ?? 0,
        };
      case 'legal-person':
        return { kind: 'legal-person', role: p.role, companyId: p.nationalId ?? '', address: p.address ?? undefined };
      case 'citizen':
        return p.nationalId
          ? { kind: 'citizen', role: p.role, nationalId: p.nationalId, address: p.address ?? undefined }
          : { kind: 'named', role: p.role, name: p.name, address: p.address ?? undefined };
      default:
        return {
          kind: 'named',
          role: p.role,
          name: p.name,
          nationalId: p.nationalId ?? undefined,
          address: p.address ?? undefined,
        };
    }
  });
}

export function FilingWizardPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const { user } = useAuth();
  const navigate = useNavigate();
  const entry = (useLocation().state ?? {}) as WizardEntryState;
  const [search, setSearch] = useSearchParams();
  const isCitizen = user?.kind === 'citizen';
  const [id, setId] = useState<number | null>(search.get('id') ? Number(search.get('id')) : null);
  const existing = useFiling(id);
  const [step, setStep] = useState(0);
  const services = FILING_SERVICES.filter((s) => !isCitizen || ONLINE_SERVICES.includes(s));
  const asked = search.get('service');
  const [service, setService] = useState<string>(
    asked && (services as readonly string[]).includes(asked) ? asked : isCitizen ? 'legal-notice' : 'petition',
  );
  const [applicantNationalId, setApplicantNationalId] = useState<string>(entry.applicantNationalId ?? '');
  const ticketId = search.get('ticketId') ? Number(search.get('ticketId')) : undefined;
  // An appeal started from a decision comes with its court, branch and what it appeals; a reopened
  // draft has no router state, so the decision comes back with the filing.
  const reopened = existing.data?.appealedDecision ?? null;
  const appeal = service === 'appeal' ? (entry.appeal ?? (reopened ? appealEntryOfFiling(reopened) : null)) : null;
  const [content, setContent] = useState<FilingContent>(() => ({
    parties: [blankParty('citizen', 'claimant'), blankParty('named', 'defendant')],
    courtId: appeal?.courtId ?? null,
    branch: appeal?.branch ?? null,
    subject: appeal ? t('filings.appeal.subject', { decision: appeal.decision, caseNumber: appeal.caseNumber }) : '',
    claims: [],
    facts: appeal
      ? t('filings.appeal.facts', {
          decision: appeal.decision,
          court: appeal.courtName[lang],
          branch: digits(appeal.branch),
          caseNumber: appeal.caseNumber,
          deliveredOn: formatJalali(appeal.deliveredAt, lang),
        })
      : '',
  }));
  const [loaded, setLoaded] = useState(false);
  const save = useSaveFiling();
  const confirm = useConfirmFiling(id ?? 0);
  const pay = usePayFiling(id ?? 0);
  const submit = useSubmitFiling(id ?? 0);
  const [sendChecked, setSendChecked] = useState(false);
  const errors = fieldErrorsOf(save.error ?? confirm.error, lang);
  const filing = existing.data ?? save.data ?? null;
  // Paid or sent: the content is settled, only the last steps are open.
  const locked = filing != null && !filing.actions.includes('edit');

  useEffect(() => {
    const f = existing.data;
    if (!f || loaded) return;
    setLoaded(true);
    setService(f.service.code);
    setApplicantNationalId(f.applicant.nationalId);
    setContent({
      parties: partiesOf(f),
      courtId: f.court?.id ?? null,
      branch: f.branch,
      subject: f.subject,
      claims: f.claims,
      facts: f.facts,
    });
    // Not one's to change (a citizen reading what an office prepares): the filing's own page.
    if (!f.actions.includes('edit') && stepOf(f) < SEND_STEP) navigate(`/filings/${f.id}`, { replace: true });
    // A draft stays on the step the person is at (the first save loads the new draft here too).
    if (stepOf(f) > 0) setStep(stepOf(f));
  }, [existing.data, loaded, navigate]);

  const saveAnd = (next: number) => {
    save.mutate(
      {
        id,
        service,
        applicantNationalId: isCitizen ? undefined : applicantNationalId || undefined,
        ticketId,
        appealsNoticeId: appeal?.noticeId,
        content,
      },
      {
        onSuccess: (f) => {
          if (!id) {
            setId(f.id);
            setSearch(
              (s) => {
                s.set('id', String(f.id));
                return s;
              },
              { replace: true },
            );
          }
          setStep(next);
        },
      },
    );
  };

  const nav = (
    back: number | null,
    next: () => void,
    nextLabel = t('filings.wizard.next'),
    testId = 'wizard-next',
    loading = save.isPending,
  ) => (
    <Group justify="space-between" mt="md">
      {back != null ? (
        <Button variant="default" onClick={() => setStep(back)} data-testid="wizard-back">
          {t('filings.wizard.back')}
        </Button>
      ) : (
        <span />
      )}
      <Button onClick={next} loading={loading} data-testid={testId}>
        {nextLabel}
      </Button>
    </Group>
  );

  return (
    <Stack>
      <PageTitle
        title={t('filings.wizard.title')}
        subtitle={
          filing
            ? locked
              ? t('filings.wizard.filingNo', { id: digits(filing.id) })
              : t('filings.wizard.draftNo', { id: digits(filing.id) })
            : undefined
        }
        actions={filing && locked ? <FilingStatusBadge status={filing.status} /> : undefined}
      />
      {appeal ? (
        <Alert color="blue" variant="outline" title={t('filings.appeal.title')} data-testid="wizard-appeal">
          <Stack gap="xs">
            <Text data-testid="wizard-appeal-decision">
              {t('filings.appeal.decision', {
                decision: appeal.decision,
                court: appeal.courtName[lang],
                branch: digits(appeal.branch),
                // A left-to-right isolate keeps «THR-GEN-01-000001-1405» in its order inside Persian text.
                caseNumber: `\u2066${appeal.caseNumber}\u2069`,
                deliveredOn: formatJalali(appeal.deliveredAt, lang),
              })}
            </Text>
            <AppealTime appeal={appeal.appeal} />
            {errors.appealsNoticeId ? (
              <Text c="red.8" fw={700} data-testid="wizard-appeal-error">
                {errors.appealsNoticeId}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      <Stepper
        active={step}
        onStepClick={(s) => ((id || s === 0) && (!locked || s >= SEND_STEP) ? setStep(s) : undefined)}
        size="sm"
        data-testid="wizard-steps"
        className="daftar-wizard-steps"
      >
        <Stepper.Step label={t('filings.wizard.parties')} allowStepSelect={!locked} icon={digits(1)}>
          <Stack>
            <Group grow>
              <Select
                label={t('filings.wizard.service')}
                description={t('filings.help.service')}
                value={service}
                allowDeselect={false}
                disabled={!!id}
                data={services.map((s) => ({ value: s, label: t(`filings.service.${s}`) }))}
                onChange={(v) => setService(v ?? service)}
                data-testid="wizard-service"
              />
              <ApplicantField
                mode={filing ? 'fixed' : isCitizen ? 'self' : 'counter'}
                nationalId={filing ? filing.applicant.nationalId : applicantNationalId}
                name={filing?.applicant.name}
                onChange={setApplicantNationalId}
                serverError={errors.applicantNationalId}
              />
            </Group>
            <PartiesEditor
              parties={content.parties}
              onChange={(parties) => setContent({ ...content, parties })}
              errors={errors}
            />
            <ProblemAlert error={save.error} shownFields={Object.keys(errors)} />
            {nav(null, () => saveAnd(1))}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('filings.wizard.court')} allowStepSelect={!locked} icon={digits(2)}>
          <CourtPicker
            courtId={content.courtId}
            branch={content.branch}
            initialProvinceId={filing?.court?.provinceId ?? filing?.provinceId ?? null}
            errors={errors}
            onChange={(v) => setContent({ ...content, ...v })}
          />
          <ProblemAlert error={save.error} shownFields={Object.keys(errors)} />
          {nav(0, () => saveAnd(2))}
        </Stepper.Step>
        <Stepper.Step label={t('filings.wizard.subject')} allowStepSelect={!locked} icon={digits(3)}>
          <Stack>
            <TextInput
              label={t('filings.fields.subject')}
              description={t('filings.help.subject')}
              value={content.subject}
              onChange={(e) => setContent({ ...content, subject: e.currentTarget.value })}
              error={errors.subject}
              required
              data-testid="wizard-subject"
            />
            {content.claims.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
              <Group key={i} align="flex-end" data-testid={`claim-${i}`}>
                <TextInput
                  // On a phone the claim and its value stack, each the screen's width.
                  style={{ flex: '1 1 240px' }}
                  label={t('filings.fields.claim')}
                  description={t('filings.help.claim')}
                  value={c.description}
                  error={errors[`claims.${i}.description`]}
                  onChange={(e) =>
                    setContent({
                      ...content,
                      claims: content.claims.map((x, j) =>
                        j === i ? { ...x, description: e.currentTarget.value } : x,
                      ),
                    })
                  }
                  data-testid={`claim-${i}-description`}
                />
                <NumberInput
                  label={t('filings.fields.claimValue')}
                  description={t('filings.help.claimValue')}
                  value={c.valueRials ?? ''}
                  min={0}
                  thousandSeparator=","
                  style={{ flex: '1 1 200px' }}
                  error={errors[`claims.${i}.valueRials`]}
                  onChange={(v) =>
                    setContent({
                      ...content,
                      claims: content.claims.map((x, j) =>
                        j === i ? { ...x, valueRials: typeof v === 'number' ? v : null } : x,
                      ),
                    })
                  }
                  data-testid={`claim-${i}-value`}
                />
                {c.valueRials != null ? (
                  <Text size="sm">
                    <Money rials={c.valueRials} />
                  </Text>
                ) : null}
                <Button
                  variant="subtle"
                  color="red"
                  aria-label={t('filings.claims.remove')}
                  onClick={() => setContent({ ...content, claims: content.claims.filter((_, j) => j !== i) })}
                >
                  ×
                </Button>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                onClick={() =>
                  setContent({ ...content, claims: [...content.claims, { description: '', valueRials: null }] })
                }
                data-testid="claim-add"
              >
                {t('filings.fields.addClaim')}
              </Button>
            </Group>
            <Textarea
              label={t('filings.fields.facts')}
              description={t('filings.help.facts')}
              autosize
              minRows={5}
              value={content.facts}
              onChange={(e) => setContent({ ...content, facts: e.currentTarget.value })}
              error={errors.facts}
              data-testid="wizard-facts"
            />
            <ProblemAlert error={save.error} shownFields={Object.keys(errors)} />
            {nav(1, () => saveAnd(3))}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('filings.wizard.attachments')} allowStepSelect={!locked} icon={digits(4)}>
          {filing ? <AttachmentsPanel filing={filing} editable={filing.actions.includes('attach')} /> : null}
          {nav(2, () => setStep(4), t('filings.wizard.next'), 'wizard-next', false)}
        </Stepper.Step>
        <Stepper.Step label={t('filings.wizard.review')} allowStepSelect={!locked} icon={digits(5)}>
          <Stack>
            <Text>{isCitizen ? t('filings.wizard.reviewHintOnline') : t('filings.wizard.reviewHintOffice')}</Text>
            {id ? (
              <iframe
                title={t('filings.wizard.print')}
                src={`/api/v1/filings/${id}/print?v=${filing?.events.length ?? 0}`}
                style={{ width: '100%', height: 520, border: '1px solid #ccc', background: 'white' }}
                data-testid="print-preview"
              />
            ) : null}
            <Group>
              <Button variant="default" component="a" href={`/api/v1/filings/${id}/print`} target="_blank">
                {t('filings.wizard.openPrint')}
              </Button>
            </Group>
            <ProblemAlert error={confirm.error} />
            {Object.keys(fieldErrorsOf(confirm.error, lang)).length ? (
              <Alert color="red">{Object.values(fieldErrorsOf(confirm.error, lang)).join(' ')}</Alert>
            ) : null}
            {nav(
              3,
              () =>
                confirm.mutate(undefined, {
                  onSuccess: (f) => setStep(f.status === 'paid' ? SEND_STEP : PAY_STEP),
                }),
              isCitizen ? t('filings.wizard.confirmOnline') : t('filings.wizard.confirmOffice'),
              'wizard-confirm',
              confirm.isPending,
            )}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('filings.wizard.quote')} allowStepSelect={!locked} icon={digits(6)}>
          {filing?.quote ? (
            <Card withBorder>
              <Stack>
                <QuoteTable quote={filing.quote} />
                {filing.payment.paidRials > 0 ? (
                  <Text>
                    {t('filings.payment.paidBefore')}: <Money rials={filing.payment.paidRials} />
                  </Text>
                ) : null}
                <Text fw={700} size="lg" data-testid="wizard-due">
                  {t('filings.payment.due')}: <Money rials={filing.payment.dueRials ?? 0} />
                </Text>
                <ProblemAlert error={pay.error} />
                <Group justify="space-between">
                  <Button variant="default" onClick={() => navigate(`/filings/${filing.id}`)}>
                    {t('filings.wizard.later')}
                  </Button>
                  <Button
                    color="teal"
                    loading={pay.isPending}
                    disabled={filing.status !== 'confirmed'}
                    data-testid="wizard-pay"
                    onClick={() => pay.mutate(undefined, { onSuccess: (p) => window.location.assign(p.redirectUrl) })}
                  >
                    {t('filings.wizard.pay')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ) : (
            <Text>{t('filings.wizard.confirmFirst')}</Text>
          )}
        </Stepper.Step>
        <Stepper.Step label={t('filings.wizard.send')} icon={digits(7)}>
          {filing?.status === 'paid' ? (
            <Card withBorder data-testid="send-step">
              <Stack>
                <Alert color="blue" data-testid="send-locked">
                  {t('filings.send.locked')}
                </Alert>
                <Title order={2} size="h4">
                  {t('filings.send.title')}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Text data-testid="send-what">
                    <Text span c="dimmed" size="sm">
                      {t('filings.send.what')}:{' '}
                    </Text>
                    {filing.service.title[lang]} — {filing.subject}
                  </Text>
                  <Text data-testid="send-court">
                    <Text span c="dimmed" size="sm">
                      {t('filings.send.court')}:{' '}
                    </Text>
                    {filing.court
                      ? `${filing.court.name[lang]}${filing.branch ? ` — ${t('filings.court.branchN', { n: digits(filing.branch) })}` : ''}`
                      : '—'}
                  </Text>
                  <Text data-testid="send-applicant">
                    <Text span c="dimmed" size="sm">
                      {t('filings.fields.applicant')}:{' '}
                    </Text>
                    <bdi>{filing.applicant.name}</bdi> — <bdi dir="ltr">{digits(filing.applicant.nationalId)}</bdi>
                  </Text>
                  <Text data-testid="send-documents">
                    <Text span c="dimmed" size="sm">
                      {t('filings.send.documents')}:{' '}
                    </Text>
                    {t('filings.send.documentsCount', {
                      parties: digits(filing.parties.length),
                      files: digits(filing.attachments.length),
                      pages: digits(filing.pages),
                    })}
                  </Text>
                </SimpleGrid>
                {filing.quote ? <QuoteTable quote={filing.quote} /> : null}
                <Text fw={700} data-testid="send-paid">
                  {t('filings.send.paid')}: <Money rials={filing.payment.paidRials} />
                </Text>
                {filing.actions.includes('submit') ? (
                  <>
                    <Checkbox
                      checked={sendChecked}
                      onChange={(e) => setSendChecked(e.currentTarget.checked)}
                      label={isCitizen ? t('filings.send.confirmOnline') : t('filings.send.confirmOffice')}
                      data-testid="send-confirm"
                    />
                    <ProblemAlert error={submit.error} />
                    <Group justify="flex-end">
                      <Button
                        color="indigo"
                        disabled={!sendChecked}
                        loading={submit.isPending}
                        onClick={() => submit.mutate(undefined, { onSuccess: () => setStep(SLIP_STEP) })}
                        data-testid="wizard-send"
                      >
                        {t('filings.send.submit')}
                      </Button>
                    </Group>
                  </>
                ) : (
                  <Text data-testid="send-by-office">{t('filings.send.byOffice')}</Text>
                )}
              </Stack>
            </Card>
          ) : (
            <Text>{t('filings.send.payFirst')}</Text>
          )}
        </Stepper.Step>
        <Stepper.Completed>
          {filing?.trackingCode ? (
            <Stack>
              <Alert color="teal" data-testid="wizard-sent">
                {t('filings.send.sent')} <RefNumber value={filing.trackingCode} />
              </Alert>
              <SubmissionSlip filing={{ ...filing, trackingCode: filing.trackingCode }} />
              <Group className="daftar-slip-noprint">
                <Button
                  variant="default"
                  component={Link}
                  to={`/filings/${filing.id}`}
                  data-testid="wizard-open-filing"
                >
                  {t('filings.send.openFiling')}
                </Button>
                {!isCitizen ? (
                  <Button variant="default" component={Link} to="/counter" data-testid="wizard-to-counter">
                    {t('filings.send.toCounter')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          ) : (
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          )}
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}
