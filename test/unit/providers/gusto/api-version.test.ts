import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../src/engine/clock.js';
import { ProviderError } from '../../../../src/engine/errors.js';
import type { SandboxRequest } from '../../../../src/engine/http.js';
import type { ClientRecord } from '../../../../src/engine/records.js';
import {
  isApiVersion,
  requestedVersion,
  servedVersion,
} from '../../../../src/providers/gusto/api-version.js';

function request(version?: string): SandboxRequest {
  return {
    provider: 'gusto',
    method: 'GET',
    path: '/v1/token_info',
    query: new URLSearchParams(),
    headers: version === undefined ? {} : { 'x-gusto-api-version': version },
    rawBody: Buffer.alloc(0),
  };
}

const client: ClientRecord = {
  provider: 'gusto',
  clientId: 'c',
  clientSecret: 's',
  scopes: [],
  redirectUris: [],
  minimumApiVersion: '2024-04-01',
};

function statusOf(work: () => unknown): number | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof ProviderError) return error.status;
    throw error;
  }
  return undefined;
}

describe('Gusto API versions', () => {
  it('accepts only real calendar dates in YYYY-MM-DD form', () => {
    expect(isApiVersion('2024-04-01')).toBe(true);
    expect(isApiVersion('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2024-04-31', '2024-4-01', '2024-04-01T00:00', ' 2024-04-01', '']) {
      expect(isApiVersion(bad), bad).toBe(false);
    }
  });

  it('judges the future by the sandbox clock, in UTC', () => {
    const clock = fixedClock('2026-01-01T23:59:59Z');
    expect(requestedVersion(request('2026-01-01'), clock)).toBe('2026-01-01');
    expect(statusOf(() => requestedVersion(request('2026-01-02'), clock))).toBe(406);
    expect(requestedVersion(request(), clock)).toBeUndefined();
  });

  it("serves an absent version at the client's minimum and refuses anything below it", () => {
    expect(servedVersion(undefined, client)).toBe('2024-04-01');
    expect(servedVersion('2025-06-15', client)).toBe('2025-06-15');
    expect(statusOf(() => servedVersion('2024-03-31', client))).toBe(406);
  });
});
