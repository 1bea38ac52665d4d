import { describe, expect, it } from 'vitest';
import {
  acme,
  api,
  category,
  globex,
  gustoScenario,
  oldApp,
  postToken,
  preStrict,
  refresh,
  startGusto,
  strictAccess,
} from './gusto-sandbox.js';

/** Two legacy grants of the same pre-2023-05-01 application: one over Acme and Globex, one over Acme only. */
const twoLegacyGrants = {
  providers: {
    gusto: {
      ...gustoScenario.providers.gusto,
      grants: [
        { refreshToken: 'legacy-acme-and-globex', clientId: 'old-client', companies: [acme, globex] },
        { refreshToken: 'legacy-acme-only', clientId: 'old-client', companies: [acme] },
      ],
    },
  },
};

describe('Gusto revocation of legacy company access on first use of a strict token', () => {
  it('lets legacy tokens reach all their companies on versions before 2023-05-01', async () => {
    const server = await startGusto(twoLegacyGrants);
    const wide = await refresh(server, 'legacy-acme-and-globex', oldApp);
    for (const company of [acme, globex]) {
      const res = await api(server, `/v1/companies/${company}`, wide.access_token, preStrict);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-gusto-api-version')).toBe('2023-04-01');
    }
  });

  it('does not revoke anything on the exchange alone', async () => {
    const server = await startGusto(twoLegacyGrants);
    const wide = await refresh(server, 'legacy-acme-and-globex', oldApp);
    await strictAccess(server, wide.access_token, oldApp);
    expect((await api(server, `/v1/companies/${acme}`, wide.access_token, preStrict)).status).toBe(200);
  });

  it('revokes the company from every legacy grant on first use of a strict token', async () => {
    const server = await startGusto(twoLegacyGrants);
    const wide = await refresh(server, 'legacy-acme-and-globex', oldApp);
    const narrow = await refresh(server, 'legacy-acme-only', oldApp);
    const pairs = await strictAccess(server, wide.access_token, oldApp);
    const acmeStrict = pairs.find((p) => p.resource_uuid === acme)?.access_token;

    expect((await api(server, `/v1/companies/${acme}`, acmeStrict, preStrict)).status).toBe(200);

    // The wide grant loses Acme and keeps Globex.
    const lost = await api(server, `/v1/companies/${acme}`, wide.access_token, preStrict);
    expect(lost.status).toBe(403);
    expect(await category(lost)).toBe('missing_permissions');
    expect((await api(server, `/v1/companies/${globex}`, wide.access_token, preStrict)).status).toBe(200);
    // A refreshed legacy token reaches Globex only; its token info names Globex.
    const refreshed = await refresh(server, wide.refresh_token, oldApp);
    const info = await api(server, '/v1/token_info', refreshed.access_token, preStrict);
    expect(await info.json()).toMatchObject({ resource: { type: 'Company', uuid: globex } });
    // Exchanging the legacy token again now yields Globex only.
    const again = await strictAccess(server, refreshed.access_token, oldApp);
    expect(again.map((p) => p.resource_uuid)).toEqual([globex]);

    // The narrow grant had Acme only: it is revoked entirely, refresh token included.
    const dead = await api(server, `/v1/companies/${acme}`, narrow.access_token, preStrict);
    expect(dead.status).toBe(401);
    expect(dead.headers.get('www-authenticate')).toContain('The access token was revoked');
    const noRefresh = await postToken(server, {
      ...oldApp,
      grant_type: 'refresh_token',
      refresh_token: narrow.refresh_token,
    });
    expect(noRefresh.status).toBe(400);
    expect(await noRefresh.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('counts a token_info call as a use', async () => {
    const server = await startGusto(twoLegacyGrants);
    const wide = await refresh(server, 'legacy-acme-and-globex', oldApp);
    const pairs = await strictAccess(server, wide.access_token, oldApp);
    const globexStrict = pairs.find((p) => p.resource_uuid === globex)?.access_token;
    expect((await api(server, '/v1/token_info', globexStrict, preStrict)).status).toBe(200);
    expect((await api(server, `/v1/companies/${globex}`, wide.access_token, preStrict)).status).toBe(403);
    expect((await api(server, `/v1/companies/${acme}`, wide.access_token, preStrict)).status).toBe(200);
  });

  it('leaves the legacy grants of other applications alone', async () => {
    const server = await startGusto({
      providers: {
        gusto: {
          ...gustoScenario.providers.gusto,
          grants: [
            { refreshToken: 'current-app-legacy', companies: [acme, globex] },
            { refreshToken: 'old-app-legacy', clientId: 'old-client', companies: [acme] },
          ],
        },
      },
    });
    const current = await refresh(server, 'current-app-legacy');
    const old = await refresh(server, 'old-app-legacy', oldApp);
    const [strict] = await strictAccess(server, current.access_token);
    expect((await api(server, `/v1/companies/${strict?.resource_uuid}`, strict?.access_token)).status).toBe(
      200,
    );
    expect((await api(server, `/v1/companies/${acme}`, old.access_token, preStrict)).status).toBe(200);
  });
});
