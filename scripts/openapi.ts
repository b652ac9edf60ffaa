/**
 * `npm run openapi`: prints the OpenAPI document (JSON), or writes it to a file.
 *   npm run openapi                      the document on stdout
 *   npm run openapi -- --out api.json    the document into a file
 *   npm run openapi -- --promises        one line per promise (see openapi-promises.ts)
 */
import fs from 'node:fs';
import { openApiDocument } from '#server/openapi-doc';
import { openApiPromises } from '#server/platform/http/openapi-promises';

const args = process.argv.slice(2);
const doc = await openApiDocument();
const text = args.includes('--promises')
  ? `${openApiPromises(doc as never).join('\n')}\n`
  : `${JSON.stringify(doc, null, 2)}\n`;
const out = args.indexOf('--out');
if (out >= 0 && args[out + 1]) fs.writeFileSync(args[out + 1], text);
else process.stdout.write(text);
