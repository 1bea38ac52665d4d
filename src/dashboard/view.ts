import { basename, isAbsolute, relative } from 'node:path';
import type { SandboxEngine } from '../engine/engine.js';
import type { Fault } from '../engine/faults.js';
import type { ProviderId } from '../engine/http.js';
import type { ClientRecord, GrantKind, UserStatus } from '../engine/records.js';
import { type ArtefactStatus, artefactStatus } from '../engine/records.js';
import { redactSecret } from '../engine/redact.js';
import type { Store } from '../engine/store.js';
import { type CompanyLoss, companyLossesOf, refreshedFrom } from './lineage.js';

export type Status = ArtefactStatus;

/** One provider of the loaded scenario as the store holds it now; client secrets are left out. */
export interface ProviderView {
  id: ProviderId;
  clients: { clientId: string; name?: string; scopes: readonly string[]; redirectUris: string[] }[];
  users: {
    id: string;
    label?: string;
    role?: string;
    companies: readonly string[];
    status: UserStatus;
    deleted: boolean;
  }[];
  /** How many users it has (the newest are in `users`). */
  userCount: number;
  companies: { id: string; name?: string }[];
  companyCount: number;
}

export interface GrantView {
  id: string;
  provider: ProviderId;
  kind: GrantKind;
  clientId: string;
  userId?: string;
  companies: readonly string[];
  scopes: readonly string[];
  status: Status;
  createdAt: number;
  strict: boolean;
  /** The grant this one was made from (a Gusto strict grant: its legacy grant; Tink Link: the delegated one). */
  parentGrantId?: string;
  /** Gusto legacy grants: the companies strict tokens took from them. */
  lost: CompanyLoss[];
}

/** Token values are never shown: `ref` is the redacted form the journal uses, and names the token. */
export interface AccessTokenView {
  ref: string;
  provider: ProviderId;
  kind: GrantKind;
  grantId?: string;
  clientId: string;
  userId?: string;
  companies: readonly string[];
  scopes: readonly string[];
  status: Status;
  issuedAt: number;
  expiresAt: number;
  firstUsedAt?: number;
  /** The refresh token spent to make this one, and the refresh token issued with it. */
  refreshedFrom?: string;
  refreshToken?: string;
}

export interface RefreshTokenView {
  ref: string;
  provider: ProviderId;
  grantId: string;
  clientId: string;
  status: Status;
  issuedAt: number;
  expiresAt?: number;
  replaces?: string;
  replacedBy?: string;
}

export interface CodeView {
  ref: string;
  provider: ProviderId;
  grantId: string;
  clientId: string;
  status: Status;
  issuedAt: number;
  expiresAt: number;
  delegated: boolean;
}

export interface DashboardView {
  /** Sandbox time (ms) when the view was made; the page counts down from it. */
  now: number;
  frozen: boolean;
  scenarioSource: string;
  /** How many of each list the sandbox holds: the lists below are the newest `shownPerList`. */
  totals: { grants: number; accessTokens: number; refreshTokens: number; codes: number };
  providers: ProviderView[];
  grants: GrantView[];
  accessTokens: AccessTokenView[];
  refreshTokens: RefreshTokenView[];
  codes: CodeView[];
  faults: Fault[];
}

export const statusOf = artefactStatus;

/** A provider's clients, and its newest users and companies with how many it has. */
async function describeProvider(
  store: Store,
  id: ProviderId,
  clients: readonly ClientRecord[],
  shown: number,
): Promise<ProviderView> {
  const [users, companies] = await Promise.all([
    store.recent('user', shown, id),
    store.recent('company', shown, id),
  ]);
  return {
    id,
    clients: clients.map(({ clientId, name, scopes, redirectUris }) => ({
      clientId,
      ...(name === undefined ? {} : { name }),
      scopes,
      redirectUris,
    })),
    // The newest, in the order they came (the scenario's first).
    users: [...users.records].reverse().map((u) => {
      const label = u.name ?? u.email ?? u.externalUserId;
      return {
        id: u.id,
        ...(label === undefined ? {} : { label }),
        ...(u.role === undefined ? {} : { role: u.role }),
        companies: u.companies,
        status: u.status,
        deleted: u.deletedAt !== undefined,
      };
    }),
    userCount: users.total,
    companies: [...companies.records]
      .reverse()
      .map((c) => (c.name === undefined ? { id: c.id } : { id: c.id, name: c.name })),
    companyCount: companies.total,
  };
}

/** A scenario file relative to the working directory (no machine paths on the page), or as named. */
function shownSource(source: string): string {
  if (!isAbsolute(source)) return source;
  const inside = relative(process.cwd(), source);
  return inside.startsWith('..') || isAbsolute(inside) ? basename(source) : inside;
}

const newestFirst = <T extends { issuedAt: number }>(a: T, b: T): number => b.issuedAt - a.issuedAt;
const optionalRef = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : redactSecret(value);

