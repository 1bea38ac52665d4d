import type { ServerResponse } from 'node:http';
import type { SandboxEngine } from '../engine/engine.js';
import {
  type AccessToken,
  type AuthorizationCode,
  artefactStatus,
  type Grant,
  type RecordKind,
  type RecordKinds,
  type RefreshToken,
} from '../engine/records.js';
import { redactSecret } from '../engine/redact.js';

const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** The state's lists by name, each record turned into its view only as it is read. */
export type StateLists = [name: string, views: Iterable<unknown> | AsyncIterable<unknown>][];

/**
 * Every grant, token and code with its status on the sandbox clock, oldest first; token values redacted.
 * With `limit`, only the newest of each list. The store is read as the answer is written (a million
 * tokens as records at once took gigabytes).
 */
export async function describeState(engine: SandboxEngine, limit?: number): Promise<StateLists> {
  const { store } = engine;
  const now = engine.clock.now();
  const read = async <K extends RecordKind>(kind: K): Promise<Records<RecordKinds[K]>> => {
    if (limit !== undefined) return (await store.recent(kind, limit)).records.reverse();
    return store.each?.(kind) ?? store.list(kind);
  };
  const [grants, accessTokens, refreshTokens, codes] = await Promise.all([
    read('grant'),
    read('accessToken'),
    read('refreshToken'),
    read('code'),
  ]);
  return [
    ['grants', viewed(grants, (g) => grantView(g, now))],
    ['accessTokens', viewed(accessTokens, (t) => accessTokenView(t, now))],
    ['refreshTokens', viewed(refreshTokens, (t) => refreshTokenView(t, now))],
    ['codes', viewed(codes, (c) => codeView(c, now))],
  ];
}

type Records<T> = Iterable<T> | AsyncIterable<T>;

function isAsync<T>(records: Records<T>): records is AsyncIterable<T> {
  return Symbol.asyncIterator in records;
}

/** The views of records read one at a time (no promise per record from a store in this process). */
function viewed<T>(records: Records<T>, view: (record: T) => unknown): Records<unknown> {
  return isAsync(records) ? viewedLater(records, view) : viewedNow(records, view);
}

function* viewedNow<T>(records: Iterable<T>, view: (record: T) => unknown): Iterable<unknown> {
  for (const record of records) yield view(record);
}

async function* viewedLater<T>(
  records: AsyncIterable<T>,
  view: (record: T) => unknown,
): AsyncIterable<unknown> {
  for await (const record of records) yield view(record);
}

function grantView(g: Grant, now: number) {
  return {
    id: g.id,
    provider: g.provider,
    kind: g.kind,
    clientId: g.clientId,
    userId: g.userId,
    companies: g.companies,
    scopes: g.scopes,
    status: artefactStatus(g, now),
    createdAt: iso(g.createdAt),
    parentGrantId: g.parentGrantId,
  };
}

function accessTokenView(t: AccessToken, now: number) {
  return {
    token: redactSecret(t.value),
    provider: t.provider,
    kind: t.kind,
    grantId: t.grantId,
    clientId: t.clientId,
    userId: t.userId,
    companies: t.companies,
    scopes: t.scopes,
    status: artefactStatus(t, now),
    issuedAt: iso(t.issuedAt),
    expiresAt: iso(t.expiresAt),
    expiresInSeconds: Math.max(0, Math.round((t.expiresAt - now) / 1000)),
    firstUsedAt: iso(t.firstUsedAt),
  };
}

function refreshTokenView(t: RefreshToken, now: number) {
  return {
    token: redactSecret(t.value),
    provider: t.provider,
    grantId: t.grantId,
    status: artefactStatus(t, now),
    issuedAt: iso(t.issuedAt),
    replaces: t.replaces === undefined ? undefined : redactSecret(t.replaces),
    replacedBy: t.replacedBy === undefined ? undefined : redactSecret(t.replacedBy),
  };
}

function codeView(c: AuthorizationCode, now: number) {
  return {
    code: redactSecret(c.value),
    provider: c.provider,
    grantId: c.grantId,
    status: artefactStatus(c, now),
    expiresAt: iso(c.expiresAt),
  };
}

/** Characters gathered before each write of a streamed answer. */
const chunkChars = 64 * 1024;

/**
 * Writes `{"name":[...],...}` as it goes, a chunk at a time, waiting whenever the client reads slower:
 * a million tokens make ~350 MB of JSON, near V8's longest string, and one string of it all would
 * need that memory at once. Stops when the client goes away.
 */
export async function writeJsonLists(res: ServerResponse, lists: StateLists): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  let chunk = '{';
  let first = true;
  /** Adds a view; whether the chunk is full. */
  const add = (view: unknown): boolean => {
    chunk += `${first ? '' : ','}${JSON.stringify(view)}`;
    first = false;
    return chunk.length >= chunkChars;
  };
  /** Writes the chunk; whether the client is still there. */
  const flush = async (): Promise<boolean> => {
    if (!res.write(chunk)) await drained(res);
    chunk = '';
    return !res.destroyed;
  };
  for (const [i, [name, views]] of lists.entries()) {
    chunk += `${i === 0 ? '' : ','}${JSON.stringify(name)}:[`;
    first = true;
    if (isAsync(views)) {
      for await (const view of views) if (add(view) && !(await flush())) return;
    } else {
      for (const view of views) if (add(view) && !(await flush())) return;
    }
    chunk += ']';
  }
  res.end(`${chunk}}`);
}

/** Settles once the response can take more, or is closed. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
