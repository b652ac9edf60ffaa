/**
 * The demo dataset's people and places: its offices, courts, one staff account per role, citizens,
 * and the staff password. The demo's loaders (demo.ts, demo-network.ts, demo-volume.ts) and the
 * tests read them from here, so no loader imports another for its data.
 */
import type { roleGrants } from '#server/modules/identity/tables';

export const DEMO_PASSWORD = 'Daftar-1403';

export const DEMO_OFFICES = [
  {
    id: 1,
    code: '11001',
    nameFa: 'دفتر خدمات الکترونیک قضایی ۱۱۰۰۱ — ونک',
    nameEn: 'Judicial e-services office 11001 — Vanak',
    provinceId: 1,
    address: 'تهران، میدان ونک، خیابان ملاصدرا، پلاک ۱۲',
    phone: '021-88001100',
    lat: 35.7575,
    lon: 51.41,
  },
  {
    id: 2,
    code: '11002',
    nameFa: 'دفتر خدمات الکترونیک قضایی ۱۱۰۰۲ — نارمک',
    nameEn: 'Judicial e-services office 11002 — Narmak',
    provinceId: 1,
    address: 'تهران، نارمک، میدان هفت‌حوض، پلاک ۳',
    phone: '021-77001200',
    lat: 35.7404,
    lon: 51.503,
  },
  {
    id: 3,
    code: '11003',
    nameFa: 'دفتر خدمات الکترونیک قضایی ۱۱۰۰۳ — شهرری',
    nameEn: 'Judicial e-services office 11003 — Shahr-e Rey',
    provinceId: 1,
    address: 'تهران، شهرری، خیابان فداییان اسلام، پلاک ۴۰',
    phone: '021-55901300',
    lat: 35.595,
    lon: 51.435,
  },
  {
    id: 4,
    code: '13001',
    nameFa: 'دفتر خدمات الکترونیک قضایی ۱۳۰۰۱ — چهارباغ',
    nameEn: 'Judicial e-services office 13001 — Chaharbagh',
    provinceId: 3,
    address: 'اصفهان، خیابان چهارباغ عباسی، پلاک ۸۸',
    phone: '031-32201400',
    lat: 32.65,
    lon: 51.67,
  },
  {
    id: 5,
    code: '13002',
    nameFa: 'دفتر خدمات الکترونیک قضایی ۱۳۰۰۲ — سپاهان‌شهر',
    nameEn: 'Judicial e-services office 13002 — Sepahanshahr',
    provinceId: 3,
    address: 'اصفهان، سپاهان‌شهر، بلوار غدیر، پلاک ۷',
    phone: '031-36501500',
    lat: 32.59,
    lon: 51.65,
  },
  {
    id: 6,
    code: '14001',
    nameFa: 'دفتر خدمات الکترونیک قضایی ۱۴۰۰۱ — زند',
    nameEn: 'Judicial e-services office 14001 — Zand',
    provinceId: 4,
    address: 'شیراز، خیابان زند، پلاک ۲۱۰',
    phone: '071-32301600',
    lat: 29.61,
    lon: 52.54,
  },
  {
    id: 7,
    code: '12001',
    nameFa: 'دفتر خدمات الکترونیک قضایی ۱۲۰۰۱ — احمدآباد',
    nameEn: 'Judicial e-services office 12001 — Ahmadabad',
    provinceId: 2,
    address: 'مشهد، خیابان احمدآباد، پلاک ۵۵',
    phone: '051-38401700',
    lat: 36.3,
    lon: 59.58,
  },
];

export const DEMO_COURTS = [
  {
    id: 1,
    code: 'THR-GEN-01',
    nameFa: 'مجتمع قضایی شهید بهشتی تهران',
    nameEn: 'Shahid Beheshti Judicial Complex, Tehran',
    kind: 'general' as const,
    provinceId: 1,
    branches: 12,
    address: 'تهران، خیابان شهید بهشتی، مجتمع قضایی شهید بهشتی',
  },
  {
    id: 2,
    code: 'THR-FAM-01',
    nameFa: 'مجتمع قضایی خانواده ونک',
    nameEn: 'Vanak Family Court Complex',
    kind: 'family' as const,
    provinceId: 1,
    branches: 6,
    address: 'تهران، ونک، خیابان ملاصدرا، مجتمع قضایی خانواده',
  },
  {
    id: 3,
    code: 'ESF-GEN-01',
    nameFa: 'مجتمع قضایی شهید قدوسی اصفهان',
    nameEn: 'Shahid Ghoddousi Judicial Complex, Isfahan',
    kind: 'general' as const,
    provinceId: 3,
    branches: 8,
    address: 'اصفهان، خیابان شهید قدوسی، مجتمع قضایی شهید قدوسی',
  },
];

type Grant = {
  role: (typeof roleGrants.$inferInsert)['role'];
  scopeKind: (typeof roleGrants.$inferInsert)['scopeKind'];
  provinceId?: number;
  officeId?: number;
  courtId?: number;
};

