import { basename, isAbsolute, relative } from 'node:path';
import type { SandboxEngine } from '../engine/engine.js';
import type { Fault } from '../engine/faults.js';
import type { ProviderId } from '../engine/http.js';
import type { GrantKind, UserStatus } from '../engine/records.js';
import { type ArtefactStatus, artefactStatus } from '../engine/records.js';
import { redactSecret } from '../engine/redact.js';
import { type CompanyLoss, legacyCompanyLosses, refreshedFrom } from './lineage.js';

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
  companies: { id: string; name?: string }[];
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
  /** Gusto strict grants: the legacy grant they were exchanged from. */
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
  providers: ProviderView[];
  grants: GrantView[];
  accessTokens: AccessTokenView[];
  refreshTokens: RefreshTokenView[];
  codes: CodeView[];
  faults: Fault[];
}

export const statusOf = artefactStatus;

/** A scenario file relative to the working directory (no machine paths on the page), or as named. */
function shownSource(source: string): string {
  if (!isAbsolute(source)) return source;
  const inside = relative(process.cwd(), source);
  return inside.startsWith('..') || isAbsolute(inside) ? basename(source) : inside;
}

const newestFirst = <T extends { issuedAt: number }>(a: T, b: T): number => b.issuedAt - a.issuedAt;
const optionalRef = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : redactSecret(value);

/** Everything the dashboard shows of one sandbox (the main one or a tenant), read at one sandbox instant. */
export async function describeDashboard(engine: SandboxEngine): Promise<DashboardView> {
  const { store } = engine;
  const now = engine.clock.now();
  const [clients, users, companies, grants, accessTokens, refreshTokens, codes] = await Promise.all([
    store.list('client'),
    store.list('user'),
    store.list('company'),
    store.list('grant'),
    store.list('accessToken'),
    store.list('refreshToken'),
    store.list('code'),
  ]);
  const losses = legacyCompanyLosses(grants, accessTokens);
  const madeFrom = refreshedFrom(refreshTokens);
  const inScenario = engine.dialects
    .map((d) => d.id)
    .filter((id) => engine.scenario.providers[id] !== undefined || clients.some((c) => c.provider === id));
  return {
    now,
    frozen: engine.clock.frozen,
    scenarioSource: shownSource(engine.scenario.source),
    providers: inScenario.map((id) => ({
      id,
      clients: clients
        .filter((c) => c.provider === id)
        .map(({ clientId, name, scopes, redirectUris }) => ({
          clientId,
          ...(name === undefined ? {} : { name }),
          scopes,
          redirectUris,
        })),
      users: users
        .filter((u) => u.provider === id)
        .map((u) => {
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
      companies: companies
        .filter((c) => c.provider === id)
        .map((c) => (c.name === undefined ? { id: c.id } : { id: c.id, name: c.name })),
    })),
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
    refreshTokens: refreshTokens
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
    codes: codes
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

/** The access or refresh token a dashboard `ref` names (the redacted form is the handle). */
export async function findTokenByRef(
  engine: SandboxEngine,
  ref: string,
): Promise<{ kind: 'accessToken' | 'refreshToken'; value: string } | undefined> {
  for (const token of await engine.store.list('accessToken'))
    if (redactSecret(token.value) === ref) return { kind: 'accessToken', value: token.value };
  for (const token of await engine.store.list('refreshToken'))
    if (redactSecret(token.value) === ref) return { kind: 'refreshToken', value: token.value };
  return undefined;
}
