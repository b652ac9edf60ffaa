/**
 * The 1403 (2024–25) tariff of judicial e-services offices, in Rials, as published (one copy:
 * "judicial-electronic-service-tariff-1403" on websitevakil.ir). Seeded as data, in force from
 * 1403/01/01 (2024-03-20); this file is the single source of those figures.
 */
import type { TariffLine } from './fees';

export const TARIFF_1403 = {
  code: '1403',
  titleFa: 'تعرفه خدمات دفاتر خدمات الکترونیک قضایی ۱۴۰۳',
  titleEn: 'Judicial e-services offices tariff 1403',
  effectiveFrom: '2024-03-20',
  source:
    'Tariff of judicial electronic services offices, 1403, as published (websitevakil.ir: judicial-electronic-service-tariff-1403)',
  lines: [
    { code: 'petition', titleFa: 'ثبت دادخواست', titleEn: 'Petition', amountRials: 770_000 },
    { code: 'complaint', titleFa: 'ثبت شکوائیه', titleEn: 'Criminal complaint', amountRials: 770_000 },
    { code: 'appeal', titleFa: 'ثبت دادخواست تجدیدنظر', titleEn: 'Appeal', amountRials: 770_000 },
    {
      code: 'objection',
      titleFa: 'ثبت دادخواست واخواهی',
      titleEn: 'Objection to a default judgment',
      amountRials: 770_000,
    },
    { code: 'legal-notice', titleFa: 'ثبت اظهارنامه', titleEn: 'Legal notice (declaration)', amountRials: 630_000 },
    { code: 'brief', titleFa: 'ثبت لایحه', titleEn: 'Brief', amountRials: 630_000 },
    { code: 'expert-opinion', titleFa: 'ثبت نظر کارشناسی', titleEn: 'Expert opinion', amountRials: 630_000 },
    {
      code: 'protest',
      titleFa: 'ثبت واخواست اسناد تجاری',
      titleEn: 'Protest of commercial papers',
      amountRials: 500_000,
    },
    {
      code: 'contract',
      titleFa: 'ثبت قرارداد / وکالت‌نامه',
      titleEn: 'Contract or power-of-attorney registration',
      amountRials: 500_000,
    },
    {
      code: 'sana-registration',
      titleFa: 'ثبت‌نام سامانه ثنا و شناسه قضایی',
      titleEn: 'SANA registration and judicial ID',
      amountRials: 335_000,
    },
    {
      code: 'extra-party',
      titleFa: 'هر طرف یا وکیل اضافه',
      titleEn: 'Each further party or representative',
      amountRials: 70_000,
    },
    { code: 'extra-page', titleFa: 'هر برگ پیوست اضافه', titleEn: 'Each further attachment page', amountRials: 70_000 },
    { code: 'payment', titleFa: 'پرداخت الکترونیک', titleEn: 'Electronic payment', amountRials: 75_000 },
    { code: 'follow-up', titleFa: 'پیگیری', titleEn: 'Follow-up', amountRials: 75_000 },
    { code: 'case-report', titleFa: 'گزارش وضعیت پرونده', titleEn: 'Case-status report', amountRials: 75_000 },
    { code: 'sana-edit', titleFa: 'ویرایش اطلاعات ثنا', titleEn: 'Editing SANA data', amountRials: 145_000 },
    {
      code: 'notice-page',
      titleFa: 'گشایش صفحه ابلاغ الکترونیک',
      titleEn: 'Opening the e-notice page',
      amountRials: 75_000,
    },
    { code: 'password-delivery', titleFa: 'تحویل گذرواژه', titleEn: 'Password delivery', amountRials: 55_000 },
    {
      code: 'no-criminal-record',
      titleFa: 'گواهی عدم سوءپیشینه',
      titleEn: 'No-criminal-record certificate',
      amountRials: 115_000,
    },
    {
      code: 'licence-renewal',
      titleFa: 'تمدید پروانه وکیل / کارشناس / مترجم',
      titleEn: 'Lawyer / expert / translator licence renewal',
      amountRials: 75_000,
    },
  ] satisfies TariffLine[],
};