/** One account per role, each with a scope a newcomer can recognise. */
export const DEMO_STAFF: {
  username: string;
  firstName: string;
  lastName: string;
  nationalId: string;
  mobile: string;
  grant: Grant;
  purpose: string;
}[] = [
  {
    username: 'regulator',
    firstName: 'مهدی',
    lastName: 'رضایی',
    nationalId: '0012345679',
    mobile: '09121000001',
    grant: { role: 'regulator_admin', scopeKind: 'nation' },
    purpose: 'Regulator (Statistics & IT Center), nationwide',
  },
  {
    username: 'association',
    firstName: 'زهرا',
    lastName: 'کریمی',
    nationalId: '0023456787',
    mobile: '09121000002',
    grant: { role: 'association_admin', scopeKind: 'nation' },
    purpose: 'Association admin, nationwide',
  },
  {
    username: 'association.tehran',
    firstName: 'علی',
    lastName: 'محمدی',
    nationalId: '0034567895',
    mobile: '09121000003',
    grant: { role: 'association_admin', scopeKind: 'province', provinceId: 1 },
    purpose: 'Association admin, Tehran province',
  },
  {
    username: 'association.isfahan',
    firstName: 'مریم',
    lastName: 'احمدی',
    nationalId: '1270000012',
    mobile: '09131000004',
    grant: { role: 'association_admin', scopeKind: 'province', provinceId: 3 },
    purpose: 'Association admin, Isfahan province',
  },
  {
    username: 'manager.11001',
    firstName: 'حسین',
    lastName: 'نوری',
    nationalId: '0045678901',
    mobile: '09121000005',
    grant: { role: 'office_manager', scopeKind: 'office', officeId: 1, provinceId: 1 },
    purpose: 'Office manager, office 11001 (Tehran)',
  },
  {
    username: 'operator.11001',
    firstName: 'سارا',
    lastName: 'حسینی',
    nationalId: '0056789017',
    mobile: '09121000006',
    grant: { role: 'operator', scopeKind: 'office', officeId: 1, provinceId: 1 },
    purpose: 'Operator, office 11001 (Tehran)',
  },
  {
    username: 'manager.11002',
    firstName: 'رضا',
    lastName: 'جعفری',
    nationalId: '0067890121',
    mobile: '09121000007',
    grant: { role: 'office_manager', scopeKind: 'office', officeId: 2, provinceId: 1 },
    purpose: 'Office manager, office 11002 (Tehran)',
  },
  {
    username: 'operator.13001',
    firstName: 'فاطمه',
    lastName: 'موسوی',
    nationalId: '1270000020',
    mobile: '09131000008',
    grant: { role: 'operator', scopeKind: 'office', officeId: 4, provinceId: 3 },
    purpose: 'Operator, office 13001 (Isfahan)',
  },
  {
    username: 'manager.13001',
    firstName: 'محمد',
    lastName: 'صادقی',
    nationalId: '1270000039',
    mobile: '09131000009',
    grant: { role: 'office_manager', scopeKind: 'office', officeId: 4, provinceId: 3 },
    purpose: 'Office manager, office 13001 (Isfahan)',
  },
  {
    username: 'clerk.tehran',
    firstName: 'نرگس',
    lastName: 'رحیمی',
    nationalId: '0078901235',
    mobile: '09121000010',
    grant: { role: 'court_clerk', scopeKind: 'court', courtId: 1, provinceId: 1 },
    purpose: 'Court clerk, Shahid Beheshti complex (Tehran)',
  },
  {
    username: 'judge.tehran',
    firstName: 'احمد',
    lastName: 'قاسمی',
    nationalId: '0089012348',
    mobile: '09121000011',
    grant: { role: 'judge', scopeKind: 'court', courtId: 1, provinceId: 1 },
    purpose: 'Judge, Shahid Beheshti complex (Tehran)',
  },
  {
    username: 'clerk.isfahan',
    firstName: 'لیلا',
    lastName: 'باقری',
    nationalId: '1270000047',
    mobile: '09131000012',
    grant: { role: 'court_clerk', scopeKind: 'court', courtId: 3, provinceId: 3 },
    purpose: 'Court clerk, Ghoddousi complex (Isfahan)',
  },
  {
    username: 'consultant.11001',
    firstName: 'کاوه',
    lastName: 'شریفی',
    nationalId: '0090123451',
    mobile: '09121000013',
    grant: { role: 'consultant', scopeKind: 'office', officeId: 1, provinceId: 1 },
    purpose: 'Legal consultant at office 11001',
  },
  {
    username: 'arbitrator.tehran',
    firstName: 'پروین',
    lastName: 'اکبری',
    nationalId: '0101234562',
    mobile: '09121000014',
    grant: { role: 'arbitrator', scopeKind: 'province', provinceId: 1 },
    purpose: 'Arbitrator registered in Tehran',
  },
  {
    username: 'inspector.tehran',
    firstName: 'بهرام',
    lastName: 'یوسفی',
    nationalId: '0112345670',
    mobile: '09121000015',
    grant: { role: 'inspector', scopeKind: 'province', provinceId: 1 },
    purpose: 'Inspector, Tehran province',
  },
];

export const DEMO_CITIZENS = [
  {
    id: 1,
    nationalId: '0499370899',
    firstName: 'امیر',
    lastName: 'تهرانی',
    fatherName: 'حسن',
    birthDate: '1985-06-12',
    mobile: '09120000001',
    provinceId: 1,
  },
  {
    id: 2,
    nationalId: '1290000018',
    firstName: 'نازنین',
    lastName: 'اصفهانی',
    fatherName: 'جواد',
    birthDate: '1992-01-30',
    mobile: '09130000002',
    provinceId: 3,
  },
  {
    id: 3,
    nationalId: '2280000016',
    firstName: 'سعید',
    lastName: 'شیرازی',
    fatherName: 'کریم',
    birthDate: '1978-10-03',
    mobile: '09170000003',
    provinceId: 4,
  },
];
