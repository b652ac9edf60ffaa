/**
 * The service catalog as seeded: the services of the 1403 tariff, each with its channel policy
 * (office only, online self-service, or both) and the inputs it asks for.
 */
import type { CHANNEL_POLICIES, SERVICE_KINDS } from './values';

export interface CatalogSeed {
  code: string;
  titleFa: string;
  titleEn: string;
  kind: (typeof SERVICE_KINDS)[number];
  channels: (typeof CHANNEL_POLICIES)[number];
  inputs: string[];
}

const FILING_INPUTS = ['parties', 'court', 'subject', 'claims', 'facts', 'attachments'];

export const CATALOG: CatalogSeed[] = [
  {
    code: 'petition',
    titleFa: 'ثبت دادخواست',
    titleEn: 'Petition',
    kind: 'filing',
    channels: 'office',
    inputs: FILING_INPUTS,
  },
  {
    code: 'complaint',
    titleFa: 'ثبت شکوائیه',
    titleEn: 'Criminal complaint',
    kind: 'filing',
    channels: 'office',
    inputs: FILING_INPUTS,
  },
  {
    code: 'appeal',
    titleFa: 'ثبت دادخواست تجدیدنظر',
    titleEn: 'Appeal',
    kind: 'filing',
    channels: 'office',
    inputs: FILING_INPUTS,
  },
  {
    code: 'objection',
    titleFa: 'ثبت دادخواست واخواهی',
    titleEn: 'Objection to a default judgment',
    kind: 'filing',
    channels: 'office',
    inputs: FILING_INPUTS,
  },
  {
    code: 'legal-notice',
    titleFa: 'ثبت اظهارنامه',
    titleEn: 'Legal notice (declaration)',
    kind: 'filing',
    channels: 'both',
    inputs: ['parties', 'subject', 'facts', 'attachments'],
  },
  {
    code: 'brief',
    titleFa: 'ثبت لایحه',
    titleEn: 'Brief',
    kind: 'filing',
    channels: 'both',
    inputs: ['parties', 'court', 'subject', 'facts', 'attachments'],
  },
  {
    code: 'expert-opinion',
    titleFa: 'ثبت نظر کارشناسی',
    titleEn: 'Expert opinion',
    kind: 'filing',
    channels: 'office',
    inputs: ['parties', 'court', 'subject', 'facts', 'attachments'],
  },
  {
    code: 'protest',
    titleFa: 'ثبت واخواست اسناد تجاری',
    titleEn: 'Protest of commercial papers',
    kind: 'filing',
    channels: 'office',
    inputs: ['parties', 'subject', 'claims', 'attachments'],
  },
  {
    code: 'contract',
    titleFa: 'ثبت قرارداد / وکالت‌نامه',
    titleEn: 'Contract or power-of-attorney registration',
    kind: 'registration',
    channels: 'office',
    inputs: ['parties', 'attachments'],
  },
  {
    code: 'sana-registration',
    titleFa: 'ثبت‌نام سامانه ثنا و شناسه قضایی',
    titleEn: 'SANA registration and judicial ID',
    kind: 'account',
    channels: 'both',
    inputs: ['identity', 'mobile', 'address'],
  },
  {
    code: 'sana-edit',
    titleFa: 'ویرایش اطلاعات ثنا',
    titleEn: 'Editing SANA data',
    kind: 'account',
    channels: 'office',
    inputs: ['identity', 'mobile', 'address'],
  },
  {
    code: 'notice-page',
    titleFa: 'گشایش صفحه ابلاغ الکترونیک',
    titleEn: 'Opening the e-notice page',
    kind: 'notice',
    channels: 'both',
    inputs: ['consent'],
  },
  {
    code: 'password-delivery',
    titleFa: 'تحویل گذرواژه',
    titleEn: 'Password delivery',
    kind: 'account',
    channels: 'office',
    inputs: ['identity'],
  },
  {
    code: 'payment',
    titleFa: 'پرداخت الکترونیک',
    titleEn: 'Electronic payment',
    kind: 'payment',
    channels: 'both',
    inputs: ['amount'],
  },
  {
    code: 'follow-up',
    titleFa: 'پیگیری',
    titleEn: 'Follow-up',
    kind: 'inquiry',
    channels: 'both',
    inputs: ['consent'],
  },
  {
    code: 'case-report',
    titleFa: 'گزارش وضعیت پرونده',
    titleEn: 'Case-status report',
    kind: 'inquiry',
    channels: 'both',
    inputs: ['consent'],
  },
  {
    code: 'no-criminal-record',
    titleFa: 'گواهی عدم سوءپیشینه',
    titleEn: 'No-criminal-record certificate',
    kind: 'certificate',
    channels: 'both',
    inputs: ['identity'],
  },
  {
    code: 'licence-renewal',
    titleFa: 'تمدید پروانه وکیل / کارشناس / مترجم',
    titleEn: 'Lawyer / expert / translator licence renewal',
    kind: 'licence',
    channels: 'office',
    inputs: ['identity', 'licence'],
  },
  {
    // Booked with a consultant of the registry, held at an office that holds this competency or by video.
    code: 'consultation',
    titleFa: 'مشاورهٔ حقوقی',
    titleEn: 'Legal consultation',
    kind: 'consultation',
    channels: 'both',
    inputs: ['field', 'consultant', 'slot'],
  },
];

/** Days from delivery per kind of notice, with the article they come from; `null` = no limit runs from it. */
export const NOTICE_DEADLINE_RULES = [
  {
    kind: 'decision' as const,
    days: 20,
    titleFa: 'مهلت تجدیدنظرخواهی از رأی',
    titleEn: 'Time to appeal a decision',
    source:
      'قانون آیین دادرسی مدنی ۱۳۷۹، ماده ۳۳۶ (بیست روز برای مقیمان ایران؛ دو ماه برای مقیمان خارج) — Civil Procedure Code 1379, Art. 336 (20 days for residents of Iran; two months for residents abroad)',
  },
  {
    kind: 'summons' as const,
    days: null,
    titleFa: 'احضاریه: حضور در وقت رسیدگی',
    titleEn: 'Summons: appear at the hearing',
    source:
      'قانون آیین دادرسی مدنی ۱۳۷۹، مواد ۶۴ و ۶۵ (وقت رسیدگی در احضاریه) — Civil Procedure Code 1379, Arts. 64–65 (the hearing date is in the summons)',
  },
  {
    kind: 'order' as const,
    days: null,
    titleFa: 'اخطاریه / دستور دادگاه',
    titleEn: 'Court order',
    source: 'در هر دستور به تعیین دادگاه — Set by the court in each order',
  },
  {
    kind: 'notification' as const,
    days: null,
    titleFa: 'اطلاعیه',
    titleEn: 'Notification',
    source: 'مهلتی از اطلاعیه شروع نمی‌شود — No time limit runs from a notification',
  },
];
