/**
 * The tariff revision simulator: reprices a period of recorded service volume under a revised
 * schedule and shows, per service, province and office, what citizens pay in all, what offices
 * earn, and how many offices fall below break-even. Pure: the server feeds it the monthly rollup
 * (grouped by office, service and channel), the bench checks it against a row-by-row pricing.
 *
 * Rules:
 * - A group's price = records × the channel's base fee + extra parties × the extra-party fee +
 *   extra pages × the extra-page fee (only filing services charge extras), as `quoteService` does.
 * - A service a schedule does not price keeps the other schedule's fee (so an incomplete draft
 *   does not read as a fall to zero); listed in the assumptions.
 * - Citizens' cost counts every channel; an office's revenue only what was done at the office.
 * - "Before" is the baseline schedule on the recorded volume; "after" the revised schedule on the
 *   volume after the channel moves.
 * - A move to online takes `share%` of each office's volume of the service (with its extras) out
 *   of the office and into its province's online volume, less the `lost%` who give up. A move to
 *   offices takes `share%` of each province's online volume and spreads what is not lost over the
 *   province's offices in proportion to their volume of the service (evenly when none has any).
 * - An office's cost over the period = monthly cost (province defaults, its operators on record
 *   or the default number) × months; it is viable when its revenue covers that cost.
 */
import {
  channelFee,
  EXTRA_PAGE_LINE,
  EXTRA_PARTY_LINE,
  isFilingService,
  type Channel,
  type TariffLine,
  type TariffSchedule,
} from './fees';
import { monthlyCost, type OfficeCostDefaults } from './office-costs';
import { formatPersianNumber, toPersianDigits } from './persian-digits';

/** Recorded volume of one office (0: online, no office), service and channel over the period. */
export interface VolumeGroup {
  officeId: number;
  provinceId: number;
  service: string;
  channel: Channel;
  records: number;
  extraParties: number;
  extraPages: number;
}

export interface SimOffice {
  id: number;
  provinceId: number;
  /** Operators on record (active contracts); null or 0: the province's default number. */
  operators: number | null;
}

export interface ChannelMove {
  service: string;
  to: Channel;
  sharePercent: number;
  lostPercent: number;
}

export interface SimulationInput {
  volumes: readonly VolumeGroup[];
  baseline: TariffSchedule;
  schedule: TariffSchedule;
  /** Offices in scope (offices with volume that are missing are added with the default operators). */
  offices: readonly SimOffice[];
  costs: ReadonlyMap<number, OfficeCostDefaults>;
  /** Length of the period in months. */
  months: number;
  moves?: readonly ChannelMove[];
}

interface ServiceOutcome {
  service: string;
  records: number;
  officeRecords: number;
  onlineRecords: number;
  citizenCostBeforeRials: number;
  citizenCostAfterRials: number;
  citizenCostChangeRials: number;
  changePercent: number | null;
  unitBeforeRials: number | null;
  unitAfterRials: number | null;
}

interface ProvinceOutcome {
  provinceId: number;
  offices: number;
  records: number;
  citizenCostBeforeRials: number;
  citizenCostAfterRials: number;
  officeRevenueBeforeRials: number;
  officeRevenueAfterRials: number;
  belowBreakEvenBefore: number;
  belowBreakEvenAfter: number;
}

interface OfficeOutcome {
  officeId: number;
  provinceId: number;
  records: number;
  revenueBeforeRials: number;
  revenueAfterRials: number;
  revenueChangeRials: number;
  costRials: number;
  operators: number;
  viableBefore: boolean;
  viableAfter: boolean;
}

export interface SimulationOutcome {
  totals: {
    records: number;
    offices: number;
    citizenCostBeforeRials: number;
    citizenCostAfterRials: number;
    officeRevenueBeforeRials: number;
    officeRevenueAfterRials: number;
    belowBreakEvenBefore: number;
    belowBreakEvenAfter: number;
  };
  /** Largest citizens' cost first. */
  services: ServiceOutcome[];
  /** By province id. */
  provinces: ProvinceOutcome[];
  /** Worst revenue change first. */
  offices: OfficeOutcome[];
  /** Services one schedule does not price, priced from the other. */
  unpricedIn: { baseline: string[]; schedule: string[] };
}

