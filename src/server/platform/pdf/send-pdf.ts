/**
 * Answering with a document as PDF: printed from its HTML view, or `503 pdf_unavailable` pointing
 * at that view when this server has no Chromium or the print fails (logged).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '#server/platform/errors/app-error';
import { htmlToPdf, pdfAvailable, type PrintOptions } from './printer';

export interface PdfDocument {
  /** The print view's HTML (without its print button). */
  html: () => string;
  /** Where the same document's HTML print view is served. */
  htmlUrl: string;
  filename: string;
  print?: PrintOptions;
}

export async function sendPdf(req: FastifyRequest, reply: FastifyReply, doc: PdfDocument) {
  if (!pdfAvailable()) throw new AppError('pdf_unavailable', { extra: { html: doc.htmlUrl } });
  let pdf: Buffer;
  try {
    pdf = await htmlToPdf(doc.html(), doc.print);
  } catch (error) {
    req.log.error({ err: error, filename: doc.filename }, 'PDF print failed');
    throw new AppError('pdf_unavailable', { extra: { html: doc.htmlUrl } });
  }
  return reply
    .type('application/pdf')
    .header('cache-control', 'no-store')
    .header('content-disposition', `inline; filename="${doc.filename}"`)
    .send(pdf);
}
