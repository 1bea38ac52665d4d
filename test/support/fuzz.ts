import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import fc from 'fast-check';
import type { ProviderId } from '../../src/engine/http.js';
import { Router } from '../../src/engine/router.js';
import { dialects } from '../../src/providers/registry.js';

/**
 * Generators and a small HTTP driver for malformed-input fuzzing. Requests go out through node:http (not
 * fetch), which lets them carry what fetch refuses: arbitrary method tokens, repeated headers, latin1
 * header bytes, raw percent-garbage in paths.
 */

export type Target = { kind: 'provider'; provider: ProviderId; path: string } | { kind: 'control' };

export interface FuzzRequest {
  method: string;
  /** Path and query, as sent on the request line. */
  url: string;
  headers: Record<string, string | string[]>;
  body?: Buffer;
  target: Target;
}

export interface FuzzResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Credentials that the default scenario knows, so that some requests get past client authentication. */
export interface KnownValues {
  /** One valid access token per provider (a valid token sent to the wrong provider is garbage there). */
  tokens: string[];
  clients: { id: string; secret: string }[];
  companies: string[];
  users: string[];
}

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'FOO', 'M-SEARCH'];
const fieldNames = [
  'grant_type',
  'client_id',
  'client_secret',
  'code',
  'refresh_token',
  'access_token',
  'scope',
  'userId',
  'user_id',
  'external_user_id',
  'redirect_uri',
  'code_verifier',
  'code_challenge',
  'response_type',
  'prompt',
  'login_hint',
  'company_uuid',
  'auto_approve',
  'decision',
  'token',
  'market',
  'locale',
  'actor_client_id',
  'id_hint',
  'advanceSeconds',
  'set',
  'frozen',
  'provider',
  'status',
  'times',
  'delayMs',
  'error',
  'limit',
  'since',
  'path',
  'method',
  'scenario',
  '',
  '__proto__',
  'constructor',
];
const grantTypes = [
  'client_credentials',
  'authorization_code',
  'refresh_token',
  'system_access',
  'strict_access',
  'password',
];
const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=bogus',
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-8',
  'application/vnd.api+json',
  'application/yaml',
  'text/plain',
  'text/html',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'application/octet-stream',
  'application/xml',
  ';;;',
  'json',
  '',
];

/** Strings a parser may choke on: unicode, lone surrogates, NUL, percent-garbage, huge numbers. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '%',
    '%E0%A4%A',
    '%ZZ',
    '\u0000',
    '\ud800',
    '\udfff',
    '😀',
    'é',
    'ﬀ',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '"\'\\',
    '1e309',
    '-0',
    'NaN',
    'Infinity',
    'true',
    'null',
    '[]',
    '{}',
    'tight',
    'gusto',
    'user:create,authorization:grant',
    'read',
    'write',
    'token',
    '2026-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '99999999999999999999',
  ),
);

/** A field value: random, or something the server knows (valid ids, secrets, grant types, tokens). */
function fieldValue(known: KnownValues): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: nastyString },
    { weight: 2, arbitrary: fc.constantFrom(...grantTypes) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        ...known.clients.flatMap((c) => [c.id, c.secret]),
        ...known.companies,
        ...known.users,
        ...known.tokens,
        'http://localhost:3000/callback',
      ),
    },
    { weight: 1, arbitrary: fc.string({ minLength: 2000, maxLength: 70_000 }) },
  );
}

function fieldsOf(known: KnownValues): fc.Arbitrary<[string, string][]> {
  return fc.array(fc.tuple(fc.oneof(fc.constantFrom(...fieldNames), nastyString), fieldValue(known)), {
    maxLength: 8,
  });
}

function jsonLeaf(known: KnownValues): fc.Arbitrary<unknown> {
  return fc.oneof(
    fieldValue(known),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(1e308),
    fc.constant(-1e308),
  );
}

