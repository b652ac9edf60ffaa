/**
 * The notifier: messages are written to the outbox inside the sender's transaction, and a job
 * delivers them through a transport. The default transport is the outbox itself (admins read it
 * in the UI), echoed to the console in development; a real SMS provider implements `SmsTransport`.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { notifierOutbox } from './tables';

export interface OutgoingMessage {
  channel: 'sms' | 'email';
  recipient: string;
  body: string;
  template: string;
  provinceId?: number | null;
}

export interface SmsTransport {
  readonly name: string;
  send(message: { id: number; recipient: string; body: string }): Promise<void>;
}

export class OutboxTransport implements SmsTransport {
  readonly name = 'outbox';
  constructor(private readonly echoToConsole: boolean) {}
  async send(message: { id: number; recipient: string; body: string }): Promise<void> {
    if (this.echoToConsole) console.log(`[sms → ${message.recipient}] ${message.body}`);
  }
}

/** Writes a message to the outbox as sent at `now` (the clock's instant: the outbox is part of the record). */
export async function enqueueMessage(tx: Executor, message: OutgoingMessage, now: Date): Promise<number> {
  const [row] = await tx
    .insert(notifierOutbox)
    .values({
      channel: message.channel,
      recipient: message.recipient,
      body: message.body,
      template: message.template,
      provinceId: message.provinceId ?? null,
      createdAt: now,
    })
    .returning({ id: notifierOutbox.id });
  return row.id;
}

/**
 * Delivers one pending message. Throws when the transport fails so the job queue retries with
 * backoff; `finalAttempt` marks the message failed instead of pending.
 */
export async function deliverMessage(
  db: Executor,
  transport: SmsTransport,
  id: number,
  finalAttempt: boolean,
  now: Date,
): Promise<'sent' | 'skipped'> {
  const [message] = await db
    .select()
    .from(notifierOutbox)
    .where(and(eq(notifierOutbox.id, id), eq(notifierOutbox.status, 'pending')));
  if (!message) return 'skipped';
  try {
    await transport.send({ id: message.id, recipient: message.recipient, body: message.body });
  } catch (error) {
    await db
      .update(notifierOutbox)
      .set({
        attempts: sql`${notifierOutbox.attempts} + 1`,
        lastError: String((error as Error).message ?? error).slice(0, 500),
        ...(finalAttempt ? { status: 'failed' as const } : {}),
      })
      .where(eq(notifierOutbox.id, id));
    throw error;
  }
  await db
    .update(notifierOutbox)
    .set({ status: 'sent', sentAt: now, attempts: sql`${notifierOutbox.attempts} + 1`, lastError: null })
    .where(eq(notifierOutbox.id, id));
  return 'sent';
}
