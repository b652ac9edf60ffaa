/**
 * Who may do what, as data: each action's roles, which roles a granting role may hand out, and the
 * kind of scope each role is granted in. Pure (types only from the rest of the server), so the web
 * reads the same table for its pages and the contracts name their action from it; the rules that
 * apply it are in policy.ts.
 */
import type { Role, Scope } from './actor';

const OVERSIGHT: Role[] = ['association_admin', 'regulator_admin'];

export const PERMISSIONS = {
  /** Counts on the dashboard, within the caller's scope. */
  'stats.overview': [
    'operator',
    'office_manager',
    'association_admin',
    'regulator_admin',
    'inspector',
    'court_clerk',
    'judge',
    'consultant',
    'arbitrator',
  ],
  /** The statistics dashboard with its drill-down: oversight nationwide or in its province, a manager their office. */
  'stats.dashboard': ['office_manager', ...OVERSIGHT],
  /**
   * The board's monthly reports: national figures, so national oversight only (a province's
   * association is refused by scope in the stats area); made on demand by the regulator.
   */
  'stats.board-reports': OVERSIGHT,
  'stats.board-reports.make': ['regulator_admin'],
  'users.list': ['office_manager', ...OVERSIGHT],
  'users.create': ['office_manager', ...OVERSIGHT],
  'users.reset-password': ['office_manager', ...OVERSIGHT],
  'offices.staff': ['office_manager', 'inspector', ...OVERSIGHT],
  'outbox.read': OVERSIGHT,
  /** The audit log: national oversight all of it, a province's association its province's events and its own actions. */
  'audit.read': OVERSIGHT,
  'tariffs.court-costs.manage': ['regulator_admin'],
  /** Tariffs as policy: drafts by the association (national), approval by the regulator (never one's own draft). */
  'tariffs.drafts.read': ['inspector', ...OVERSIGHT],
  'tariffs.drafts.manage': OVERSIGHT,
  'tariffs.approve': ['regulator_admin'],
  /** The revision simulator and its saved runs; a province's association runs it for its province only. */
  'tariffs.simulate': OVERSIGHT,
  'tariffs.simulations.read': ['inspector', ...OVERSIGHT],
  /** The office cost model behind break-even: a province's association edits its province, national oversight any. */
  'tariffs.cost-model.read': ['inspector', ...OVERSIGHT],
  'tariffs.cost-model.manage': OVERSIGHT,
  /** Channel policy of catalog services (office only / online only / both): the regulator's decision. */
  'catalog.channel-policy.manage': ['regulator_admin'],
  /** Channel share of services over time, per province. */
  'stats.channels': ['inspector', ...OVERSIGHT],
  /** An office's measured quality facts per month: its manager their office, inspectors and a province's association their province. */
  'quality.facts': ['office_manager', 'inspector', ...OVERSIGHT],
  /** The quality score, its rank in the province, trend and reasons: as the facts. */
  'quality.scores': ['office_manager', 'inspector', ...OVERSIGHT],
  /** The score's weights: read by whoever reads scores, published by the national association only. */
  'quality.weights.read': ['office_manager', 'inspector', ...OVERSIGHT],
  'quality.weights.manage': ['association_admin'],
  /** Recording an inspection of an office: inspectors and association staff of its province (the nation's for any). */
  'quality.inspections.record': ['inspector', 'association_admin'],
  /** The office manager answers an inspection of their office: a corrective action and its date for each failed item. */
  'quality.inspections.answer': ['office_manager'],
  /**
   * Complaints against an office: filed by the citizen online or by an operator at an office for
   * them; read by the complainant, the office's manager, the province's association and
   * inspectors; answered by the manager; decided by the province's association.
   */
  'quality.complaints.file': ['citizen', 'operator', 'office_manager'],
  'quality.complaints.read': ['citizen', 'office_manager', 'inspector', ...OVERSIGHT],
  'quality.complaints.answer': ['office_manager'],
  'quality.complaints.decide': ['association_admin'],
  'audit.verify': ['regulator_admin'],
  /** A signed checkpoint of the audit chain's head, published outside the database and downloaded. */
  'audit.checkpoint': ['regulator_admin'],
  'citizens.read-own': ['citizen'],
  /** The court desk: the clerk's queue of submitted filings and their decisions; the court's cases. */
  'court.queue': ['court_clerk'],
  'court.decide': ['court_clerk'],
  'court.cases': ['court_clerk', 'judge'],
  /** Electronic notices: issued by the court, opened by the citizen online or at an office with consent. */
  'notices.issue': ['court_clerk', 'judge'],
  /** A party without an e-account is served on paper by the court's bailiff; the clerk records the bailiff's report. */
  'notices.serve-paper': ['court_clerk'],
  /** The signed decision as a PDF, attached to a decision notice by whoever may issue it. */
  'notices.attach-document': ['court_clerk', 'judge'],
  'notices.open-at-office': ['operator', 'office_manager'],
  /** Video hearings: scheduled by the court's clerk, conducted by the judge or the clerk, attended by the citizens called to them. */
  'hearings.schedule': ['court_clerk'],
  'hearings.conduct': ['court_clerk', 'judge'],
  'hearings.minutes': ['court_clerk'],
  'hearings.read': ['court_clerk', 'judge', 'citizen'],
  /** A booth at an office for a participant attending from one: the participant themself, or the clerk of the hearing's court. */
  'hearings.book-booth': ['citizen', 'court_clerk'],
  /** An office's hearing booths: its daily calendar of bookings and the check-in of a participant who comes to attend. */
  'hearings.booths': ['operator', 'office_manager'],
  'hearings.check-in': ['operator', 'office_manager'],
  /** The office's own check of a booth's device the day before its hearings. */
  'hearings.booth-check': ['operator', 'office_manager'],
  'tracking.read-own': ['citizen'],
  /** Filings: prepared at an office for a citizen, or online by the citizen for themself. */
  'filings.create': ['operator', 'office_manager', 'citizen'],
  'filings.edit': ['operator', 'office_manager', 'citizen'],
  'filings.read': ['operator', 'office_manager', 'citizen', 'inspector', ...OVERSIGHT],
  'filings.list': ['operator', 'office_manager', 'inspector', ...OVERSIGHT],
  /** Judicial e-accounts registered at the counter, the citizen lookup, legal persons and representatives. */
  'eaccounts.register': ['operator', 'office_manager'],
  'citizens.lookup': ['operator', 'office_manager'],
  'parties.manage': ['operator', 'office_manager'],
  /** The counter: queue tickets, consents for status lookups, today's work. */
  'counter.tickets': ['operator', 'office_manager'],
  'counter.consents': ['operator', 'office_manager'],
  'counter.status-lookup': ['operator', 'office_manager'],
  'counter.today': ['operator', 'office_manager'],
  /** Payments: started by whoever pays (the office for a citizen, or the citizen online), read by the payer, the office and oversight. */
  'payments.start': ['operator', 'office_manager', 'citizen'],
  'payments.read': ['operator', 'office_manager', 'citizen', 'inspector', ...OVERSIGHT],
  'payments.list': ['office_manager', 'inspector', ...OVERSIGHT],
  /** The holiday calendar and deadline rules behind legal time limits. */
  'holidays.read': OVERSIGHT,
  'holidays.manage': ['regulator_admin'],
  'deadline-rules.read': OVERSIGHT,
  'deadline-rules.manage': ['regulator_admin'],
  /** Office licensing: applications (founder online or the association for them), reviewed by the province's association, decided by the regulator. */
  'office-applications.submit': ['citizen', 'association_admin'],
  'office-applications.read': ['citizen', 'inspector', ...OVERSIGHT],
  'office-applications.review': ['association_admin'],
  'office-applications.decide': ['regulator_admin'],
  /** An office's record: its profile (hours, counters, booths), status over time, competencies. */
  'offices.profile.edit': ['office_manager', ...OVERSIGHT],
  'offices.history': ['office_manager', 'inspector', ...OVERSIGHT],
  'offices.status.manage': ['regulator_admin'],
  'competencies.manage': ['regulator_admin'],
  /** The operator registry and employment: kept by the office manager, seen by the association for its province and by oversight. */
  'staff.registry': ['office_manager', 'inspector', ...OVERSIGHT],
  'staff.self': ['operator', 'office_manager', 'consultant'],
  'employment.manage': ['office_manager'],
  'employment.read': ['office_manager', 'inspector', ...OVERSIGHT],
  /** Training and exams: the association runs courses, sessions and the question bank; staff enrol and sit exams. */
  'training.read': ['operator', 'office_manager', 'consultant', 'inspector', ...OVERSIGHT],
  'training.manage': ['association_admin'],
  'training.enrol': ['operator', 'office_manager', 'consultant', 'association_admin'],
  'exams.manage': ['association_admin'],
  'exams.take': ['operator', 'office_manager', 'consultant'],
  'exams.results': ['office_manager', 'inspector', ...OVERSIGHT],
  /** Activity licences: issued and renewed by the association, suspended or revoked by the association or the regulator. */
  'licences.read': ['office_manager', 'inspector', ...OVERSIGHT],
  /** One's own activity licences (whatever office they are at): the staff who hold them. */
  'licences.read-own': ['operator', 'office_manager', 'consultant'],
  'licences.issue': ['association_admin'],
  'licences.suspend': ['association_admin', 'regulator_admin'],
  /** Geography: the network map and its figures (a province's association and inspectors see their province). */
  'geo.distribution.read': ['inspector', ...OVERSIGHT],
  /** An office's viability (demand, revenue, break-even): its manager for their office, oversight for theirs. */
  'geo.viability.read': ['office_manager', 'inspector', ...OVERSIGHT],
  /** Official population tables replace the shipped figures: the national administrator's job. */
  'geo.population.import': ['regulator_admin'],
  /** Candidate locations for new offices, and the siting optimizer (a province's association for its province). */
  'geo.sites.manage': OVERSIGHT,
  'geo.siting.run': OVERSIGHT,
  /**
   * Arbitration: citizens agree and consent as parties; arbitrators answer and write the award; the
   * seat office's staff keep its cases. Each sees only the cases they are on (or seated at).
   */
  'arbitration.start': ['citizen'],
  'arbitration.consent': ['citizen'],
  'arbitration.read': ['citizen', 'arbitrator', 'operator', 'office_manager', 'court_clerk'],
  'arbitration.appoint': ['citizen', 'operator', 'office_manager'],
  'arbitration.answer': ['arbitrator', 'operator', 'office_manager'],
  'arbitration.hearing': ['arbitrator'],
  // A party puts its submissions and evidence before the arbitrators.
  'arbitration.documents': ['citizen'],
  // Drafting is an arbitrator's; the seat office records the signature of one outside the registry.
  'arbitration.award': ['arbitrator', 'operator', 'office_manager'],
  // The court the award was lodged with records the annulment and enforcement requests (Arts. 488, 490).
  'arbitration.court-desk': ['court_clerk'],
  // A party pays their share of the arbitrators' fee (Art. 498); the regulator enters the official scale.
  'arbitration.fee-pay': ['citizen'],
  'arbitration.fee-scales.manage': ['regulator_admin'],
  /**
   * Proposals for new office services: filed by the national association (for a province's too),
   * reviewed and decided by the regulator on a working-day clock; read by oversight in any scope.
   */
  'proposals.read': ['inspector', ...OVERSIGHT],
  'proposals.submit': ['association_admin'],
  'proposals.review': ['regulator_admin'],
  /** Legal consultation: the registry and fee ranges kept by the association (its province) and the regulator. */
  'consultation.registry.read': OVERSIGHT,
  'consultation.registry.manage': OVERSIGHT,
  /** Where and when a consultant sits: the consultant their own, the registry's keepers anyone's in scope. */
  'consultation.sittings.edit': ['consultant', ...OVERSIGHT],
  /** Booking a consultation: the citizen online for themself, an operator at the counter for a citizen. */
  'consultation.book': ['citizen', 'operator', 'office_manager'],
  /** The citizen's own consultations: reading the note, rating a session. */
  'consultation.mine': ['citizen'],
  /** The consultant's own sessions: the day list, notes. */
  'consultation.sessions': ['consultant'],
  /** Recording how a session ended: the consultant (the citizen did not come) or the citizen (the consultant did not). */
  'consultation.attendance': ['consultant', 'citizen'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/** Which roles each granting role may hand out (and only within its own scope). */
export const ASSIGNABLE_ROLES: Partial<Record<Role, readonly Role[]>> = {
  office_manager: ['operator', 'consultant'],
  association_admin: ['office_manager', 'operator', 'consultant', 'inspector', 'arbitrator', 'association_admin'],
  regulator_admin: [
    'office_manager',
    'operator',
    'consultant',
    'inspector',
    'arbitrator',
    'association_admin',
    'regulator_admin',
    'court_clerk',
    'judge',
  ],
};

/** The kind of scope each role is granted in. */
export const ROLE_SCOPE: Record<Role, Scope['kind'][]> = {
  citizen: ['own'],
  operator: ['office'],
  office_manager: ['office'],
  consultant: ['office'],
  association_admin: ['province', 'nation'],
  regulator_admin: ['nation'],
  court_clerk: ['court'],
  judge: ['court'],
  arbitrator: ['province'],
  inspector: ['province', 'nation'],
};