function jsonBody(known: KnownValues): fc.Arbitrary<string> {
  return fc.oneof(
    fieldsOf(known).map((pairs) => JSON.stringify(Object.fromEntries(pairs))),
    fc
      .dictionary(fc.constantFrom(...fieldNames), fc.oneof(jsonLeaf(known), fc.jsonValue({ maxDepth: 3 })))
      .map((o) => JSON.stringify(o)),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    // Nesting deep enough to overflow a naive recursive walk.
    fc.integer({ min: 1000, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
    fc.integer({ min: 1000, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );
}

function formBody(known: KnownValues): fc.Arbitrary<string> {
  return fieldsOf(known).map((pairs) => {
    const params = new URLSearchParams();
    for (const [k, v] of pairs) params.append(k, v);
    return params.toString();
  });
}

/** Bodies: JSON, forms (with duplicates), either truncated, raw bytes, unicode text, or nothing. */
export function bodyArbitrary(known: KnownValues): fc.Arbitrary<Buffer | undefined> {
  const text = fc.oneof(jsonBody(known), formBody(known));
  return fc.oneof(
    { weight: 4, arbitrary: text.map((t) => Buffer.from(t)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(text, fc.nat())
        .map(([t, cut]) => Buffer.from(t).subarray(0, t.length === 0 ? 0 : cut % t.length)),
    },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => Buffer.from(s)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** Authorization headers: none, garbage, valid tokens truncated or extended, Basic with wrong secrets. */
export function authorizationArbitrary(known: KnownValues): fc.Arbitrary<string | string[] | undefined> {
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  const token = fc.constantFrom(...known.tokens);
  const client = fc.constantFrom(...known.clients);
  return fc.oneof(
    fc.constant(undefined),
    fc.constant(''),
    fc.constant('Bearer'),
    fc.constant('Bearer '),
    fc.constant('Basic'),
    token.map((t) => `Bearer ${t}`),
    token.map((t) => `bearer  ${t}`),
    fc.tuple(token, fc.nat()).map(([t, n]) => `Bearer ${t.slice(0, n % t.length)}`),
    fc.tuple(token, fc.string({ maxLength: 5 })).map(([t, s]) => `Bearer ${t}${s}`),
    fc.string({ maxLength: 80 }).map((s) => `Bearer ${s}`),
    fc.string({ unit: 'binary', maxLength: 80 }).map((s) => `Bearer ${latin1(s)}`),
    fc.base64String({ maxLength: 80 }).map((s) => `Basic ${s}`),
    fc.string({ maxLength: 40 }).map((s) => `Basic ${s}`),
    client.map((c) => basic(c.id, c.secret)),
    fc.tuple(client, nastyString).map(([c, s]) => basic(c.id, s)),
    fc.tuple(nastyString, nastyString).map(([a, b]) => basic(a, b)),
    fc.tuple(token, token).map(([a, b]) => [`Bearer ${a}`, `Bearer ${b}`]),
    fc.string({ maxLength: 80 }).map(latin1),
  );
}

/** A string as bytes node:http may put in a header: latin1, no CR/LF/NUL (those it refuses to send). */
export function latin1(value: string): string {
  return Buffer.from(value, 'utf8')
    .toString('latin1')
    .replace(/[^\t\x20-\x7e\x80-\xff]/g, ' ')
    .trim();
}

function sendableHeaders(headers: FuzzRequest['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = Array.isArray(value) ? value.map(latin1) : latin1(value);
  return out;
}

/** A path segment: known ids, random text percent-encoded, or raw percent-garbage. */
function segment(known: KnownValues): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...known.companies, ...known.users, 'co_acme', 'accounts', 'transactions'),
    fc.string({ maxLength: 30 }).map(encodeURIComponent),
    fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '..', '.', '%2F', '%C0%AF', '😀', 'é').map(rawPathText),
    fc.string({ unit: 'binary', maxLength: 10 }).map(rawPathText),
  );
}

/** Raw bytes node:http puts on a request line: it refuses only spaces and control characters. */
function rawPathText(value: string): string {
  return latin1(value).replace(/[^\u0021-\u00ff]|[?#/]/g, (c) => encodeURIComponent(c));
}

/** A query string with random, repeated and known parameters. */
function queryArbitrary(known: KnownValues): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(''),
    fieldsOf(known).map((pairs) => {
      const params = new URLSearchParams();
      for (const [k, v] of pairs) params.append(k, v.slice(0, 500));
      return `?${params.toString()}`;
    }),
    fc.constantFrom(
      '?',
      '?&&&',
      '?a=%',
      '?%ZZ=1',
      '?client_id=tight-client&client_id=x',
      '?response_type=code&client_id=tight-client&redirect_uri=http://localhost:3000/callback&prompt=none&login_hint=user_owner_acme',
      '?response_type=code&client_id=gusto-client&auto_approve=true&company_uuid=7b1d0df1-6a6b-4c1e-9b0e-2f8a5c3d4e51',
      '?limit=-1',
      '?limit=1e999',
      '?provider=nope',
      '?since=notatime',
      '?provider[]=tink',
    ),
    fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `?${rawPathText(s)}`),
  );
}

/** The provider's routes (every dialect's table), with `{param}` segments filled in. */
function routePath(known: KnownValues): fc.Arbitrary<{ provider: ProviderId; method: string; path: string }> {
  const routes = dialects.flatMap((d) =>
    d.routes.map((r) => ({ provider: d.id, method: r.method, path: r.path })),
  );
  return fc
    .tuple(fc.constantFrom(...routes), fc.array(segment(known), { minLength: 3, maxLength: 3 }))
    .map(([route, values]) => {
      let i = 0;
      const path = route.path.replace(/\{\w+\}/g, () => values[i++] ?? 'x');
      return { provider: route.provider, method: route.method, path };
    });
}

/** Paths below a provider mount that no route serves. */
function strayPath(known: KnownValues): fc.Arbitrary<{ provider: ProviderId; method: string; path: string }> {
  return fc
    .tuple(
      fc.constantFrom(...dialects.map((d) => d.id)),
      fc.constantFrom(...methods),
      fc.array(segment(known), { maxLength: 4 }),
      fc.boolean(),
    )
    .map(([provider, method, segments, slash]) => ({
      provider,
      method,
      path: `/${segments.join('/')}${slash ? '/' : ''}`,
    }));
}

/** Extra headers: huge, repeated, unicode (as latin1 bytes), API versions, tenant and content-length lies. */
function extraHeaders(): fc.Arbitrary<Record<string, string | string[]>> {
  return fc
    .array(
      fc.oneof(
        fc.tuple(
          fc.constant('x-gusto-api-version'),
          fc.oneof(
            nastyString.map(latin1),
            fc.constantFrom('2024-04-01', '2023-04-01', '2099-01-01', '2024-13-45'),
          ),
        ),
        fc.tuple(
          fc.constant('x-on-behalf-of'),
          fc.oneof(
            nastyString.map(latin1),
            fc.constantFrom(
              'user 0b7c1a52-7f0e-4d52-9a3e-3c1f2f6d9a11',
              'user 5d2f8c14-2b9a-4e7d-8c61-9f0a4b3e7c22',
              'user',
              'client x',
            ),
          ),
        ),
        fc.tuple(fc.constant('x-sandbox-tenant'), nastyString.map(latin1)),
        fc.tuple(
          fc.constant('x-big'),
          fc.integer({ min: 1, max: 20 }).map((kib) => 'a'.repeat(kib * 1024)),
        ),
        fc.tuple(
          fc.constant('accept'),
          fc.constantFrom('*/*', 'text/html', 'application/json', '', '\u00e9'),
        ),
        fc.tuple(fc.constant('accept-charset'), fc.constantFrom('utf-16', 'bogus')),
        fc.tuple(fc.constant('content-encoding'), fc.constantFrom('gzip', 'deflate', 'br', 'bogus')),
        fc.tuple(
          fc
            .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 })
            .filter((n) => /^[a-z][a-z-]*$/.test(n)),
          nastyString.map(latin1),
        ),
      ),
      { maxLength: 3 },
    )
    .map((pairs) => Object.fromEntries(pairs));
}

/** Malformed requests to every provider route and to paths no route serves. */
export function providerRequestArbitrary(known: KnownValues): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      where: fc.oneof({ weight: 4, arbitrary: routePath(known) }, { weight: 1, arbitrary: strayPath(known) }),
      wrongMethod: fc.option(fc.constantFrom(...methods), { freq: 4 }),
      query: queryArbitrary(known),
      contentType: fc.option(fc.constantFrom(...contentTypes), { freq: 8 }),
      body: bodyArbitrary(known),
      authorization: authorizationArbitrary(known),
      extra: extraHeaders(),
    })
    .map(({ where, wrongMethod, query, contentType, body, authorization, extra }) => {
      const headers: Record<string, string | string[]> = { ...extra };
      if (contentType !== null) headers['content-type'] = contentType;
      if (authorization !== undefined) headers.authorization = authorization;
      const request: FuzzRequest = {
        method: wrongMethod ?? where.method,
        url: `/${where.provider}${where.path}${query}`,
        headers,
        target: { kind: 'provider', provider: where.provider, path: where.path },
      };
      if (body !== undefined) request.body = body;
      return request;
    });
}

