import { fixedClock } from '../../../../src/engine/clock.js';
import { SandboxEngine } from '../../../../src/engine/engine.js';
import type { SandboxResponse } from '../../../../src/engine/http.js';
import { gusto } from '../../../../src/providers/gusto/dialect.js';
import { parseScenario } from '../../../../src/scenario/scenario.js';

export const acme = '7b1d0df1-6a6b-4c1e-9b0e-2f8a5c3d4e51';
export const globex = 'd525dd21-ba6e-482c-be15-c2c7237f1364';
export const initech = '31db35cd-84c3-4f6a-b56a-ff05d71ef82e';
export const legacyRefresh = 'legacy-refresh-token-acme-globex';
export const oldApiRefresh = 'legacy-refresh-token-old-api-version';

/** A Gusto-only scenario: a current app, an app still below 2023-05-01, three companies, two legacy grants. */
export const gustoScenario = {
  providers: {
    gusto: {
      clients: [
        {
          clientId: 'gusto-client',
          clientSecret: 'gusto-secret',
          minimumApiVersion: '2024-04-01',
          redirectUris: ['http://localhost:3000/callback'],
        },
        { clientId: 'old-client', clientSecret: 'old-secret', minimumApiVersion: '2022-11-01' },
      ],
      companies: [
        {
          uuid: acme,
          name: 'Acme Payroll',
          admin: {
            uuid: '8fdc31f0-3b6a-4c5d-9e7f-1a2b3c4d5e6f',
            firstName: 'Ada',
            lastName: 'Admin',
            email: 'ada@acme.example',
          },
          employees: [
            { uuid: '4f3c1e0a-8b2d-4c6e-9f1a-2b3c4d5e6f70', firstName: 'Grace', lastName: 'Hopper' },
          ],
        },
        { uuid: globex, name: 'Globex Payroll' },
        { uuid: initech, name: 'Initech Payroll' },
      ],
      grants: [
        { refreshToken: legacyRefresh, companies: [acme, globex] },
        { refreshToken: oldApiRefresh, clientId: 'old-client', companies: [acme, globex] },
      ],
    },
  },
};

export async function gustoEngine(scenario: Record<string, unknown> = gustoScenario): Promise<SandboxEngine> {
  return SandboxEngine.create({
    dialects: [gusto],
    scenario: parseScenario(scenario, 'test', [gusto]),
    clock: fixedClock('2026-01-01T00:00:00Z'),
  });
}

export interface Call {
  method?: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  raw?: string;
}

export function call(engine: SandboxEngine, c: Call): Promise<SandboxResponse> {
  const headers: Record<string, string> = { ...c.headers };
  let rawBody = Buffer.alloc(0);
  if (c.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    rawBody = Buffer.from(JSON.stringify(c.json));
  } else if (c.form !== undefined) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    rawBody = Buffer.from(new URLSearchParams(c.form).toString());
  } else if (c.raw !== undefined) rawBody = Buffer.from(c.raw);
  return engine.handle({
    provider: 'gusto',
    method: c.method ?? (rawBody.length > 0 ? 'POST' : 'GET'),
    path: c.path,
    query: new URLSearchParams(c.query),
    headers,
    rawBody,
  });
}

export function token(
  engine: SandboxEngine,
  body: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  return call(engine, {
    path: '/oauth/token',
    json: { client_id: 'gusto-client', client_secret: 'gusto-secret', ...body },
    ...(headers ? { headers } : {}),
  });
}

/** A field of a JSON object body. */
export function field(res: SandboxResponse, name: string): unknown {
  const body: unknown = res.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new Error(`not an object: ${JSON.stringify(body)}`);
  return new Map(Object.entries(body)).get(name);
}

export function text(res: SandboxResponse, name: string): string {
  const value = field(res, name);
  if (typeof value !== 'string') throw new Error(`${name} is not a string in ${JSON.stringify(res.body)}`);
  return value;
}
