import { beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../src/engine/http.js';
import { createPrismLayer, violationsHeader } from '../../../src/prism/layer.js';
import { packageRoot, tokenRequest, widgetRequest, widgetsDialect } from '../../fixtures/prism/dialect.js';

const validForm = 'grant_type=client_credentials&client_id=c1&client_secret=s1';
const token = { access_token: 'tok_1', token_type: 'bearer', expires_in: 3600 };

describe('the Prism inspector in collect mode', () => {
  const layer = createPrismLayer({ root: packageRoot, mode: 'collect' });
  beforeAll(() => layer.warm([widgetsDialect]));

  it('accepts a request and response that conform to the document', async () => {
    await layer.inspector(tokenRequest(validForm), json(200, token), widgetsDialect);
    expect(layer.takeViolations()).toEqual([]);
  });

  it('records a response that violates its schema', async () => {
    await layer.inspector(
      tokenRequest(validForm),
      json(200, { ...token, expires_in: '3600' }),
      widgetsDialect,
    );
    expect(layer.takeViolations()).toEqual([
      {
        provider: 'tink',
        operation: 'issueToken',
        method: 'POST',
        path: '/oauth/token',
        status: 200,
        where: 'response',
        violations: [
          { path: 'body.expires_in', message: expect.stringContaining('integer'), severity: 'error' },
        ],
      },
    ]);
  });

  it('validates OpenAPI 3.1 schemas as JSON Schema 2020-12 (unevaluatedProperties)', async () => {
    await layer.inspector(tokenRequest(validForm), json(200, { ...token, scope: 'all' }), widgetsDialect);
    const [violation] = layer.takeViolations();
    expect(violation?.violations[0]?.message).toMatch(/unevaluated properties: 'scope'/);
  });

  it('records a response with a success status the document does not declare', async () => {
    await layer.inspector(tokenRequest(validForm), json(201, token), widgetsDialect);
    expect(layer.takeViolations()).toMatchObject([{ where: 'response', status: 201 }]);
  });

  it('ignores warnings: an error status the document does not declare is not counted', async () => {
    await layer.inspector(
      tokenRequest(validForm),
      json(503, { error: 'temporarily_unavailable' }),
      widgetsDialect,
    );
    expect(layer.takeViolations()).toEqual([]);
  });

  it('records a request violation when the stateful layer answered it with 2xx', async () => {
    await layer.inspector(tokenRequest('grant_type=password&client_id=c1'), json(200, token), widgetsDialect);
    expect(layer.takeViolations()).toMatchObject([
      { where: 'request', status: 200, violations: [{ path: 'body.grant_type', severity: 'error' }] },
    ]);
  });

  it('does not record a request violation the stateful layer answered with 4xx', async () => {
    const refused = json(400, { error: 'unsupported_grant_type' });
    await layer.inspector(tokenRequest('grant_type=password&client_id=c1'), refused, widgetsDialect);
    expect(layer.takeViolations()).toEqual([]);
  });

  it('records a 4xx response whose body violates the schema the document gives it', async () => {
    const refused = json(400, { message: 'no error member' });
    await layer.inspector(tokenRequest('grant_type=password&client_id=c1'), refused, widgetsDialect);
    expect(layer.takeViolations()).toMatchObject([{ where: 'response', status: 400 }]);
  });

  it('validates JSON request bodies, parsed, against their schema', async () => {
    const headers = { 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer x' };
    const created = json(201, { id: 'w_2', name: 'Gear' });
    const good = widgetRequest('POST', '/widgets', { headers, body: JSON.stringify({ name: 'Gear' }) });
    await layer.inspector(good, created, widgetsDialect);
    expect(layer.takeViolations()).toEqual([]);
    const bad = widgetRequest('POST', '/widgets', { headers, body: JSON.stringify({ name: 7 }) });
    await layer.inspector(bad, created, widgetsDialect);
    expect(layer.takeViolations()).toMatchObject([
      { operation: 'createWidget', where: 'request', violations: [{ path: 'body.name' }] },
    ]);
  });

  it('records a stateful route that the document does not describe', async () => {
    await layer.inspector(widgetRequest('GET', '/undocumented'), json(200, { ok: true }), widgetsDialect);
    expect(layer.takeViolations()).toMatchObject([
      {
        operation: '(none)',
        where: 'request',
        violations: [{ message: expect.stringContaining('no operation') }],
      },
    ]);
  });

  it('records a validation that could not run instead of passing it silently', async () => {
    const missing = { ...widgetsDialect, openapi: 'test/fixtures/prism/missing.yaml' };
    await layer.inspector(tokenRequest(validForm), json(200, token), missing);
    expect(layer.takeViolations()).toMatchObject([{ operation: '(validation failed)' }]);
  });

  it('keeps violations until they are taken or cleared', async () => {
    await layer.inspector(tokenRequest(validForm), json(201, token), widgetsDialect);
    expect(layer.violations).toHaveLength(1);
    expect(layer.violations).toHaveLength(1);
    layer.clearViolations();
    expect(layer.violations).toEqual([]);
  });
});

describe('the Prism inspector in log mode', () => {
  const logged: { details: object; message: string }[] = [];
  const layer = createPrismLayer({
    root: packageRoot,
    mode: 'log',
    logger: { warn: (details, message) => logged.push({ details, message }) },
  });
  beforeAll(() => layer.warm([widgetsDialect]));

  it('logs each violation and counts them in a response header', async () => {
    const res = json(200, { access_token: 1, token_type: 'bearer' });
    await layer.inspector(tokenRequest('grant_type=password&client_id=c1'), res, widgetsDialect);
    expect(logged.map((l) => l.message)).toEqual([
      expect.stringMatching(/^contract violation: request of tink issueToken/),
      expect.stringMatching(/^contract violation: response of tink issueToken/),
    ]);
    // request: grant_type enum; response: access_token type, missing expires_in
    expect(res.headers[violationsHeader]).toBe('3');
    expect(layer.violations).toEqual([]);
  });

  it('leaves a conforming response without the header', async () => {
    const res = json(200, token);
    await layer.inspector(tokenRequest(validForm), res, widgetsDialect);
    expect(res.headers[violationsHeader]).toBeUndefined();
  });
});
