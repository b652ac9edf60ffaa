/** HTTP routes of the payments area (and the sandbox bank's own pages): parse, call, map. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import { SIGNED_IN, SIGNED_IN_WRITE, type Api } from '#server/platform/http/api';
import { problems } from '#server/platform/http/problem-schema';
import { PRINTABLE_PAGE_POLICY, policyAllowingHandlers } from '#server/platform/http/security-headers';
import { actorOf } from '#server/platform/http/session-hook';
import { sendPdf } from '#server/platform/pdf/send-pdf';
import { receiptHtml } from './receipt';
import { bankPageHtml, bankTransaction, decideAtBank, returnToMerchantHtml } from './sandbox-gateway';
import {
  callbackBody,
  createPaymentBody,
  idParams,
  listPaymentsQuery,
  paymentPage,
  paymentSchema,
  startedPaymentSchema,
} from './schemas';
import * as payments from './service';

const tags = ['payments'];

/** Browsers post HTML forms as application/x-www-form-urlencoded; only the bank's pages accept them. */
function acceptForms(app: FastifyInstance) {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 8_192 },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
}

export function paymentRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/v1/payments',
    {
      schema: {
        tags,
        summary:
          "Payments within the caller's scope (an office's payments for its manager), newest first, by status and Jalali date range",
        security: SIGNED_IN,
        querystring: listPaymentsQuery,
        response: { 200: paymentPage, ...problems(400, 401, 403) },
      },
    },
    async (req) => payments.listPayments(ctx, actorOf(req), req.query),
  );

  app.post(
    '/v1/payments',
    {
      schema: {
        tags,
        summary:
          'Charge a priced office service at the counter (not a filing): quoted from the tariff in force, recorded, and sent to the bank. Requires an Idempotency-Key header',
        security: SIGNED_IN_WRITE,
        body: createPaymentBody,
        headers: z.looseObject({ 'idempotency-key': z.string().optional() }),
        response: { 201: startedPaymentSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const answer = await payments.createServicePayment(ctx, actorOf(req), req.body, req.headers['idempotency-key']);
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(answer.status as 201).send(answer.body as z.infer<typeof startedPaymentSchema>);
    },
  );

  app.get(
    '/v1/payments/:id',
    {
      schema: {
        tags,
        summary: "A payment: state, lines, receipt number (for the payer, the office's staff and oversight)",
        security: SIGNED_IN,
        params: idParams,
        response: { 200: paymentSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => payments.getPayment(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/v1/payments/:id/receipt',
    {
      schema: {
        tags,
        summary: 'The receipt as a printable HTML page (Persian, right to left, Jalali date in Tehran)',
        security: SIGNED_IN,
        params: idParams,
        response: { 200: z.string().meta({ description: 'text/html' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const p = await payments.getPayment(ctx, actorOf(req), req.params.id);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', PRINTABLE_PAGE_POLICY)
        .send(receiptHtml(p, { printButton: true, pdfUrl: `/api/v1/payments/${p.id}/receipt.pdf` }));
    },
  );

  app.get(
    '/v1/payments/:id/receipt.pdf',
    {
      schema: {
        tags,
        summary:
          'The receipt as PDF, printed from the HTML view by Chromium; 503 pdf_unavailable when the server has no Chromium',
        security: SIGNED_IN,
        params: idParams,
        response: { 200: z.any().meta({ description: 'application/pdf' }), ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (req, reply) => {
      const p = await payments.getPayment(ctx, actorOf(req), req.params.id);
      return sendPdf(req, reply, {
        html: () => receiptHtml(p, { printButton: false }),
        htmlUrl: `/api/v1/payments/${p.id}/receipt`,
        filename: `receipt-${p.receiptNumber}.pdf`,
        print: { format: 'A5' },
      });
    },
  );

  // The bank's callback is authenticated by its signature, not by a session: a browser form post
  // from the bank's page, so no CSRF header and possibly no (or someone else's) cookie.
  app.register(async (scope) => {
    acceptForms(scope);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/v1/payments/callback/:gateway',
      {
        // Recorded even when it carries text the database cannot store (with that text replaced), as the docs promise.
        config: { sessionless: true, acceptsUnstorableText: true },
        schema: {
          tags,
          summary:
            "The payment gateway's callback (form post from the bank page). Signature, token and amount are checked, the gateway is asked (verify), and the browser is sent to /payments/:id",
          params: z.object({ gateway: z.string().max(40) }),
          body: callbackBody,
          response: { 303: z.null(), ...problems(400) },
        },
      },
      async (req, reply) => {
        const result = await payments.handleCallback(ctx, req.params.gateway, req.body);
        if (result.paymentId == null || result.verdict === 'forged' || result.verdict === 'unknown') {
          throw new AppError('payment_callback_rejected', { extra: { verdict: result.verdict } });
        }
        return reply.code(303).header('location', `/payments/${result.paymentId}?verdict=${result.verdict}`).send(null);
      },
    );
  });
}

const require = createRequire(import.meta.url);

/**
 * The sandbox bank's pages are the bank's, not the app's: their own policy, which allows the one
 * inline handler a bank's return page uses (a form that posts itself back to the merchant).
 */
const SANDBOX_BANK_POLICY = policyAllowingHandlers('document.forms[0].submit()');

/** The sandbox bank's pages, outside /api: what a bank's internet payment page would be. */
export async function sandboxBankRoutes(app: FastifyInstance, ctx: AppContext) {
  acceptForms(app);
  const html = (reply: import('fastify').FastifyReply, body: string, code = 200) =>
    reply
      .code(code)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-frame-options', 'DENY')
      .header('content-security-policy', SANDBOX_BANK_POLICY)
      .send(body);
  const notFound =
    '<!doctype html><html lang="fa" dir="rtl"><meta charset="utf-8"><title>تراکنش یافت نشد</title><body style="font-family:Tahoma"><p data-testid="bank-unknown">چنین تراکنشی در بانک وجود ندارد.</p></body></html>';

  const load = (token: string) => bankTransaction(ctx.db, token);

  app.get('/sandbox-bank/vazirmatn.woff2', { schema: { hide: true } }, async (_req, reply) => {
    const file = require.resolve('@fontsource/vazirmatn/files/vazirmatn-arabic-400-normal.woff2');
    return reply.type('font/woff2').header('cache-control', 'public, max-age=86400').send(fs.createReadStream(file));
  });

  app.get<{ Params: { token: string } }>('/sandbox-bank/pay/:token', { schema: { hide: true } }, async (req, reply) => {
    const row = await load(req.params.token.slice(0, 100));
    if (!row) return html(reply, notFound, 404);
    return html(reply, bankPageHtml(row, await payments.merchantNameFor(ctx.db, row.token), ctx.clock.now()));
  });

  app.post<{ Params: { token: string }; Body: Record<string, string> }>(
    '/sandbox-bank/pay/:token',
    { schema: { hide: true } },
    async (req, reply) => {
      const token = req.params.token.slice(0, 100);
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, string>;
      const action = body.action === 'decline' || body.action === 'cancel' ? body.action : 'pay';
      const decided = await decideAtBank(ctx.db, ctx.config.paymentSecret, token, action, body, ctx.clock.now());
      if (!decided) return html(reply, notFound, 404);
      if ('error' in decided) {
        const row = (await load(token))!;
        return html(
          reply,
          bankPageHtml(row, await payments.merchantNameFor(ctx.db, token), ctx.clock.now(), decided.error),
          422,
        );
      }
      return html(reply, returnToMerchantHtml(decided.callback));
    },
  );
}