/** The fees a group is priced with: base fee per channel and the two extras. */
interface Prices {
  office: number;
  online: number;
  party: number;
  page: number;
}

export function pricesFor(
  schedule: TariffSchedule,
  fallback: TariffSchedule,
  service: string,
): { prices: Prices; unpriced: boolean } {
  const own = new Map(schedule.lines.map((l) => [l.code, l]));
  const other = new Map(fallback.lines.map((l) => [l.code, l]));
  const base: TariffLine | undefined = own.get(service) ?? other.get(service);
  const extras = isFilingService(service);
  const extra = (code: string) => (extras ? ((own.get(code) ?? other.get(code))?.amountRials ?? 0) : 0);
  return {
    prices: {
      office: base?.amountRials ?? 0,
      online: base ? channelFee(base, 'online') : 0,
      party: extra(EXTRA_PARTY_LINE),
      page: extra(EXTRA_PAGE_LINE),
    },
    unpriced: !own.has(service),
  };
}

export function priceGroup(
  p: Prices,
  g: Pick<VolumeGroup, 'channel' | 'records' | 'extraParties' | 'extraPages'>,
): number {
  return g.records * (g.channel === 'online' ? p.online : p.office) + g.extraParties * p.party + g.extraPages * p.page;
}

interface Flow {
  officeId: number;
  provinceId: number;
  service: string;
  channel: Channel;
  records: number;
  extraParties: number;
  extraPages: number;
}

const key = (g: Pick<Flow, 'officeId' | 'provinceId' | 'service' | 'channel'>) =>
  `${g.officeId}|${g.provinceId}|${g.service}|${g.channel}`;

/** The volume after the channel moves (fractional records: shares of groups). */
export function applyMoves(
  volumes: readonly VolumeGroup[],
  moves: readonly ChannelMove[],
  offices: readonly SimOffice[],
): Flow[] {
  const flows = new Map<string, Flow>();
  for (const v of volumes) {
    const k = key(v);
    const f = flows.get(k);
    if (f) {
      f.records += v.records;
      f.extraParties += v.extraParties;
      f.extraPages += v.extraPages;
    } else flows.set(k, { ...v });
  }
  const officesOf = new Map<number, number[]>();
  for (const o of offices) {
    const ids = officesOf.get(o.provinceId);
    if (ids) ids.push(o.id);
    else officesOf.set(o.provinceId, [o.id]);
  }
  const add = (
    g: Omit<Flow, 'records' | 'extraParties' | 'extraPages'>,
    records: number,
    parties: number,
    pages: number,
  ) => {
    const k = key(g);
    const f = flows.get(k);
    if (f) {
      f.records += records;
      f.extraParties += parties;
      f.extraPages += pages;
    } else flows.set(k, { ...g, records, extraParties: parties, extraPages: pages });
  };

  // Each move in place: the groups it moves from keep their remaining share, then what leaves them
  // is added where it goes. Where it goes is weighed by the groups as they stood before the move.
  for (const move of moves) {
    const share = move.sharePercent / 100;
    if (share === 0) continue;
    const kept = 1 - move.lostPercent / 100;
    const from: Channel = move.to === 'online' ? 'office' : 'online';
    const leaving: Flow[] = [];
    for (const f of flows.values()) {
      if (f.service !== move.service || f.channel !== from) continue;
      leaving.push({
        ...f,
        records: f.records * share * kept,
        extraParties: f.extraParties * share * kept,
        extraPages: f.extraPages * share * kept,
      });
      f.records *= 1 - share;
      f.extraParties *= 1 - share;
      f.extraPages *= 1 - share;
    }
    const arriving: [Omit<Flow, 'records' | 'extraParties' | 'extraPages'>, number, number, number][] = [];
    for (const l of leaving) {
      if (move.to === 'online') {
        arriving.push([
          { officeId: 0, provinceId: l.provinceId, service: l.service, channel: 'online' },
          l.records,
          l.extraParties,
          l.extraPages,
        ]);
        continue;
      }
      const ids = officesOf.get(l.provinceId) ?? [];
      if (ids.length === 0) {
        arriving.push([l, l.records, l.extraParties, l.extraPages]);
        continue;
      }
      // To offices: shared among the province's offices by their own volume of the service (evenly when none).
      const weights = ids.map(
        (id) =>
          flows.get(key({ officeId: id, provinceId: l.provinceId, service: l.service, channel: 'office' }))?.records ??
          0,
      );
      const sum = weights.reduce((a, b) => a + b, 0);
      ids.forEach((id, i) => {
        const w = sum > 0 ? weights[i] / sum : 1 / ids.length;
        if (w > 0)
          arriving.push([
            { officeId: id, provinceId: l.provinceId, service: l.service, channel: 'office' },
            l.records * w,
            l.extraParties * w,
            l.extraPages * w,
          ]);
      });
    }
    for (const [g, records, parties, pages] of arriving) add(g, records, parties, pages);
  }
  return [...flows.values()];
}

