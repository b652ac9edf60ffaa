import { describe, expect, it } from 'vitest';
import { relayedSignal, signalTarget } from './rooms';

describe('a signal relayed as its own text', () => {
  const offer = '{"type":"signal","to":"u7","data":{"description":{"type":"offer","sdp":"v=0\\r\\n"}}}';

  it('reaches its addressee as {type, to, data, from}, the data untouched', () => {
    expect(JSON.parse(relayedSignal(offer, 'u3'))).toEqual({
      type: 'signal',
      to: 'u7',
      data: { description: { type: 'offer', sdp: 'v=0\r\n' } },
      from: 'u3',
    });
  });

  it('keeps its sender as the server names it, whatever the text ends with', () => {
    expect(JSON.parse(relayedSignal(`${offer} \n`, 'u3')).from).toBe('u3');
    // Were a sender's `from` ever let through, the server's, written last, is the one read.
    expect(JSON.parse(relayedSignal('{"type":"signal","from":"u1","to":"u7","data":{}}', 'u3')).from).toBe('u3');
  });

  it('is only a signal with exactly a type, an addressee of at most 40 characters and an object of data', () => {
    expect(signalTarget(JSON.parse(offer))).toBe('u7');
    expect(signalTarget({ type: 'signal', to: 'u7', data: {}, from: 'u1' })).toBeNull();
    expect(signalTarget({ type: 'signal', to: 'u'.repeat(41), data: {} })).toBeNull();
    expect(signalTarget({ type: 'signal', to: 'u7', data: [] })).toBeNull();
    expect(signalTarget({ type: 'signal', to: 'u7', data: null })).toBeNull();
    expect(signalTarget({ type: 'signal', to: 7, data: {} })).toBeNull();
    expect(signalTarget({ type: 'hand', raised: true })).toBeNull();
    expect(signalTarget([])).toBeNull();
    expect(signalTarget('signal')).toBeNull();
  });
});
