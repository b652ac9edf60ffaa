/**
 * The sandbox bank: Daftar's default payment gateway, behaving like an Iranian bank's internet
 * payment page. It keeps its own ledger (sandbox_bank_transactions), shows a Persian payment page
 * at /sandbox-bank/pay/<token>, and sends the browser back to the merchant's callback with the
 * outcome signed by HMAC-SHA256 over the shared secret (DAFTAR_PAYMENT_SECRET). Only the test card
 * pays; the page also has buttons to make the bank decline and to cancel.
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { eq, and } from 'drizzle-orm';
import { formatRials } from '#core/money';
import { toLatinDigits, toPersianDigits } from '#core/persian-digits';
import type { Executor } from '#server/db/transaction';
import type { GatewayAnswer, PaymentGateway } from '#server/platform/ports/payment-gateway';
import { sandboxBankTransactions } from './tables';

const SANDBOX_GATEWAY = 'sandbox';
export const SANDBOX_CALLBACK_PATH = '/api/v1/payments/callback/sandbox';
/** The card the sandbox bank accepts (Luhn-valid, issuer 6037 99 as on the test cards of Iranian banks). */
export const SANDBOX_TEST_CARD = {
  pan: '6037991199500186',
  cvv2: '123',
  expMonth: '12',
  expYear: '08',
  pin: '123456',
} as const;

type BankOutcome = 'paid' | 'declined' | 'cancelled';

/** The fields the bank posts back; `signature` covers all the others. */
export interface CallbackFields {
  token: string;
  outcome: BankOutcome;
  amountRials: string;
  merchantReference: string;
  bankReference: string;
}

export function signCallback(secret: string, f: Omit<CallbackFields, 'signature'>): string {
  return createHmac('sha256', secret)
    .update([f.token, f.outcome, f.amountRials, f.merchantReference, f.bankReference].join('|'))
    .digest('hex');
}

function answerOf(row: typeof sandboxBankTransactions.$inferSelect | undefined): GatewayAnswer {
  if (!row) return { state: 'unknown', amountRials: null, bankReference: null };
  const state =
    row.status === 'paid'
      ? 'paid'
      : row.status === 'declined'
        ? 'failed'
        : row.status === 'cancelled' || row.status === 'reversed'
          ? 'cancelled'
          : 'pending';
  return { state, amountRials: row.amountRials, bankReference: row.bankReference };
}

/** The bank's record of a transaction (for its own pages). */
export async function bankTransaction(db: Executor, token: string) {
  const [row] = await db.select().from(sandboxBankTransactions).where(eq(sandboxBankTransactions.token, token));
  return row;
}

export const sandboxGateway: PaymentGateway = {
  name: SANDBOX_GATEWAY,
  async start(db, request) {
    const token = randomBytes(16).toString('hex');
    await db.insert(sandboxBankTransactions).values({
      token,
      amountRials: request.amountRials,
      merchantReference: request.merchantReference,
      expiresAt: request.expiresAt,
    });
    return { token, redirectUrl: `/sandbox-bank/pay/${token}` };
  },
  verify: async (db, token) => answerOf(await bankTransaction(db, token)),
  inquire: async (db, token) => answerOf(await bankTransaction(db, token)),
  async reverse(db, token, now) {
    await db
      .update(sandboxBankTransactions)
      .set({ status: 'reversed', decidedAt: now })
      .where(and(eq(sandboxBankTransactions.token, token), eq(sandboxBankTransactions.status, 'paid')));
  },
};

// ---- the bank's own page ----------------------------------------------------------------------

export interface CardInput {
  pan?: string;
  cvv2?: string;
  expMonth?: string;
  expYear?: string;
  pin?: string;
}

const digits = (v: string | undefined) => toLatinDigits(v ?? '').replace(/[\s-]/g, '');

/**
 * What the bank decides when the payer presses a button on its page, at `now` (the sandbox bank
 * keeps the server's clock). Returns an error text for the page, or the callback to send.
 */