export function simulateTariff(input: SimulationInput): SimulationOutcome {
  const { baseline, schedule } = input;
  const priceCache = new Map<string, { before: Prices; after: Prices }>();
  const unpriced = { baseline: new Set<string>(), schedule: new Set<string>() };
  const prices = (service: string) => {
    let p = priceCache.get(service);
    if (!p) {
      const b = pricesFor(baseline, schedule, service);
      const a = pricesFor(schedule, baseline, service);
      if (b.unpriced) unpriced.baseline.add(service);
      if (a.unpriced) unpriced.schedule.add(service);
      p = { before: b.prices, after: a.prices };
      priceCache.set(service, p);
    }
    return p;
  };

  const offices = new Map<number, SimOffice>(input.offices.map((o) => [o.id, o]));
  for (const v of input.volumes) {
    if (v.officeId !== 0 && !offices.has(v.officeId))
      offices.set(v.officeId, { id: v.officeId, provinceId: v.provinceId, operators: null });
  }

  type Acc = { records: number; office: number; online: number; before: number; after: number };
  const services = new Map<string, Acc>();
  const provinces = new Map<
    number,
    { records: number; costBefore: number; costAfter: number; revBefore: number; revAfter: number }
  >();
  const officeAcc = new Map<number, { records: number; before: number; after: number }>();
  const province = (id: number) => {
    let p = provinces.get(id);
    if (!p) provinces.set(id, (p = { records: 0, costBefore: 0, costAfter: 0, revBefore: 0, revAfter: 0 }));
    return p;
  };
  const officeOf = (id: number) => {
    let o = officeAcc.get(id);
    if (!o) officeAcc.set(id, (o = { records: 0, before: 0, after: 0 }));
    return o;
  };
  const serviceOf = (code: string) => {
    let s = services.get(code);
    if (!s) services.set(code, (s = { records: 0, office: 0, online: 0, before: 0, after: 0 }));
    return s;
  };
  for (const o of offices.values()) {
    officeOf(o.id);
    province(o.provinceId);
  }

  for (const v of input.volumes) {
    const amount = priceGroup(prices(v.service).before, v);
    const s = serviceOf(v.service);
    s.records += v.records;
    s[v.channel] += v.records;
    s.before += amount;
    const p = province(v.provinceId);
    p.records += v.records;
    p.costBefore += amount;
    if (v.channel === 'office' && v.officeId !== 0) {
      p.revBefore += amount;
      const o = officeOf(v.officeId);
      o.records += v.records;
      o.before += amount;
    }
  }
  for (const f of applyMoves(input.volumes, input.moves ?? [], [...offices.values()])) {
    const amount = priceGroup(prices(f.service).after, f);
    serviceOf(f.service).after += amount;
    const p = province(f.provinceId);
    p.costAfter += amount;
    if (f.channel === 'office' && f.officeId !== 0) {
      p.revAfter += amount;
      officeOf(f.officeId).after += amount;
    }
  }

  const officeOutcomes: OfficeOutcome[] = [];
  for (const o of offices.values()) {
    const acc = officeOf(o.id);
    const defaults = input.costs.get(o.provinceId);
    const operators = o.operators != null && o.operators > 0 ? o.operators : (defaults?.operatorsPerOffice ?? 0);
    const costRials = defaults ? monthlyCost(defaults, operators) * input.months : 0;
    const revenueBeforeRials = Math.round(acc.before);
    const revenueAfterRials = Math.round(acc.after);
    officeOutcomes.push({
      officeId: o.id,
      provinceId: o.provinceId,
      records: Math.round(acc.records),
      revenueBeforeRials,
      revenueAfterRials,
      revenueChangeRials: revenueAfterRials - revenueBeforeRials,
      costRials,
      operators,
      viableBefore: revenueBeforeRials >= costRials,
      viableAfter: revenueAfterRials >= costRials,
    });
  }
  officeOutcomes.sort((a, b) => a.revenueChangeRials - b.revenueChangeRials || a.officeId - b.officeId);

  const provinceOutcomes: ProvinceOutcome[] = [...provinces.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([id, p]) => {
      const mine = officeOutcomes.filter((o) => o.provinceId === id);
      return {
        provinceId: id,
        offices: mine.length,
        records: Math.round(p.records),
        citizenCostBeforeRials: Math.round(p.costBefore),
        citizenCostAfterRials: Math.round(p.costAfter),
        officeRevenueBeforeRials: Math.round(p.revBefore),
        officeRevenueAfterRials: Math.round(p.revAfter),
        belowBreakEvenBefore: mine.filter((o) => !o.viableBefore).length,
        belowBreakEvenAfter: mine.filter((o) => !o.viableAfter).length,
      };
    });

  const unit = (s: TariffSchedule, code: string) => s.lines.find((l) => l.code === code)?.amountRials ?? null;
  const serviceOutcomes: ServiceOutcome[] = [...services.entries()]
    .map(([code, s]) => {
      const before = Math.round(s.before),
        after = Math.round(s.after);
      return {
        service: code,
        records: Math.round(s.records),
        officeRecords: Math.round(s.office),
        onlineRecords: Math.round(s.online),
        citizenCostBeforeRials: before,
        citizenCostAfterRials: after,
        citizenCostChangeRials: after - before,
        changePercent: before > 0 ? Math.round(((after - before) / before) * 1000) / 10 : null,
        unitBeforeRials: unit(baseline, code),
        unitAfterRials: unit(schedule, code),
      };
    })
    .sort((a, b) => b.citizenCostBeforeRials - a.citizenCostBeforeRials || a.service.localeCompare(b.service));

  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);
  return {
    totals: {
      records: sum(serviceOutcomes, (s) => s.records),
      offices: officeOutcomes.length,
      citizenCostBeforeRials: sum(serviceOutcomes, (s) => s.citizenCostBeforeRials),
      citizenCostAfterRials: sum(serviceOutcomes, (s) => s.citizenCostAfterRials),
      officeRevenueBeforeRials: sum(officeOutcomes, (o) => o.revenueBeforeRials),
      officeRevenueAfterRials: sum(officeOutcomes, (o) => o.revenueAfterRials),
      belowBreakEvenBefore: officeOutcomes.filter((o) => !o.viableBefore).length,
      belowBreakEvenAfter: officeOutcomes.filter((o) => !o.viableAfter).length,
    },
    services: serviceOutcomes,
    provinces: provinceOutcomes,
    offices: officeOutcomes,
    unpricedIn: { baseline: [...unpriced.baseline].sort(), schedule: [...unpriced.schedule].sort() },
  };
}

