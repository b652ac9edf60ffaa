/** Authorization matrix rows of the offices operations (see ../matrix.int.test.ts for how cells are read). */
import { nationalId } from '../../support/fixtures';
import { D, F, N, ok, PUBLIC, U, type MatrixContext, op, type Operation } from '../kit';

export function officeRows(ctx: MatrixContext): Record<string, Operation> {
  const q = <R>(text: string, values?: unknown[]) => ctx.t.query<R>(text, values);
  let serial = 0;
  const tehranCity = async () =>
    Number((await q<{ id: number }>('select id from cities where province_id = 1 order by id limit 1'))[0].id);

  /** A Tehran office of its own for one cell, so one cell's decision never changes another's (or the demo offices others rely on). */
  async function freshOffice(): Promise<number> {
    serial += 1;
    const [row] = await q<{ id: number }>(
      `insert into offices (code, name_fa, name_en, province_id, city_id, address)
      values ($1, 'دفتر ماتریس', 'Matrix office', 1, $2, 'تهران') returning id::int as id`,
      [`M-${process.pid}-${serial}`, await tehranCity()],
    );
    await q(
      "insert into office_competencies (office_id, service_code, valid_from) values ($1, 'petition', '2020-01-01')",
      [row.id],
    );
    return row.id;
  }

  /**
   * A Tehran application at a given stage, filed for a fresh founder by the demo's third citizen
   * (who is none of the matrix's actors), so nobody in the matrix reviews what they filed.
   */
  async function freshApplication(status: 'submitted' | 'recommended'): Promise<number> {
    const [filer] = await q<{ id: number }>(
      `select u.id::int as id from users u where u.kind = 'citizen' and u.mobile not in ('09120000001', '09130000002') order by u.id limit 1`,
    );
    const [row] = await q<{ id: number }>(
      `insert into office_applications (submitted_by, founder_national_id, founder_first_name, founder_last_name, founder_mobile,
      degree_level, degree_field, proposed_name_fa, province_id, city_id, address, status)
      values ($1, $2, 'بنیان', 'گذار', '09121230000', 'bachelor', 'law', 'دفتر پیشنهادی ماتریس', 1, $3, 'تهران، خیابان آزادی', $4) returning id::int as id`,
      [filer.id, nationalId(), await tehranCity(), status],
    );
    return row.id;
  }
  let sharedApplication: Promise<number> | undefined;

  const application = async (founder: boolean) => ({
    ...(founder
      ? { founder: { nationalId: nationalId(), firstName: 'نرگس', lastName: 'دادگر', mobile: '09121112233' } }
      : {}),
    degreeLevel: 'master',
    degreeField: 'law',
    university: 'دانشگاه تهران',
    graduationYear: 1395,
    experienceYears: 6,
    proposedNameFa: 'دفتر پیشنهادی',
    provinceId: 1,
    cityId: await tehranCity(),
    address: 'تهران، پونک، بلوار عدل، پلاک ۱۴',
    location: { lat: 35.76, lon: 51.33 },
    plannedCounters: 2,
    plannedHearingBooths: 0,
  });
  const profile = {
    phone: '021-88001100',
    address: 'تهران، میدان ونک، خیابان ملاصدرا، پلاک ۱۲',
    location: { lat: 35.7575, lon: 51.41 },
    openingHours: [{ day: 0, opens: '08:00', closes: '17:00' }],
    counters: 3,
    hearingBooths: 1,
  };

  return {
    [op('geo.cities')]: {
      note: "a province's cities, for the office application form",
      request: () => ({ method: 'GET', url: '/api/v1/geo/provinces/1/cities' }),
      expected: PUBLIC,
    },
    [op('offices.updateProfile')]: {
      note: "office 11001's profile: its manager, Tehran's association, the nation",
      request: () => ({ method: 'PUT', url: '/api/v1/offices/1/profile', body: profile }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, ok, D, D, D, ok, ok, D, ok, D, D, D, D, D, D],
    },
    [op('offices.history')]: {
      note: "office 11001's status history and competencies; to anyone else it does not exist",
      request: () => ({ method: 'GET', url: '/api/v1/offices/1/history' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, N, N, N, ok, N, N, N, ok, ok, N, ok, N, N, N, N, N, ok],
    },
    [op('offices.changeStatus')]: {
      note: 'suspend a Tehran office (a fresh one per actor): the regulator only',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/offices/${await freshOffice()}/status`,
        body: { status: 'suspended', reason: 'ماتریس', fromDate: '1403-01-01' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
    },
    [op('offices.grantCompetencies')]: {
      note: 'grant a service to a Tehran office (a fresh one per actor): the regulator only',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/competencies/grants',
        body: { serviceCode: 'protest', officeIds: [await freshOffice()], validFrom: '1403-01-01' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
    },
    [op('offices.changeCompetencyStatus')]: {
      note: "suspend a Tehran office's petition competency (a fresh office per actor): the regulator only",
      request: async () => ({
        method: 'POST',
        url: `/api/v1/offices/${await freshOffice()}/competencies/petition/status`,
        body: { status: 'suspended', reason: 'ماتریس' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
    },
    [op('offices.coverage')]: {
      note: 'coverage of a service per province, limited to the office or province one oversees',
      request: () => ({ method: 'GET', url: '/api/v1/competencies/coverage?serviceCode=petition' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, F],
    },
    [op('offices.apply')]: {
      note: 'apply to open an office in Tehran: a citizen for themself, an association for a founder of its province',
      request: async (actor) => ({
        method: 'POST',
        url: '/api/v1/office-applications',
        body: await application(!actor.startsWith('09')),
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, ok, ok, D, D, D, D, D, ok, ok, D, D, D, D, D, D, D, D],
    },
    [op('offices.applications')]: {
      note: "applications within the caller's scope (own, province, nation)",
      request: () => ({ method: 'GET', url: '/api/v1/office-applications?pageSize=200' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, F, F, D, D, D, D, D, ok, F, F, ok, D, D, D, D, D, F],
    },
    [op('offices.application')]: {
      note: 'a Tehran application none of the actors filed',
      request: async () => ({
        method: 'GET',
        url: `/api/v1/office-applications/${await (sharedApplication ??= freshApplication('submitted'))}`,
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, N, N, D, D, D, D, D, ok, ok, N, ok, D, D, D, D, D, ok],
    },
    [op('offices.review')]: {
      note: 'the association reviews a submitted Tehran application (a fresh one per actor)',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/office-applications/${await freshApplication('submitted')}/review`,
        body: { recommend: true },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, N, N, D, D, D, D, D, ok, ok, N, D, D, D, D, D, D, D],
    },
    [op('offices.decide')]: {
      note: 'the regulator decides a recommended Tehran application (a fresh one per actor)',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/office-applications/${await freshApplication('recommended')}/decide`,
        body: { approve: false },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, N, N, D, D, D, D, D, D, D, N, ok, D, D, D, D, D, D],
    },
  };
}