/**
 * How many of each list (grants, access and refresh tokens, codes, a provider's users and companies) the
 * dashboard shows: the newest. A sandbox under load holds a million tokens, and a page of them all would
 * take seconds to build on every live update (and past a few hundred MiB no longer fit in a string).
 */
export const shownPerList = 200;

/** Everything the dashboard shows of one sandbox (the main one or a tenant), read at one sandbox instant. */
export async function describeDashboard(engine: SandboxEngine, shown = shownPerList): Promise<DashboardView> {
  const { store } = engine;
  const now = engine.clock.now();
  const [clients, grantPage, accessTokenPage, refreshTokenPage, codePage] = await Promise.all([
    store.list('client'),
    store.recent('grant', shown),
    store.recent('accessToken', shown),
    store.recent('refreshToken', shown),
    store.recent('code', shown),
  ]);
  const grants = grantPage.records;
  const accessTokens = accessTokenPage.records;
  const [losses, madeFrom] = await Promise.all([
    companyLossesOf(store, grants),
    refreshedFrom(store, accessTokens),
  ]);
  const inScenario = engine.dialects
    .map((d) => d.id)
    .filter((id) => engine.scenario.providers[id] !== undefined || clients.some((c) => c.provider === id));
  return {
    now,
    frozen: engine.clock.frozen,
    scenarioSource: shownSource(engine.scenario.source),
    totals: {
      grants: grantPage.total,
      accessTokens: accessTokenPage.total,
      refreshTokens: refreshTokenPage.total,
      codes: codePage.total,
    },
    providers: await Promise.all(
      inScenario.map((id) =>
        describeProvider(
          store,
          id,
          clients.filter((c) => c.provider === id),
          shown,
        ),
      ),
    ),
    grants: grants
      .map((g) => ({
        id: g.id,
        provider: g.provider,
        kind: g.kind,
        clientId: g.clientId,
        ...(g.userId === undefined ? {} : { userId: g.userId }),
        companies: g.companies,
        scopes: g.scopes,
        status: statusOf(g, now),
        createdAt: g.createdAt,
        strict: g.strict === true,
        ...(g.parentGrantId === undefined ? {} : { parentGrantId: g.parentGrantId }),
        lost: losses.get(g.id) ?? [],
      }))
      .sort((a, b) => b.createdAt - a.createdAt),
    accessTokens: accessTokens
      .map((t) => {
        const from = optionalRef(madeFrom.get(t.value));
        const refresh = optionalRef(t.refreshToken);
        return {
          ref: redactSecret(t.value),
          provider: t.provider,
          kind: t.kind,
          ...(t.grantId === undefined ? {} : { grantId: t.grantId }),
          clientId: t.clientId,
          ...(t.userId === undefined ? {} : { userId: t.userId }),
          companies: t.companies,
          scopes: t.scopes,
          status: statusOf(t, now),
          issuedAt: t.issuedAt,
          expiresAt: t.expiresAt,
          ...(t.firstUsedAt === undefined ? {} : { firstUsedAt: t.firstUsedAt }),
          ...(from === undefined ? {} : { refreshedFrom: from }),
          ...(refresh === undefined ? {} : { refreshToken: refresh }),
        };
      })
      .sort(newestFirst),
    refreshTokens: refreshTokenPage.records
      .map((t) => {
        const replaces = optionalRef(t.replaces);
        const replacedBy = optionalRef(t.replacedBy);
        return {
          ref: redactSecret(t.value),
          provider: t.provider,
          grantId: t.grantId,
          clientId: t.clientId,
          status: statusOf(t, now),
          issuedAt: t.issuedAt,
          ...(t.expiresAt === undefined ? {} : { expiresAt: t.expiresAt }),
          ...(replaces === undefined ? {} : { replaces }),
          ...(replacedBy === undefined ? {} : { replacedBy }),
        };
      })
      .sort(newestFirst),
    codes: codePage.records
      .map((c) => ({
        ref: redactSecret(c.value),
        provider: c.provider,
        grantId: c.grantId,
        clientId: c.clientId,
        status: statusOf(c, now),
        issuedAt: c.issuedAt,
        expiresAt: c.expiresAt,
        delegated: c.delegated === true,
      }))
      .sort(newestFirst),
    faults: engine.faults.list(),
  };
}

/**
 * The access or refresh token a dashboard `ref` names (the redacted form is the handle): looked for among
 * the newest first, the ones the dashboard shows, then among all.
 */
export async function findTokenByRef(
  engine: SandboxEngine,
  ref: string,
): Promise<{ kind: 'accessToken' | 'refreshToken'; value: string } | undefined> {
  const { store } = engine;
  const named = (tokens: readonly { value: string }[]): string | undefined =>
    tokens.find((token) => redactSecret(token.value) === ref)?.value;
  const kinds = ['accessToken', 'refreshToken'] as const;
  for (const kind of kinds) {
    const value = named((await store.recent(kind, shownPerList)).records);
    if (value !== undefined) return { kind, value };
  }
  for (const kind of kinds) {
    const value = named(await store.list(kind));
    if (value !== undefined) return { kind, value };
  }
  return undefined;
}