export interface Assumption {
  key: string;
  fa: string;
  en: string;
}

/**
 * What the figures rest on, in words, shown beside the results: the period, the cost model of
 * the provinces in scope (ranges when they differ), each channel move, and unpriced services.
 */
export function simulationAssumptions(a: {
  fromMonthFa: string;
  toMonthFa: string;
  fromMonthEn: string;
  toMonthEn: string;
  months: number;
  costs: readonly OfficeCostDefaults[];
  moves: readonly (ChannelMove & { titleFa: string; titleEn: string })[];
  unpricedIn: SimulationOutcome['unpricedIn'];
}): Assumption[] {
  const fa = (n: number) => formatPersianNumber(n);
  const en = (n: number) => n.toLocaleString('en-US');
  const range = (values: number[], f: (n: number) => string, sep: string) => {
    const lo = Math.min(...values),
      hi = Math.max(...values);
    return lo === hi ? f(lo) : `${f(lo)}${sep}${f(hi)}`;
  };
  const out: Assumption[] = [
    {
      key: 'period',
      fa: `حجم خدمات ثبت‌شده از ${a.fromMonthFa} تا ${a.toMonthFa} (${toPersianDigits(a.months)} ماه)؛ پیش از بازنگری با تعرفهٔ مبنا و پس از آن با تعرفهٔ پیشنهادی قیمت‌گذاری شده است.`,
      en: `Recorded service volume from ${a.fromMonthEn} to ${a.toMonthEn} (${a.months} months), priced with the baseline schedule before and the proposed schedule after.`,
    },
  ];
  if (a.costs.length > 0) {
    const wages = a.costs.map((c) => c.operatorWageRials),
      ins = a.costs.map((c) => c.insurancePercent),
      ops = a.costs.map((c) => c.operatorsPerOffice);
    const rent = a.costs.map((c) => c.rentRials),
      other = a.costs.map((c) => c.otherRials);
    out.push(
      {
        key: 'wage',
        fa: `دستمزد ناخالص هر متصدی در ماه: ${range(wages, fa, ' تا ')} ریال (مدل هزینهٔ دفاتر، برآورد قابل ویرایش).`,
        en: `Gross monthly wage per operator: ${range(wages, en, '–')} Rials (office cost model, an editable estimate).`,
      },
      {
        key: 'insurance',
        fa: `سهم کارفرما از حق بیمهٔ تأمین اجتماعی: ${range(ins, (n) => toPersianDigits(n), ' تا ')} درصد دستمزد.`,
        en: `Employer's social-security share: ${range(ins, String, '–')}% of wages.`,
      },
      {
        key: 'operators',
        fa: `تعداد متصدیان: بر پایهٔ قراردادهای کار جاری هر دفتر؛ برای دفتری که متصدی ثبت‌شده ندارد ${range(ops, (n) => toPersianDigits(n), ' تا ')} نفر.`,
        en: `Operators: each office's current employment contracts; ${range(ops, String, '–')} for an office with none on record.`,
      },
      {
        key: 'rent',
        fa: `اجاره و سایر هزینه‌ها در ماه: اجاره ${range(rent, fa, ' تا ')} ریال و سایر ${range(other, fa, ' تا ')} ریال بر حسب استان.`,
        en: `Monthly rent ${range(rent, en, '–')} Rials and other costs ${range(other, en, '–')} Rials, by province.`,
      },
      {
        key: 'break-even',
        fa: 'نقطهٔ سر به سر: درآمد دفتر از خدمات حضوری در دوره، دست‌کم برابر هزینه‌های جاری همان دوره.',
        en: "Break-even: an office's revenue from services at the office over the period at least equals its running costs for the period.",
      },
    );
  }
  a.moves.forEach((m, i) => {
    const share = toPersianDigits(m.sharePercent),
      lost = toPersianDigits(m.lostPercent);
    out.push(
      m.to === 'online'
        ? {
            key: `move-${i + 1}`,
            fa: `انتقال ${share} درصد از «${m.titleFa}» از دفاتر به خدمت برخط؛ ${lost} درصد این حجم از دست می‌رود.`,
            en: `${m.sharePercent}% of "${m.titleEn}" moves from offices to online self-service; ${m.lostPercent}% of it is lost.`,
          }
        : {
            key: `move-${i + 1}`,
            fa: `انتقال ${share} درصد از «${m.titleFa}» از خدمت برخط به دفاتر استان به نسبت حجم فعلی هر دفتر؛ ${lost} درصد این حجم از دست می‌رود.`,
            en: `${m.sharePercent}% of "${m.titleEn}" moves from online to the province's offices, in proportion to each office's current volume; ${m.lostPercent}% of it is lost.`,
          },
    );
  });
  if (a.unpricedIn.schedule.length) {
    out.push({
      key: 'unpriced',
      fa: `خدماتی که تعرفهٔ پیشنهادی قیمتی برایشان ندارد با قیمت تعرفهٔ مبنا حساب شده‌اند: ${a.unpricedIn.schedule.join('، ')}.`,
      en: `Services the proposed schedule does not price are counted at the baseline fee: ${a.unpricedIn.schedule.join(', ')}.`,
    });
  }
  return out;
}
