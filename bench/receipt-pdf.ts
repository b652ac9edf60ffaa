/**
 * receipt-pdf: how long a payment receipt takes to print as PDF, as the receipt.pdf route prints it
 * (`htmlToPdf` with the process's warm browser), against the bare `page.pdf` of the same HTML in a
 * page that is already open — the least the browser itself needs.
 *
 * Ours: the first print (which starts the browser) is reported on its own as `cold`; then the
 * median of 15 prints. Reference: the median of 15 `setContent` + `page.pdf` in one open page.
 * `ratio` = ours ÷ reference; the goal is within twice the bare print (a receipt in well under a
 * second once the browser is warm).
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, closePdfPrinter, htmlToPdf, pdfAvailable } from '#server/platform/pdf/printer';
import { receiptHtml } from '#server/modules/payments/receipt';
import type { PaymentView } from '#server/modules/payments/schemas';
import { printBench } from './lib';

const RUNS = 15;

const payment: PaymentView = {
  id: 1,
  receiptNumber: '14050000001237',
  status: 'paid',
  purpose: 'filing',
  filingId: 1,
  serviceRecordId: null,
  amountRials: 1_270_000,
  lines: [
    {
      code: 'petition',
      titleFa: 'ثبت دادخواست',
      titleEn: 'Petition',
      quantity: 1,
      unitRials: 770_000,
      amountRials: 770_000,
      kind: 'office-fee',
    },
    {
      code: 'extra-page',
      titleFa: 'صفحهٔ مازاد',
      titleEn: 'Extra page',
      quantity: 2,
      unitRials: 50_000,
      amountRials: 100_000,
      kind: 'office-fee',
    },
    {
      code: 'court-petition',
      titleFa: 'هزینهٔ دادرسی',
      titleEn: 'Court costs',
      quantity: 1,
      unitRials: 400_000,
      amountRials: 400_000,
      kind: 'court-cost',
    },
  ],
  gateway: 'sandbox',
  bankReference: '123456789012',
  channel: 'office',
  office: { id: 1, code: '10001', name: { fa: 'دفتر خدمات الکترونیک قضایی ۱۰۰۰۱', en: 'Office 10001' } },
  provinceId: 8,
  payer: { citizenId: 1, name: 'امیر تهرانی' },
  createdAt: '2026-12-05T08:00:00.000Z',
  expiresAt: '2026-12-05T08:20:00.000Z',
  paidAt: '2026-12-05T08:03:00.000Z',
  returnPath: null,
  payUrl: null,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function receiptPdf(): Promise<string> {
  if (!pdfAvailable()) {
    const line = 'bench receipt-pdf: skipped (no Chromium: set CHROMIUM_PATH)';
    console.log(line);
    return line;
  }
  const html = receiptHtml(payment, { printButton: false });

  let t = performance.now();
  await htmlToPdf(html, { format: 'A5' });
  const cold = performance.now() - t;
  const ours: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await htmlToPdf(html, { format: 'A5' });
    ours.push(performance.now() - t);
  }
  await closePdfPrinter();

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const bare: number[] = [];
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ format: 'A5', printBackground: true, preferCSSPageSize: true });
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      await page.pdf({ format: 'A5', printBackground: true, preferCSSPageSize: true });
      bare.push(performance.now() - t);
    }
  } finally {
    await browser.close();
  }

  const oursMs = median(ours);
  const bareMs = median(bare);
  return printBench({
    name: 'receipt-pdf',
    figures: { cold: `${Math.round(cold)}ms`, warm: `${Math.round(oursMs)}ms`, bare: `${Math.round(bareMs)}ms` },
    ratio: oursMs / bareMs,
    goal: { op: '<=', value: 2 },
  });
}