export async function decideAtBank(
  db: Executor,
  secret: string,
  token: string,
  action: 'pay' | 'decline' | 'cancel',
  card: CardInput,
  now: Date,
): Promise<{ error: string } | { callback: CallbackFields & { signature: string } } | null> {
  const row = await bankTransaction(db, token);
  if (!row) return null;
  if (row.status !== 'pending') return { error: 'این تراکنش پیش‌تر انجام شده است.' };
  if (row.expiresAt.getTime() <= now.getTime()) return { error: 'مهلت پرداخت به پایان رسیده است.' };
  let outcome: BankOutcome;
  let bankReference = '';
  if (action === 'cancel') outcome = 'cancelled';
  else if (action === 'decline') outcome = 'declined';
  else {
    const c = {
      pan: digits(card.pan),
      cvv2: digits(card.cvv2),
      expMonth: digits(card.expMonth).padStart(2, '0'),
      expYear: digits(card.expYear).padStart(2, '0'),
      pin: digits(card.pin),
    };
    if (!/^\d{16}$/.test(c.pan)) return { error: 'شمارهٔ کارت باید ۱۶ رقم باشد.' };
    if (
      c.pan !== SANDBOX_TEST_CARD.pan ||
      c.cvv2 !== SANDBOX_TEST_CARD.cvv2 ||
      c.expMonth !== SANDBOX_TEST_CARD.expMonth ||
      c.expYear !== SANDBOX_TEST_CARD.expYear ||
      c.pin !== SANDBOX_TEST_CARD.pin
    ) {
      return { error: 'اطلاعات کارت نادرست است. در محیط آزمایشی فقط کارت آزمایشی پذیرفته می‌شود.' };
    }
    outcome = 'paid';
    bankReference = String(randomInt(100_000_000, 999_999_999)) + String(randomInt(100, 999));
  }
  const status = outcome === 'paid' ? 'paid' : outcome === 'declined' ? 'declined' : 'cancelled';
  const updated = await db
    .update(sandboxBankTransactions)
    .set({
      status,
      bankReference: bankReference || null,
      cardMask:
        outcome === 'paid' ? `${SANDBOX_TEST_CARD.pan.slice(0, 6)}******${SANDBOX_TEST_CARD.pan.slice(-4)}` : null,
      decidedAt: now,
    })
    .where(and(eq(sandboxBankTransactions.token, token), eq(sandboxBankTransactions.status, 'pending')))
    .returning({ token: sandboxBankTransactions.token });
  if (!updated.length) return { error: 'این تراکنش پیش‌تر انجام شده است.' };
  const fields: CallbackFields = {
    token,
    outcome,
    amountRials: String(row.amountRials),
    merchantReference: row.merchantReference,
    bankReference,
  };
  return { callback: { ...fields, signature: signCallback(secret, fields) } };
}

function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const PAGE_STYLE = `
@font-face{font-family:Vazirmatn;src:url(/sandbox-bank/vazirmatn.woff2) format('woff2');font-display:swap}
*{box-sizing:border-box}body{font-family:Vazirmatn,Tahoma,sans-serif;background:#eef2f7;margin:0;color:#1b2733}
header{background:#0b4f8a;color:#fff;padding:14px 24px;display:flex;justify-content:space-between;align-items:center}
header b{font-size:18px}.sandbox{background:#ffd54f;color:#5d4300;border-radius:4px;padding:2px 10px;font-size:13px}
main{max-width:760px;margin:24px auto;display:grid;grid-template-columns:1fr 1fr;gap:16px;padding:0 12px}
section{background:#fff;border-radius:8px;padding:18px 20px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h2{font-size:16px;margin:0 0 12px;color:#0b4f8a}dl{margin:0}dt{color:#607080;font-size:13px}dd{margin:0 0 10px;font-weight:600}
.amount{font-size:22px;color:#0b7a3b}label{display:block;font-size:13px;margin:8px 0 4px;color:#405060}
input{width:100%;padding:8px 10px;border:1px solid #b8c4d0;border-radius:6px;font:inherit;direction:ltr;text-align:center;letter-spacing:2px}
.row{display:flex;gap:8px}.row>div{flex:1}.buttons{display:flex;gap:8px;margin-top:16px;flex-wrap:wrap}
button{font:inherit;border:0;border-radius:6px;padding:9px 16px;cursor:pointer}
.pay{background:#0b7a3b;color:#fff;flex:1}.decline{background:#fbe3e3;color:#9b1c1c}.cancel{background:#e4e8ee;color:#333}
.error{background:#fde8e8;color:#9b1c1c;border-radius:6px;padding:8px 12px;margin-bottom:10px}
.hint{font-size:12px;color:#708090;margin-top:12px;line-height:1.9}
@media(max-width:700px){main{grid-template-columns:1fr}}`;

/**
 * The test card as the page's fields ask for it, each value beside its field's own label and in
 * the fields' order (month, then year), so the hint cannot be read the other way round.
 */
