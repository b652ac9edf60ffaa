/**
 * `npm run bench`: every benchmark, each printing our figure beside its reference measured in the
 * same run. `npm run bench -- api-read` runs one. Results are recorded in docs/benchmarks.md.
 */
import { apiRead } from './api-read';
import { consultationSlots } from './consultation-slots';
import { filingSubmit } from './filing-submit';
import { qualityScores } from './quality-scores';
import { hearingSignalling } from './hearing-signalling';
import { receiptPdf } from './receipt-pdf';
import { siting } from './siting';
import { staffList } from './staff-list';
import { statsDashboard } from './stats-dashboard';
import { start } from './start';
import { tariffSimulation } from './tariff-simulation';
import { trackingPage } from './tracking-page';
import { webWeight } from './web-weight';

const BENCHES: Record<string, () => Promise<string>> = {
  'api-read': apiRead,
  'filing-submit': filingSubmit,
  'tracking-page': trackingPage,
  'staff-list': staffList,
  'tariff-simulation': tariffSimulation,
  'receipt-pdf': receiptPdf,
  siting,
  start,
  'web-weight': webWeight,
  'consultation-slots': consultationSlots,
  'hearing-signalling': hearingSignalling,
  'stats-dashboard': statsDashboard,
  'quality-scores': qualityScores,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length && !wanted.includes(name)) continue;
  await run();
}
process.exit(0);
