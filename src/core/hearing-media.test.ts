import { describe, expect, it } from 'vitest';
import { hearingMedia, sfuRoomOf } from './hearing-media';

describe("a hearing's media path", () => {
  it('stays peer to peer for the judge and up to four remote participants (issue 17: "a judge with up to ~4 remote participants")', () => {
    expect(hearingMedia(1, true)).toBe('mesh');
    expect(hearingMedia(4, true)).toBe('mesh');
  });

  it('goes through the SFU above four participants, only when the deployment has one', () => {
    expect(hearingMedia(5, true)).toBe('sfu');
    expect(hearingMedia(10, true)).toBe('sfu');
    expect(hearingMedia(10, false)).toBe('mesh');
  });

  it('puts the admitted in the main room and those sent to consult in the consultation room; nobody else in either', () => {
    expect(sfuRoomOf('admitted')).toBe('main');
    expect(sfuRoomOf('consultation')).toBe('consultation');
    for (const s of ['invited', 'waiting', 'removed', 'left'] as const) expect(sfuRoomOf(s)).toBeNull();
  });
});
