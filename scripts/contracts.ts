/** `npm run contracts`: writes the web's table of operations (src/web/app/endpoints.gen.ts) from the contracts. */
import fs from 'node:fs';
import path from 'node:path';
import { CONTRACTS } from '#server/contracts';
import { ENDPOINTS_FILE, endpointsTable } from '#server/platform/http/endpoints-table';

const file = path.resolve(import.meta.dirname, '..', ENDPOINTS_FILE);
const text = endpointsTable(CONTRACTS);
if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) console.log(`${ENDPOINTS_FILE} is up to date`);
else {
  fs.writeFileSync(file, text);
  console.log(`wrote ${ENDPOINTS_FILE}`);
}
