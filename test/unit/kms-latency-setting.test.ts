import { describe, expect, it } from 'vitest';
import { kmsLatencyFromEnv } from '../../infra/local/kms/server';

describe('KMS_LATENCY_MS of the local KMS endpoint', () => {
  it('is off unless set, and a whole number of milliseconds when set', () => {
    expect(kmsLatencyFromEnv({})).toBe(0);
    expect(kmsLatencyFromEnv({ KMS_LATENCY_MS: '' })).toBe(0);
    expect(kmsLatencyFromEnv({ KMS_LATENCY_MS: '100' })).toBe(100);
  });

  it('refuses what is not a bounded whole number of milliseconds', () => {
    for (const raw of ['-1', '1.5', 'fast', '60001'])
      expect(() => kmsLatencyFromEnv({ KMS_LATENCY_MS: raw })).toThrow(/KMS_LATENCY_MS/);
  });
});
