/**
 * The areas of Daftar: the one declared order in which they stand, and the routes each registers.
 *
 * AREA_ORDER lists the folders of src/server/modules from the ground up. An area imports only
 * areas below it, never one above; where a lower area must react to a higher one (a payment
 * credited → a filing paid) it calls a port held in AppContext (platform/ports, wired in
 * composition.ts). `npm run boundaries` checks it: .dependency-cruiser.cjs reads AREA_ORDER and
 * PENDING_BACK_EDGES from this file's text, so keep both as plain literals. docs/architecture.md
 * draws the same order (a unit test compares them).
 *
 * AREAS is what the API shows: each entry registers its routes under /api and names its OpenAPI
 * tag; a new capability is one more entry here, one folder under modules/ and its place in the order.
 */
import type { Area } from './platform/http/api';
import { arbitrationRoutes } from './modules/arbitration/routes';
import { catalogRoutes } from './modules/catalog/routes';
import { consultationRoutes } from './modules/consultation/routes';
import { counterRoutes } from './modules/counter/routes';
import { courtRoutes } from './modules/court/routes';
import { eaccountRoutes } from './modules/eaccounts/routes';
import { filingRoutes } from './modules/filings/routes';
import { hearingRoutes } from './modules/hearings/routes';
import { identityRoutes } from './modules/identity/routes';
import { geoRoutes } from './modules/network/routes';
import { noticeRoutes } from './modules/notices/routes';
import { officeRoutes } from './modules/offices/routes';
import { operatorRoutes } from './modules/operators/routes';
import { paymentRoutes } from './modules/payments/routes';
import { platformRoutes } from './modules/platform/routes';
import { proposalRoutes } from './modules/proposals/routes';
import { qualityRoutes } from './modules/quality/routes';
import { statsRoutes } from './modules/stats/routes';
import { tariffRoutes } from './modules/tariffs/routes';

/** The areas, low → high (folders of src/server/modules). */
export const AREA_ORDER = [
  'catalog', // services, competencies, channel policy
  'geo', // reference geography: provinces, counties, cities, population, boundaries
  'accounts', // the people Daftar knows (citizens, legal persons, representatives), accounts, sessions
  'courts', // courts and their cases, the case-in-scope check
  'offices', // the network of offices: applications, licensing, status, hours, competencies
  'identity', // sign-in, staff accounts, role grants (which name offices and courts)
  'operators', // the offices' people: registry, contracts, training, exams, licences
  'tariffs', // tariff schedules, fee quotes, court costs, the simulator
  'records', // services performed, consents, the monthly volume rollup
  'payments', // payments through a gateway, receipts, service payments at the counter
  'filings', // filings with documents, quote, payment, submission
  'notices', // electronic notices, deadlines, delivery at an office
  'court', // the court desk: accepting and returning filings, cases, issuing notices
  'counter', // the office counter: queue, consented lookups, today's work
  'eaccounts', // judicial e-accounts (at the counter or online), legal persons, representatives
  'hearings', // video hearings of a case: scheduling, the hearing's states, signalling, minutes
  'consultation', // legal consultation: consultants' registry, fee ranges, slots, bookings, sessions
  'arbitration', // arbitration cases: agreement and consent, arbitrators, term, award (Arts. 454–501)
  'quality', // each office's quality: measured facts per month
  'network', // the network's distribution and viability, the office finder, siting
  'proposals', // proposals for new office services, reviewed on working-day clocks; the decision grants them
  'stats', // statistics within the caller's scope
  'platform', // health and the audit log's API
] as const;

/**
 * Imports that still run up the order, each named by file ({ from, to }, paths from the
 * repository's root) and to be removed, never added to: the boundary check allows exactly these.
 * None today.
 */
export const PENDING_BACK_EDGES: readonly { from: string; to: string }[] = [];

export const AREAS: Area[] = [
  { tag: 'platform', description: 'Health, audit log', routes: platformRoutes },
  {
    tag: 'identity',
    description: "Sign-in, sessions, staff accounts, citizens' e-accounts",
    // Registering an e-account is a priced office service: its routes live in the eaccounts area, under this tag.
    routes: (app, ctx) => {
      identityRoutes(app, ctx);
      eaccountRoutes(app, ctx);
    },
  },
  { tag: 'catalog', description: 'The service catalog and channel policy', routes: catalogRoutes },
  {
    tag: 'tariffs',
    description:
      'Tariffs as policy: versioned schedules (drafts, indexation, approval), fee quotes per channel, the revision simulator and office cost model, channel policy and channel share',
    routes: tariffRoutes,
  },
  {
    tag: 'offices',
    description:
      'The network of offices: applications to open one, licensing, status over time, opening hours and capacity, competencies',
    routes: officeRoutes,
  },
  {
    tag: 'operators',
    description:
      "The offices' people: staff registry, employment contracts and insurance, training, exams, activity licences",
    routes: operatorRoutes,
  },
  {
    tag: 'geo',
    description:
      'Geography: provinces, counties and cities with their population and boundaries, population imports, the network map and its figures, office viability, the office finder, siting of new offices',
    routes: geoRoutes,
  },
  {
    tag: 'filings',
    description: 'Filings with documents: drafts, attachments, confirmation, quote, payment, submission',
    routes: filingRoutes,
  },
  {
    tag: 'payments',
    description: 'Payments through a gateway (sandbox bank by default), its callback, receipts',
    routes: paymentRoutes,
  },
  { tag: 'court', description: 'Courts and the court desk', routes: courtRoutes },
  { tag: 'notices', description: 'Electronic notices and the notifier outbox', routes: noticeRoutes },
  {
    tag: 'counter',
    description: "The office counter: queue tickets, consents, status lookups, today's work",
    routes: counterRoutes,
  },
  {
    tag: 'arbitration',
    description:
      "Arbitration cases (Arts. 454–501): the agreement and every party's consent, the arbitrators and their answers, the term and its days left",
    routes: arbitrationRoutes,
  },
  {
    tag: 'proposals',
    description:
      "Proposals for new office services (or extending one to more provinces): review on working-day clocks, information requests, the decision that adds the service, its draft fee and its competencies; the public list and the board's dashboard",
    routes: proposalRoutes,
  },
  {
    tag: 'consultation',
    description:
      "Legal consultation: the consultants' registry and fee ranges, free slots, booking with payment (online or at the counter), cancelling and moving, the consultant's day, notes, attendance and ratings",
    routes: consultationRoutes,
  },
  {
    tag: 'hearings',
    description:
      "Video hearings: scheduling by the court desk, the hearing's states, the clerk's minutes; the hearing room's signalling WebSocket",
    routes: hearingRoutes,
  },
  {
    tag: 'quality',
    description: "Each office's quality: measured facts per office and operator per Jalali month",
    routes: qualityRoutes,
  },
  { tag: 'stats', description: "Statistics within the caller's scope", routes: statsRoutes },
];