const controlRoutes: [string, string][] = [
  ['GET', '/health'],
  ['POST', '/reset'],
  ['POST', '/scenario'],
  ['GET', '/clock'],
  ['POST', '/clock'],
  ['GET', '/requests'],
  ['GET', '/state'],
  ['POST', '/tokens/expire'],
  ['POST', '/tokens/revoke'],
  ['POST', '/users/{p}/{id}/{action}'],
  ['POST', '/faults'],
  ['GET', '/faults'],
  ['DELETE', '/faults'],
  ['DELETE', '/faults/{id}'],
  ['GET', '/tenants'],
  ['DELETE', '/tenants/{id}'],
];

/**
 * Malformed control-plane requests. Every request that could change state is sent to `tenant` (by
 * `X-Sandbox-Tenant`), so that a random but valid fault or scenario never changes what the provider fuzzing
 * sees on the main sandbox; reads go to the main sandbox, whose journal holds the fuzzed bodies.
 */
export function controlRequestArbitrary(known: KnownValues, tenant: string): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      route: fc.constantFrom(...controlRoutes),
      params: fc.array(segment(known), { minLength: 3, maxLength: 3 }),
      pickProvider: fc.constantFrom('tink', 'uphold', 'nope', ''),
      action: fc.constantFrom('block', 'unblock', 'explode'),
      wrongMethod: fc.option(fc.constantFrom(...methods), { freq: 4 }),
      stray: fc.option(fc.array(segment(known), { minLength: 1, maxLength: 3 }), { freq: 8 }),
      query: queryArbitrary(known),
      contentType: fc.option(fc.constantFrom(...contentTypes), { freq: 8 }),
      body: bodyArbitrary(known),
      authorization: fc.option(authorizationArbitrary(known), { freq: 3 }),
      extra: extraHeaders(),
    })
    .map(
      ({
        route,
        params,
        pickProvider,
        action,
        wrongMethod,
        stray,
        query,
        contentType,
        body,
        authorization,
        extra,
      }) => {
        const [routeMethod, template] = route;
        const path =
          stray === null
            ? template
                .replace('{p}', pickProvider)
                .replace('{id}', params[0] ?? 'x')
                .replace('{action}', action)
            : `/${stray.join('/')}`;
        const method = wrongMethod ?? routeMethod;
        const headers: Record<string, string | string[]> = { ...extra };
        if (method !== 'GET' && method !== 'HEAD') headers['x-sandbox-tenant'] = tenant;
        else delete headers['x-sandbox-tenant'];
        if (contentType !== null) headers['content-type'] = contentType;
        if (authorization !== null && authorization !== undefined) headers.authorization = authorization;
        const request: FuzzRequest = {
          method,
          url: `/__sandbox${path}${query}`,
          headers,
          target: { kind: 'control' },
        };
        if (body !== undefined) request.body = body;
        return request;
      },
    );
}

