/** Receipts are printed on A5 by the shared printer (see platform/pdf/printer.ts). */
import { htmlToPdf as print } from '../../platform/pdf/printer';

export { chromiumPath, pdfAvailable } from '../../platform/pdf/printer';

export function htmlToPdf(html: string): Promise<Buffer> {
  return print(html, { format: 'A5' });
}
