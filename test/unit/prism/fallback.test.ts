import { beforeAll, describe, expect, it } from 'vitest';
import { createPrismLayer } from '../../../src/prism/layer.js';
import { packageRoot, tokenRequest, widgetRequest, widgetsDialect } from '../../fixtures/prism/dialect.js';

const bearer = { authorization: 'Bearer anything' };

describe('the Prism fallback', () => {
  const layer = createPrismLayer({ root: packageRoot, mode: 'collect' });
  beforeAll(() => layer.warm([widgetsDialect]));

  it("answers an operation without a stateful route from the document's example", async () => {
    const res = await layer.fallback(widgetRequest('GET', '/widgets', { headers: bearer }), widgetsDialect);
    expect(res).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-123' },
      body: { widgets: [{ id: 'w_1', name: 'Sprocket' }] },
    });
  });

  it('matches templated paths and ignores the servers path prefix', async () => {
    const res = await layer.fallback(
      widgetRequest('GET', '/widgets/w_7', { headers: bearer }),
      widgetsDialect,
    );
    expect(res?.status).toBe(200);
    expect(res?.body).toEqual({ id: 'w_1', name: 'Sprocket' });
  });

  it('returns undefined for a path the document does not describe, so the dialect 404 applies', async () => {
    expect(
      await layer.fallback(widgetRequest('GET', '/gadgets', { headers: bearer }), widgetsDialect),
    ).toBeUndefined();
  });

  it('returns undefined for a method the document does not describe on a known path', async () => {
    expect(
      await layer.fallback(widgetRequest('PUT', '/widgets', { headers: bearer }), widgetsDialect),
    ).toBeUndefined();
    expect(await layer.fallback(widgetRequest('PROPFIND', '/widgets'), widgetsDialect)).toBeUndefined();
  });

  it("answers a missing token with Prism's 401 problem when the document declares no 401", async () => {
    const res = await layer.fallback(widgetRequest('GET', '/widgets'), widgetsDialect);
    expect(res?.status).toBe(401);
    expect(res?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res?.headers['www-authenticate']).toBe('Bearer');
    expect(res?.body).toMatchObject({ status: 401, type: expect.stringMatching(/#UNAUTHORIZED$/) });
  });

  it("answers a missing token with the document's own 401 when it declares one", async () => {
    const res = await layer.fallback(widgetRequest('DELETE', '/widgets/w_1'), widgetsDialect);
    expect(res).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
  });

  it('answers an invalid parameter with a 422 that lists the problem, never a 5xx', async () => {
    const res = await layer.fallback(
      widgetRequest('GET', '/widgets', { headers: bearer, query: 'limit=0' }),
      widgetsDialect,
    );
    expect(res?.status).toBe(422);
    expect(res?.body).toMatchObject({
      validation: [expect.objectContaining({ location: ['query', 'limit'] })],
    });
  });

  it('answers a JSON body that is not JSON with a 422', async () => {
    const headers = { ...bearer, 'content-type': 'application/json' };
    const res = await layer.fallback(
      widgetRequest('POST', '/widgets', { headers, body: '{"name":' }),
      widgetsDialect,
    );
    expect(res?.status).toBe(422);
  });

  it("answers an invalid form body with the document's 400 response", async () => {
    const res = await layer.fallback(tokenRequest('grant_type=password'), widgetsDialect);
    expect(res?.status).toBe(400);
    expect(res?.headers['content-type']).toBe('application/json');
  });

  it('keeps no Accept header from one request to the next', async () => {
    const xml = { ...bearer, accept: 'application/xml' };
    const refused = await layer.fallback(widgetRequest('GET', '/widgets', { headers: xml }), widgetsDialect);
    expect(refused?.status).toBe(406);
    const res = await layer.fallback(widgetRequest('GET', '/widgets', { headers: bearer }), widgetsDialect);
    expect(res?.status).toBe(200);
  });
});
