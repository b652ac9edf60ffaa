/**
 * Iran's 31 provinces with their capitals: names, 2016 census population (Statistical Centre of
 * Iran, rounded as published) and the capital's coordinates. Counties and the full city list ship
 * with the geography area; this is the minimum every other area needs.
 */
export interface ProvinceSeed {
  id: number; code: string; fa: string; en: string; population: number;
  capital: { fa: string; en: string; lat: number; lon: number; population: number };
}

export const PROVINCES: ProvinceSeed[] = [
  { id: 1, code: 'THR', fa: 'تهران', en: 'Tehran', population: 13267637, capital: { fa: 'تهران', en: 'Tehran', lat: 35.6892, lon: 51.389, population: 8693706 } },
  { id: 2, code: 'KHR', fa: 'خراسان رضوی', en: 'Razavi Khorasan', population: 6434501, capital: { fa: 'مشهد', en: 'Mashhad', lat: 36.2605, lon: 59.6168, population: 3001184 } },
  { id: 3, code: 'ESF', fa: 'اصفهان', en: 'Isfahan', population: 5120850, capital: { fa: 'اصفهان', en: 'Isfahan', lat: 32.6546, lon: 51.668, population: 1961260 } },
  { id: 4, code: 'FAR', fa: 'فارس', en: 'Fars', population: 4851274, capital: { fa: 'شیراز', en: 'Shiraz', lat: 29.5918, lon: 52.5837, population: 1565572 } },
  { id: 5, code: 'KHZ', fa: 'خوزستان', en: 'Khuzestan', population: 4710509, capital: { fa: 'اهواز', en: 'Ahvaz', lat: 31.3183, lon: 48.6706, population: 1184788 } },
  { id: 6, code: 'EAZ', fa: 'آذربایجان شرقی', en: 'East Azerbaijan', population: 3909652, capital: { fa: 'تبریز', en: 'Tabriz', lat: 38.0962, lon: 46.2738, population: 1558693 } },
  { id: 7, code: 'MZN', fa: 'مازندران', en: 'Mazandaran', population: 3283582, capital: { fa: 'ساری', en: 'Sari', lat: 36.5633, lon: 53.0601, population: 309820 } },
  { id: 8, code: 'WAZ', fa: 'آذربایجان غربی', en: 'West Azerbaijan', population: 3265219, capital: { fa: 'ارومیه', en: 'Urmia', lat: 37.5527, lon: 45.0761, population: 736224 } },
  { id: 9, code: 'KRN', fa: 'کرمان', en: 'Kerman', population: 3164718, capital: { fa: 'کرمان', en: 'Kerman', lat: 30.2839, lon: 57.0834, population: 537718 } },
  { id: 10, code: 'SBN', fa: 'سیستان و بلوچستان', en: 'Sistan and Baluchestan', population: 2775014, capital: { fa: 'زاهدان', en: 'Zahedan', lat: 29.4963, lon: 60.8629, population: 587730 } },
  { id: 11, code: 'ALB', fa: 'البرز', en: 'Alborz', population: 2712400, capital: { fa: 'کرج', en: 'Karaj', lat: 35.84, lon: 50.9391, population: 1592492 } },
  { id: 12, code: 'GIL', fa: 'گیلان', en: 'Gilan', population: 2530696, capital: { fa: 'رشت', en: 'Rasht', lat: 37.2808, lon: 49.5832, population: 679995 } },
  { id: 13, code: 'KSH', fa: 'کرمانشاه', en: 'Kermanshah', population: 1952434, capital: { fa: 'کرمانشاه', en: 'Kermanshah', lat: 34.3142, lon: 47.065, population: 946651 } },
  { id: 14, code: 'GLS', fa: 'گلستان', en: 'Golestan', population: 1868819, capital: { fa: 'گرگان', en: 'Gorgan', lat: 36.8456, lon: 54.4393, population: 350676 } },
  { id: 15, code: 'LRS', fa: 'لرستان', en: 'Lorestan', population: 1760649, capital: { fa: 'خرم‌آباد', en: 'Khorramabad', lat: 33.4878, lon: 48.3558, population: 373416 } },
  { id: 16, code: 'HMD', fa: 'همدان', en: 'Hamadan', population: 1738234, capital: { fa: 'همدان', en: 'Hamadan', lat: 34.7992, lon: 48.5146, population: 554406 } },
  { id: 17, code: 'KRD', fa: 'کردستان', en: 'Kurdistan', population: 1603011, capital: { fa: 'سنندج', en: 'Sanandaj', lat: 35.3219, lon: 46.9862, population: 412767 } },
  { id: 18, code: 'HRZ', fa: 'هرمزگان', en: 'Hormozgan', population: 1776415, capital: { fa: 'بندرعباس', en: 'Bandar Abbas', lat: 27.1832, lon: 56.2666, population: 526648 } },
  { id: 19, code: 'MRK', fa: 'مرکزی', en: 'Markazi', population: 1429475, capital: { fa: 'اراک', en: 'Arak', lat: 34.0917, lon: 49.6892, population: 520944 } },
  { id: 20, code: 'ARD', fa: 'اردبیل', en: 'Ardabil', population: 1270420, capital: { fa: 'اردبیل', en: 'Ardabil', lat: 38.2498, lon: 48.2933, population: 529374 } },
  { id: 21, code: 'QZV', fa: 'قزوین', en: 'Qazvin', population: 1273761, capital: { fa: 'قزوین', en: 'Qazvin', lat: 36.2688, lon: 50.0041, population: 402748 } },
  { id: 22, code: 'QOM', fa: 'قم', en: 'Qom', population: 1292283, capital: { fa: 'قم', en: 'Qom', lat: 34.6416, lon: 50.8746, population: 1201158 } },
  { id: 23, code: 'YZD', fa: 'یزد', en: 'Yazd', population: 1138533, capital: { fa: 'یزد', en: 'Yazd', lat: 31.8974, lon: 54.3569, population: 529673 } },
  { id: 24, code: 'ZNJ', fa: 'زنجان', en: 'Zanjan', population: 1057461, capital: { fa: 'زنجان', en: 'Zanjan', lat: 36.6736, lon: 48.4787, population: 430871 } },
  { id: 25, code: 'BSH', fa: 'بوشهر', en: 'Bushehr', population: 1163400, capital: { fa: 'بوشهر', en: 'Bushehr', lat: 28.9234, lon: 50.8203, population: 223504 } },
  { id: 26, code: 'CHB', fa: 'چهارمحال و بختیاری', en: 'Chaharmahal and Bakhtiari', population: 947763, capital: { fa: 'شهرکرد', en: 'Shahrekord', lat: 32.3256, lon: 50.8644, population: 190441 } },
  { id: 27, code: 'NKH', fa: 'خراسان شمالی', en: 'North Khorasan', population: 863092, capital: { fa: 'بجنورد', en: 'Bojnurd', lat: 37.4747, lon: 57.329, population: 228931 } },
  { id: 28, code: 'KBA', fa: 'کهگیلویه و بویراحمد', en: 'Kohgiluyeh and Boyer-Ahmad', population: 713052, capital: { fa: 'یاسوج', en: 'Yasuj', lat: 30.6682, lon: 51.588, population: 134532 } },
  { id: 29, code: 'SKH', fa: 'خراسان جنوبی', en: 'South Khorasan', population: 768898, capital: { fa: 'بیرجند', en: 'Birjand', lat: 32.8649, lon: 59.2262, population: 203636 } },
  { id: 30, code: 'SMN', fa: 'سمنان', en: 'Semnan', population: 702360, capital: { fa: 'سمنان', en: 'Semnan', lat: 35.5729, lon: 53.3971, population: 185129 } },
  { id: 31, code: 'ILM', fa: 'ایلام', en: 'Ilam', population: 580158, capital: { fa: 'ایلام', en: 'Ilam', lat: 33.6374, lon: 46.4227, population: 194030 } },
];

/** The capital's city id: stable, so generated data and fixtures can refer to it. */
export const capitalCityId = (provinceId: number) => provinceId * 1000 + 1;
