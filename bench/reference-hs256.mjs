// A reference for the HS256 issuance figure: the least an Uphold-like client_credentials endpoint does on
// node:http, written by hand with nothing else around it (no routing, validation, journal, clock, faults,
// tenants). It reads the form and the Basic credentials, compares the secret in constant time, signs a JWT
// with the claims ours signs, and answers the same JSON and headers. With `keep` it also keeps each token
// with its record in a Map, as any stateful fake must (a token is checked, revoked and listed later); with
// `none` it forgets it (what a stateless mock does).
// Usage: node bench/reference-hs256.mjs PORT keep|none (prints "listening PORT" when ready).
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { randomBase64url, serve, withTextBody } from './bare-server.mjs';

const keep = process.argv[3] !== 'none';
const clientId = 'uphold-client';
const clientSecret = Buffer.from('uphold-secret');
const organizationId = randomUUID();
const key = randomBytes(32);
const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const lifetimeSeconds = 600;
/** @type {Map<string, object>} */
const tokens = new Map();

/** @param {import('node:http').ServerResponse} res @param {number} status @param {object} body */
function answer(res, status, body, extra = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-uphold-request-id': randomUUID(),
    'content-length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

/** @param {string | undefined} authorization */
function authenticated(authorization) {
  if (!authorization?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(authorization.slice(6), 'base64').toString();
  const colon = decoded.indexOf(':');
  if (colon < 0 || decoded.slice(0, colon) !== clientId) return false;
  const secret = Buffer.from(decoded.slice(colon + 1));
  return secret.length === clientSecret.length && timingSafeEqual(secret, clientSecret);
}

serve(
  withTextBody((req, res, raw) => {
    const form = new URLSearchParams(raw);
    if (form.get('grant_type') !== 'client_credentials') {
      answer(res, 400, { error: 'unsupported_grant_type' });
      return;
    }
    if (!authenticated(req.headers.authorization)) {
      answer(res, 401, { error: 'invalid_client' });
      return;
    }
    const scope = form.get('scope') ?? '';
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + lifetimeSeconds;
    const claims = {
      aud: clientId,
      org: organizationId,
      scope,
      iat,
      exp,
      jti: randomBase64url(16),
    };
    const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const token = `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
    if (keep) {
      tokens.set(token, {
        value: token,
        provider: 'uphold',
        clientId,
        scopes: scope.split(' '),
        issuedAt: iat * 1000,
        expiresAt: exp * 1000,
      });
    }
    answer(
      res,
      200,
      { access_token: token, token_type: 'Bearer', expires_in: lifetimeSeconds, scope },
      { 'x-uphold-organization-id': organizationId, 'cache-control': 'no-store', pragma: 'no-cache' },
    );
  }),
);
