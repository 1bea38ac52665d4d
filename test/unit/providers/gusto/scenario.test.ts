import { describe, expect, it } from 'vitest';
import { gusto } from '../../../../src/providers/gusto/dialect.js';
import { dialects } from '../../../../src/providers/registry.js';
import { loadScenarioFile } from '../../../../src/scenario/scenario.js';
import { acme, call, gustoEngine, gustoScenario } from './gusto-sandbox.js';

const section = gustoScenario.providers.gusto;

describe('the Gusto scenario section', () => {
  it('accepts the test scenario and the default scenario file', async () => {
    expect(gusto.checkSection(section, 'providers.gusto')).toEqual([]);
    const loaded = await loadScenarioFile('scenarios/default.yaml', dialects);
    expect(loaded.providers.gusto).toBeDefined();
  });

  it('names grants that point at unknown clients or companies, and strict grants over several companies', () => {
    const problems = gusto.checkSection(
      {
        ...section,
        grants: [
          {
            refreshToken: 'abcdefgh',
            companies: ['00000000-0000-4000-8000-000000000000'],
            clientId: 'ghost',
          },
          { refreshToken: 'abcdefgh2', companies: section.companies.map((c) => c.uuid), strict: true },
          { refreshToken: 'abcdefgh3', companies: [] },
        ],
      },
      'providers.gusto',
    );
    expect(problems.map((p) => p.path)).toEqual([
      'providers.gusto.grants[0].clientId',
      'providers.gusto.grants[0].companies[0]',
      'providers.gusto.grants[1].companies',
      'providers.gusto.grants[2].companies',
    ]);
  });

  it('refuses malformed values with their key paths', () => {
    const problems = gusto.checkSection(
      {
        clients: [{ clientId: 'c', clientSecret: 's', minimumApiVersion: '2024-02-30' }],
        companies: [{ uuid: 'acme' }],
      },
      'providers.gusto',
    );
    expect(problems.map((p) => p.path)).toEqual(['providers.gusto.companies[0].uuid']);
    const dates = gusto.checkSection(
      { clients: [{ clientId: 'c', clientSecret: 's', minimumApiVersion: '2024-02-30' }] },
      'p',
    );
    expect(dates).toEqual([{ path: 'p.clients[0].minimumApiVersion', message: 'is not a calendar date' }]);
  });

  it('seeds employees and a company admin for every company', async () => {
    const engine = await gustoEngine();
    const users = await engine.store.list('user', 'gusto');
    expect(
      users
        .filter((u) => u.companies.includes(acme))
        .map((u) => u.role)
        .sort(),
    ).toEqual(['CompanyAdmin', 'Employee']);
    expect(users.filter((u) => u.role === 'CompanyAdmin')).toHaveLength(3);
    const page = await call(engine, {
      path: '/oauth/authorize',
      query: { client_id: 'gusto-client', response_type: 'code' },
    });
    expect(page.status).toBe(200);
  });
});
