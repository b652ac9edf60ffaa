import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH, hashedTextBeforeSeq, type ChainedEvent } from './chain';

describe('the text the database completes with the number it assigns', () => {
  const event: ChainedEvent = {
    seq: 41_207,
    at: '2026-12-05T08:30:00.123Z',
    actorUserId: 12,
    action: 'filings.submitted',
    entityType: 'filing',
    entityId: '981',
    provinceId: 1,
    officeId: 11001,
    data: { to: 'submitted', trackingCode: '140501000009817', nested: { seq: 3, z: null, a: 'دادخواست' } },
  };

  it('is the hashed text up to the number: previous hash, text, number and } hash to the event hash', () => {
    const { seq, ...rest } = event;
    const text = `${GENESIS_HASH}${hashedTextBeforeSeq(rest)}${seq}}`;
    expect(createHash('sha256').update(text).digest('hex')).toBe(eventHash(GENESIS_HASH, event));
  });

  it('does not depend on the number, and changes with any other part of the event', () => {
    const { seq: _seq, ...rest } = event;
    expect(hashedTextBeforeSeq(rest).endsWith('"seq":')).toBe(true);
    expect(hashedTextBeforeSeq({ ...rest, entityId: '982' })).not.toBe(hashedTextBeforeSeq(rest));
  });
});
