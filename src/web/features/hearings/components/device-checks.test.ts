import { describe, expect, it } from 'vitest';
import { HEARD_LEVEL, deviceProblem, level, medianRoundTrip } from './device-checks';

describe("the self-test's reading of the browser", () => {
  it('gives the advice that fits the failure getUserMedia reports', () => {
    // The names browsers give (MDN, MediaDevices.getUserMedia, "Exceptions"; older Chrome's in the second column).
    const cases: [string, string][] = [
      ['NotAllowedError', 'denied'],
      ['PermissionDeniedError', 'denied'],
      ['SecurityError', 'denied'],
      ['NotFoundError', 'noDevice'],
      ['DevicesNotFoundError', 'noDevice'],
      ['OverconstrainedError', 'noDevice'],
      ['NotReadableError', 'busy'],
      ['TrackStartError', 'busy'],
      ['TypeError', 'unsupported'],
      ['Whatever', 'other'],
    ];
    for (const [name, problem] of cases) expect(deviceProblem({ name, message: '' }), name).toBe(problem);
    expect(deviceProblem(new TypeError('no mediaDevices'))).toBe('unsupported');
    expect(deviceProblem(undefined)).toBe('other');
  });

  it('reads silence as nothing heard and a full-scale tone as heard', () => {
    expect(level(new Uint8Array(256).fill(128))).toBe(0);
    expect(level([])).toBe(0);
    // A square wave at ±64 around the midpoint: RMS 0.5, shown as a full bar.
    const square = Array.from({ length: 256 }, (_, i) => (i % 2 ? 192 : 64));
    expect(level(square)).toBe(1);
    // Hiss of ±2 steps stays under the threshold.
    const hiss = Array.from({ length: 256 }, (_, i) => (i % 2 ? 130 : 126));
    expect(level(hiss)).toBeLessThan(HEARD_LEVEL);
  });

  it('takes the middle round trip, so one slow first answer does not decide', () => {
    expect(medianRoundTrip([])).toBeNull();
    expect(medianRoundTrip([900, 20, 22, 21, 25])).toBe(22);
    expect(medianRoundTrip([10, 20])).toBe(15);
  });
});
