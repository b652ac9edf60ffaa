/** The payments area's routes (each endpoint of its contract: a use case called, its answer out) and the sandbox bank's own pages. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import type { Api } from '#server/platform/http/api';
import { areaContract } from '#server/platform/http/contract';
import { implement } from '#server/platform/http/implement';
import { PRINTABLE_PAGE_POLICY, policyAllowingHandlers } from '#server/platform/http/security-headers';
import { sendPdf } from '#server/platform/pdf/send-pdf';
import { receiptHtml } from './receipt';
import { bankPageHtml, bankTransaction, decideAtBank, returnToMerchantHtml } from './sandbox-gateway';
import { paymentsContract } from './contract';
import type { startedPaymentSchema } from './schemas';
import * as payments from './service';

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
  const { callback, ...endpoints } = paymentsContract.endpoints;
  implement(app, areaContract(paymentsContract.tag, endpoints), {
    list: ({ actor, query }) => payments.listPayments(ctx, actor, query),
    async create({ actor, body, headers }, _req, reply) {
      const answer = await payments.createServicePayment(ctx, actor, body, headers['idempotency-key']);
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      reply.code(answer.status);
      return answer.body as z.infer<typeof startedPaymentSchema>;
    },
    get: ({ actor, params }) => payments.getPayment(ctx, actor, params.id),
    async receipt({ actor, params }, _req, reply) {
      const p = await payments.getPayment(ctx, actor, params.id);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', PRINTABLE_PAGE_POLICY)
        .send(receiptHtml(p, { printButton: true, pdfUrl: `/api/v1/payments/${p.id}/receipt.pdf` }));
    },
    async receiptPdf({ actor, params }, req, reply) {
      const p = await payments.getPayment(ctx, actor, params.id);
      return sendPdf(req, reply, {
        html: () => receiptHtml(p, { printButton: false }),
        htmlUrl: `/api/v1/payments/${p.id}/receipt`,
        filename: `receipt-${p.receiptNumber}.pdf`,
        print: { format: 'A5' },
      });
    },
  });

  // The bank's callback is authenticated by its signature, not by a session: a browser form post
  // from the bank's page, so no CSRF header and possibly no (or someone else's) cookie
  // (`sessionless`). It is recorded even when it carries text the database cannot store (with that
  // text replaced), as the docs promise (`acceptsUnstorableText`). Only its scope accepts forms.
  implement(
    app,
    areaContract(paymentsContract.tag, { callback }),
    {
      async callback({ params, body }, _req, reply) {
        const result = await payments.handleCallback(ctx, params.gateway, body);
        if (result.paymentId == null || result.verdict === 'forged' || result.verdict === 'unknown') {
          throw new AppError('payment_callback_rejected', { extra: { verdict: result.verdict } });
        }
        reply.header('location', `/payments/${result.paymentId}?verdict=${result.verdict}`);
        return null;
      },
    },
    {
      setup: (scope) => acceptForms(scope as unknown as FastifyInstance),
      config: { callback: { sessionless: true, acceptsUnstorableText: true } },
    },
  );
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
