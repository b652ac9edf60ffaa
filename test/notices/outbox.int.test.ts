/**
 * The SMS outbox as admins read it: one-time codes (sign-in, consent) never leave the server
 * through it, in development as in production. The codes themselves stay in the database row,
 * which the SMS transport sends; the tests read them there, as the transport does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

/** Both environments: the mask must not depend on NODE_ENV. */
for (const nodeEnv of ['development', 'production'] as const) {
  describe(`the outbox with NODE_ENV=${nodeEnv}`, () => {
    let t: TestServer;
    const codes: string[] = [];
    beforeAll(async () => {
      t = await startTestServer({
        env: { NODE_ENV: nodeEnv, DAFTAR_PAYMENT_SECRET: 'outbox-test-secret', DAFTAR_SEED_DEMO: '0' },
      });
      // A citizen of Tehran asks for a sign-in code; an operator of a Tehran office asks for a consent code.
      const asked = await t.anonymous().post('/api/v1/auth/citizen/otp', { mobile: '09120000001' });
      expect(asked.statusCode, asked.body).toBe(202);
      const operator = await t.signInStaff('operator.11001');
      const consent = await operator.post('/api/v1/counter/consents', {
        nationalId: '0499370899',
        purpose: 'follow-up',
      });
      expect(consent.statusCode, consent.body).toBe(202);
      const rows = await t.query<{ body: string; template: string }>(
        "select body, template from notifier_outbox where template in ('otp.sign-in', 'otp.consent') order by id",
      );
      expect(rows.map((r) => r.template)).toEqual(['otp.sign-in', 'otp.consent']);
      for (const row of rows) {
        const code = /\((\d{6})\)/.exec(row.body)?.[1];
        expect(code, row.body).toBeDefined();
        codes.push(code as string);
      }
    });
    afterAll(async () => {
      await t?.stop();
    });

    it('the regulator and the province association read the code messages with every digit masked', async () => {
      for (const admin of ['regulator', 'association.tehran', 'association']) {
        const client = await t.signInStaff(admin);
        const res = await client.get('/api/v1/notifier/outbox?pageSize=200');
        expect(res.statusCode, res.body).toBe(200);
        const items = res.json().items as { template: string; body: string }[];
        const codeMessages = items.filter((m) => m.template.startsWith('otp.'));
        expect(codeMessages.map((m) => m.template).sort()).toEqual(['otp.consent', 'otp.sign-in']);
        for (const m of codeMessages) {
          expect(m.body).toContain('••••••');
          expect(m.body).not.toMatch(/[0-9۰-۹]/);
        }
        // Nowhere in the answer, in Latin or Persian digits.
        const persian = (code: string) => code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
        for (const code of codes) {
          expect(res.body).not.toContain(code);
          expect(res.body).not.toContain(persian(code));
        }
      }
    });
  });
}