/**
 * Sends one request. A keep-alive socket the server has just closed (it does after a 431 or 413) can be
 * handed to the next request before the close is seen; as node's documentation advises, such a request is
 * retried once on a new socket.
 */
export async function send(base: URL, agent: Agent, req: FuzzRequest): Promise<FuzzResponse> {
  let failure: unknown;
  try {
    return await sendOnce(base, agent, req);
  } catch (error) {
    failure = error;
  }
  if (failure instanceof StaleSocketError) {
    try {
      return await sendOnce(base, agent, req);
    } catch (error) {
      failure = error;
    }
  }
  // Over 16 KiB of headers node:http answers 431 and closes at once; a client still writing its body
  // may see the reset before it reads the 431.
  if (isReset(failure) && headerBytes(req) > maxHeaderBytes)
    return { status: 431, headers: {}, body: Buffer.alloc(0) };
  if (isReset(failure) && req.body !== undefined) return refusedByParser(base, req, failure);
  throw failure;
}

/**
 * node:http's parser refuses some request heads itself (an unknown method, raw bytes in the URL); the
 * sandbox answers those with a 400 in the provider's shape and closes the connection (client-error.ts),
 * and a client still writing a large body sees a reset instead. The same head is sent again without a
 * body: if it is refused the same way (a 4xx that closes the connection), that is the answer (its shape is
 * checked by the caller); anything else means the reset came from elsewhere, and the error stands.
 */
async function refusedByParser(base: URL, req: FuzzRequest, reset: unknown): Promise<FuzzResponse> {
  const { body: _dropped, ...head } = req;
  const probe = await sendOnce(base, new Agent({ keepAlive: false }), head);
  const closed = probe.headers.connection === 'close';
  if (probe.status >= 400 && probe.status < 500 && closed) return probe;
  throw reset;
}

class StaleSocketError extends Error {}

const maxHeaderBytes = 16 * 1024;

function isReset(error: unknown): boolean {
  if (error instanceof StaleSocketError) return true;
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'ECONNRESET' || code === 'EPIPE';
}

