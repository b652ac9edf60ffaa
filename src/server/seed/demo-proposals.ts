/**
 * Two proposals in review, dated around the demo's day: a new service (a request for
 * reconciliation filed at an office) received 14 days earlier and not yet checked — past its 10
 * working days — and the extension of professional licence renewals to Razavi Khorasan and Fars,
 * found complete after an answered information request, its decision clock running.
 */
import { addDaysIso, tehranIsoDate } from '#core/jalali';
import { DEFAULT_PROPOSAL_LIMITS } from '#core/proposal-clock';
import type { Executor } from '#server/db/transaction';
import { eq } from 'drizzle-orm';
import { users } from '#server/modules/accounts/tables';
import { proposalInfoRequests, serviceProposals } from '#server/modules/proposals/tables';

const at = (iso: string) => new Date(`${iso}T06:30:00Z`);

export async function seedDemoProposals(tx: Executor, now: Date): Promise<void> {
  const [association] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'association'));
  const [regulator] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'regulator'));
  if (!association || !regulator) return;
  const today = tehranIsoDate(now);
  const limits = {
    completenessDays: DEFAULT_PROPOSAL_LIMITS.completenessDays,
    decisionDays: DEFAULT_PROPOSAL_LIMITS.decisionDays,
    reminderDays: DEFAULT_PROPOSAL_LIMITS.reminderDays,
  };
  const overdueOn = addDaysIso(today, -20);
  await tx.insert(serviceProposals).values({
    kind: 'new-service',
    serviceCode: 'reconciliation',
    titleFa: 'ثبت درخواست سازش',
    titleEn: 'Request for reconciliation',
    serviceKind: 'filing',
    channels: 'office',
    description:
      'ثبت درخواست سازش در دفتر و ارسال آن به دادگاه تا طرفین برای سازش دعوت شوند (بی‌آنکه دعوایی اقامه شود).',
    legalBasis: 'قانون آیین دادرسی مدنی، مواد ۱۸۴ تا ۱۹۲ (سازش)',
    expectedMonthlyVolume: 4_000,
    feeRials: 1_200_000,
    requiredCompetencies: 'ثبت دادخواست',
    training: 'دورهٔ یک‌روزهٔ سازش و میانجی‌گری',
    provinceIds: [3],
    pilotMonths: 6,
    status: 'received',
    submittedBy: association.id,
    submittedAt: at(overdueOn),
    receivedOn: overdueOn,
    ...limits,
  });
  const extensionOn = addDaysIso(today, -9);
  const askedOn = addDaysIso(today, -8);
  const answeredOn = addDaysIso(today, -6);
  const completeOn = addDaysIso(today, -5);
  const [extension] = await tx
    .insert(serviceProposals)
    .values({
      kind: 'extension',
      serviceCode: 'licence-renewal',
      titleFa: 'تمدید پروانهٔ وکلا، کارشناسان و مترجمان',
      titleEn: 'Professional licence renewal',
      serviceKind: 'licence',
      channels: 'office',
      description: 'گسترش تمدید پروانه‌های حرفه‌ای از تهران و اصفهان به خراسان رضوی و فارس.',
      legalBasis: 'آیین‌نامهٔ دفاتر خدمات الکترونیک قضایی؛ تفاهم‌نامهٔ کانون وکلا',
      expectedMonthlyVolume: 900,
      feeRials: 650_000,
      requiredCompetencies: 'دورهٔ تخصصی تمدید پروانه‌های حرفه‌ای (SPC-202)',
      training: 'دورهٔ SPC-202 برای کارکنان دفاتر دو استان',
      provinceIds: [2, 4],
      pilotMonths: 12,
      status: 'in-review',
      submittedBy: association.id,
      submittedAt: at(extensionOn),
      receivedOn: extensionOn,
      acknowledgedBy: regulator.id,
      acknowledgedAt: at(extensionOn),
      completeOn,
      completeBy: regulator.id,
      ...limits,
    })
    .returning({ id: serviceProposals.id });
  await tx.insert(proposalInfoRequests).values({
    proposalId: extension.id,
    phase: 'completeness',
    question: 'چند دفتر در دو استان دورهٔ SPC-202 را گذرانده‌اند؟',
    askedBy: regulator.id,
    askedAt: at(askedOn),
    askedOn,
    answer: 'در خراسان رضوی ۱۲ دفتر و در فارس ۹ دفتر؛ دورهٔ بعدی در خرداد برگزار می‌شود.',
    answeredBy: association.id,
    answeredAt: at(answeredOn),
    answeredOn,
  });
}
