/** Every page, feature by feature: each feature declares its own in its routes.ts. */
import type { FeatureRoute } from './routes/feature-route.ts';
import { arbitrationRoutes } from '#web/features/arbitration/routes.ts';
import { auditRoutes } from '#web/features/audit/routes.ts';
import { channelsRoutes } from '#web/features/channels/routes.ts';
import { consultationRoutes } from '#web/features/consultation/routes.ts';
import { counterRoutes } from '#web/features/counter/routes.ts';
import { courtRoutes } from '#web/features/court/routes.ts';
import { hearingRoutes } from '#web/features/hearings/routes.ts';
import { deadlineCalculatorRoutes } from '#web/features/deadline-calculator/routes.ts';
import { filingsRoutes } from '#web/features/filings/routes.ts';
import { geographyRoutes } from '#web/features/geography/routes.ts';
import { identityRoutes } from '#web/features/identity/routes.ts';
import { licencesRoutes } from '#web/features/licences/routes.ts';
import { networkMapRoutes } from '#web/features/network-map/routes.ts';
import { noticesRoutes } from '#web/features/notices/routes.ts';
import { officeFinderRoutes } from '#web/features/office-finder/routes.ts';
import { officesRoutes } from '#web/features/offices/routes.ts';
import { paymentsRoutes } from '#web/features/payments/routes.ts';
import { portalRoutes } from '#web/features/portal/routes.ts';
import { proposalsRoutes } from '#web/features/proposals/routes.ts';
import { qualityRoutes } from '#web/features/quality/routes.ts';
import { simulatorRoutes } from '#web/features/simulator/routes.ts';
import { sitingRoutes } from '#web/features/siting/routes.ts';
import { staffRoutes } from '#web/features/staff/routes.ts';
import { statsRoutes } from '#web/features/stats/routes.ts';
import { tariffsRoutes } from '#web/features/tariffs/routes.ts';
import { trainingRoutes } from '#web/features/training/routes.ts';

export const FEATURE_ROUTES: FeatureRoute[] = [
  ...identityRoutes,
  ...officeFinderRoutes,
  ...deadlineCalculatorRoutes,
  ...statsRoutes,
  ...counterRoutes,
  ...officesRoutes,
  ...noticesRoutes,
  ...auditRoutes,
  ...portalRoutes,
  ...courtRoutes,
  ...hearingRoutes,
  ...filingsRoutes,
  ...paymentsRoutes,
  ...tariffsRoutes,
  ...simulatorRoutes,
  ...channelsRoutes,
  ...qualityRoutes,
  ...networkMapRoutes,
  ...sitingRoutes,
  ...geographyRoutes,
  ...staffRoutes,
  ...trainingRoutes,
  ...licencesRoutes,
  ...arbitrationRoutes,
  ...proposalsRoutes,
  ...consultationRoutes,
];