function testCardHint(): string {
  const card = SANDBOX_TEST_CARD;
  const fields: [label: string, testId: string, value: string][] = [
    ['شمارهٔ کارت', 'pan', card.pan.replace(/(\d{4})(?=\d)/g, '$1-')],
    ['CVV2', 'cvv2', card.cvv2],
    ['ماه انقضا', 'exp-month', card.expMonth],
    ['سال انقضا', 'exp-year', card.expYear],
    ['رمز دوم', 'pin', card.pin],
  ];
  return fields
    .map(
      ([label, testId, value]) =>
        `${esc(label)}: <bdi dir="ltr" data-testid="bank-hint-${testId}">${esc(toPersianDigits(value))}</bdi>`,
    )
    .join('، ');
}

export function bankPageHtml(
  row: { token: string; amountRials: number; merchantReference: string; expiresAt: Date; status: string },
  merchant: string,
  now: Date,
  error?: string,
): string {
  const minutesLeft = Math.max(0, Math.ceil((row.expiresAt.getTime() - now.getTime()) / 60_000));
  const closed = row.status !== 'pending' || minutesLeft === 0;
  return `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>درگاه پرداخت اینترنتی — بانک آزمایشی</title><style>${PAGE_STYLE}</style></head><body>
<header><b>درگاه پرداخت اینترنتی شاپرک — بانک آزمایشی</b><span class="sandbox">محیط آزمایشی؛ پولی جابه‌جا نمی‌شود</span></header>
<main>
<section><h2>اطلاعات پذیرنده</h2><dl>
<dt>پذیرنده</dt><dd data-testid="bank-merchant">${esc(merchant)}</dd>
<dt>مبلغ قابل پرداخت</dt><dd class="amount" data-testid="bank-amount">${esc(formatRials(row.amountRials))}</dd>
<dt>شمارهٔ رسید پذیرنده</dt><dd data-testid="bank-reference">${esc(toPersianDigits(row.merchantReference))}</dd>
<dt>زمان باقی‌مانده</dt><dd>${esc(toPersianDigits(minutesLeft))} دقیقه</dd></dl></section>
<section><h2>اطلاعات کارت</h2>
${error ? `<div class="error" data-testid="bank-error">${esc(error)}</div>` : ''}
${
  closed
    ? `<div class="error" data-testid="bank-closed">${row.status !== 'pending' ? 'این تراکنش پیش‌تر انجام شده است.' : 'مهلت پرداخت به پایان رسیده است.'}</div>`
    : `
<form method="post" action="/sandbox-bank/pay/${esc(row.token)}">
<label for="pan">شمارهٔ کارت</label><input id="pan" name="pan" inputmode="numeric" autocomplete="cc-number" maxlength="19" data-testid="bank-pan">
<div class="row"><div><label for="cvv2">CVV2</label><input id="cvv2" name="cvv2" inputmode="numeric" maxlength="4" data-testid="bank-cvv2"></div>
<div><label for="expMonth">ماه انقضا</label><input id="expMonth" name="expMonth" inputmode="numeric" maxlength="2" data-testid="bank-exp-month"></div>
<div><label for="expYear">سال انقضا</label><input id="expYear" name="expYear" inputmode="numeric" maxlength="2" data-testid="bank-exp-year"></div></div>
<label for="pin">رمز دوم (پویا)</label><input id="pin" name="pin" type="password" inputmode="numeric" maxlength="12" data-testid="bank-pin">
<div class="buttons">
<button class="pay" name="action" value="pay" data-testid="bank-pay">پرداخت</button>
<button class="decline" name="action" value="decline" formnovalidate data-testid="bank-decline">رد تراکنش از سوی بانک</button>
<button class="cancel" name="action" value="cancel" formnovalidate data-testid="bank-cancel">انصراف</button>
</div></form>
<div class="hint" data-testid="bank-hint">کارت آزمایشی — ${testCardHint()}</div>`
}
</section></main></body></html>`;
}

/** The page a bank shows while it sends the payer back to the merchant: a form that posts itself. */
export function returnToMerchantHtml(callback: CallbackFields & { signature: string }): string {
  const inputs = Object.entries(callback)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  const message =
    callback.outcome === 'paid'
      ? 'پرداخت انجام شد.'
      : callback.outcome === 'declined'
        ? 'تراکنش از سوی بانک رد شد.'
        : 'پرداخت لغو شد.';
  return `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>بازگشت به سایت پذیرنده</title><style>${PAGE_STYLE}</style></head>
<body onload="document.forms[0].submit()"><header><b>درگاه پرداخت اینترنتی — بانک آزمایشی</b></header>
<main style="display:block"><section><p data-testid="bank-result">${esc(message)}</p><p>در حال بازگشت به سایت پذیرنده …</p>
<form method="post" action="${esc(SANDBOX_CALLBACK_PATH)}">${inputs}<button class="pay" type="submit" data-testid="bank-return">بازگشت به سایت پذیرنده</button></form>
</section></main></body></html>`;
}
