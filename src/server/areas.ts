/**
 * The areas of Daftar, in the architecture's vocabulary. Each registers its routes under /api and
 * names its OpenAPI tag; a new capability is one more entry here and one folder under modules/.
 */
import type { Area } from './platform/http/api';
import { catalogRoutes } from './modules/catalog/routes';
import { counterRoutes } from './modules/counter/routes';
import { courtRoutes } from './modules/court/routes';
import { filingRoutes } from './modules/filings/routes';
import { geoRoutes } from './modules/network/routes';
import { identityRoutes } from './modules/identity/routes';
import { noticeRoutes } from './modules/notices/routes';
import { officeRoutes } from './modules/offices/routes';
import { operatorRoutes } from './modules/operators/routes';
import { paymentRoutes } from './modules/payments/routes';
import { platformRoutes } from './modules/platform/routes';
import { statsRoutes } from './modules/stats/routes';
import { tariffRoutes } from './modules/tariffs/routes';

export const AREAS: Area[] = [
  { tag: 'platform', description: 'Health, audit log', routes: platformRoutes },
  { tag: 'identity', description: 'Sign-in, sessions, staff accounts, citizens\' e-accounts', routes: identityRoutes },
  { tag: 'catalog', description: 'The service catalog and channel policy', routes: catalogRoutes },
  { tag: 'tariffs', description: 'Tariffs as policy: versioned schedules (drafts, indexation, approval), fee quotes per channel, the revision simulator and office cost model, channel policy and channel share', routes: tariffRoutes },
  { tag: 'offices', description: 'The network of offices: applications to open one, licensing, status over time, opening hours and capacity, competencies', routes: officeRoutes },
  { tag: 'operators', description: 'The offices\' people: staff registry, employment contracts and insurance, training, exams, activity licences', routes: operatorRoutes },
  { tag: 'geo', description: 'Geography: provinces, counties and cities with their population and boundaries, population imports, the network map and its figures, office viability, the office finder, siting of new offices', routes: geoRoutes },
  { tag: 'filings', description: 'Filings with documents: drafts, attachments, confirmation, quote, payment, submission', routes: filingRoutes },
  { tag: 'payments', description: 'Payments through a gateway (sandbox bank by default), its callback, receipts', routes: paymentRoutes },
  { tag: 'court', description: 'Courts and the court desk', routes: courtRoutes },
  { tag: 'notices', description: 'Electronic notices and the notifier outbox', routes: noticeRoutes },
  { tag: 'counter', description: 'The office counter: queue tickets, consents, status lookups, today\'s work', routes: counterRoutes },
  { tag: 'stats', description: 'Statistics within the caller\'s scope', routes: statsRoutes },
];