function headerBytes(req: FuzzRequest): number {
  let size = req.url.length;
  for (const [name, value] of Object.entries(req.headers))
    for (const v of Array.isArray(value) ? value : [value]) size += name.length + Buffer.byteLength(v) + 4;
  return size;
}

function sendOnce(base: URL, agent: Agent, req: FuzzRequest): Promise<FuzzResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.url,
        headers: {
          ...sendableHeaders(req.headers),
          ...(req.body === undefined ? {} : { 'content-length': req.body.length }),
        },
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const stale = outgoing.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
      reject(stale ? new StaleSocketError(error.message) : error);
    });
    outgoing.end(req.body);
  });
}

/** Sends every request with at most `concurrency` in flight; answers in request order. */
export async function sendAll(
  base: URL,
  agent: Agent,
  requests: readonly FuzzRequest[],
  concurrency: number,
): Promise<FuzzResponse[]> {
  const answers: FuzzResponse[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const req = requests[index];
      if (req) answers[index] = await send(base, agent, req);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
}

export function newAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 10 });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const oauth = (b: Record<string, unknown>) =>
  typeof b.error === 'string' &&
  (b.error_description === undefined || typeof b.error_description === 'string');
const tightEnvelope = (b: Record<string, unknown>) =>
  b.result === 'FAILURE' &&
  b.data === null &&
  Array.isArray(b.error) &&
  b.error.length > 0 &&
  b.error.every((e) => isRecord(e) && typeof e.type === 'string' && typeof e.message === 'string');
const tinkShape = (b: Record<string, unknown>) =>
  typeof b.errorMessage === 'string' && typeof b.errorCode === 'string';
const upholdShape = (b: Record<string, unknown>) =>
  typeof b.code === 'string' && typeof b.message === 'string';
const gustoEnvelope = (b: Record<string, unknown>) =>
  Array.isArray(b.errors) &&
  b.errors.length > 0 &&
  b.errors.every(
    (e) =>
      isRecord(e) &&
      typeof e.error_key === 'string' &&
      typeof e.category === 'string' &&
      typeof e.message === 'string',
  );
const hurdlrAccount = (b: Record<string, unknown>) =>
  (b.result === 'FAILURE' || b.result === 'INVALID_CREDENTIALS') && typeof b.error === 'string';
const controlShape = (b: Record<string, unknown>) =>
  typeof b.error === 'string' && typeof b.message === 'string';

const routers = new Map(dialects.map((d) => [d.id, new Router(d.routes)]));

/** Statuses the dispatcher answers before a handler runs in the provider's general shape: not found, wrong method. */
const dispatcherStatuses = new Set([404, 405]);

/**
 * Why a JSON error body is not in the shape its endpoint answers with, or undefined when it is. Token
 * endpoints answer RFC 6749 bodies (a body over 1 MiB too); the dispatcher's own 404/405 (and Gusto's
 * 406 on a bad API version, checked before the body is read) use the provider's general shape.
 */
export function errorShapeProblem(
  target: Target,
  method: string,
  status: number,
  contentType: string,
  body: unknown,
): string | undefined {
  if (!isRecord(body)) return 'the error body is not a JSON object';
  // Operations of a provider's document that no stateful route handles are answered by the Prism mock,
  // whose request-validation 4xx is RFC 7807 problem+json by design (src/prism/mock.ts).
  if (target.kind === 'provider' && contentType.includes('application/problem+json')) {
    const stateful = routers.get(target.provider)?.match(method, target.path).kind === 'found';
    const problem = typeof body.type === 'string' && typeof body.title === 'string' && body.status === status;
    return !stateful && problem ? undefined : 'a problem+json answer from a stateful route';
  }
  const ok = ((): boolean => {
    if (target.kind === 'control') return controlShape(body);
    const { provider, path } = target;
    const normalised = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    switch (provider) {
      case 'tight':
        return tightEnvelope(body);
      case 'tink':
        return tinkShape(body);
      case 'hurdlr':
        return normalised === '/v4/auth/account' ? hurdlrAccount(body) || oauth(body) : oauth(body);
      case 'uphold':
        return normalised === '/core/oauth2/token' && !dispatcherStatuses.has(status)
          ? oauth(body)
          : upholdShape(body);
      case 'gusto': {
        const oauthEndpoint = normalised === '/oauth/token' || normalised === '/oauth/revoke';
        return oauthEndpoint && !dispatcherStatuses.has(status) && status !== 406
          ? oauth(body)
          : gustoEnvelope(body);
      }
    }
  })();
  return ok
    ? undefined
    : `not in the ${target.kind === 'control' ? 'control plane' : target.provider} error shape`;
}
