import type { ProviderId } from './http.js';

/** Typed records the store holds. Times are ms since the epoch on the sandbox clock. */

export interface ClientRecord {
  provider: ProviderId;
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
  name?: string;
  /** Registered redirect URIs; empty means "any http(s) URI" (a sandbox convenience). */
  redirectUris: string[];
  /** Uphold single-user clients act only as this user. */
  boundUserId?: string;
  /** Gusto: the client's minimum `X-Gusto-API-Version`. */
  minimumApiVersion?: string;
}

export type UserStatus = 'active' | 'blocked';

export interface UserRecord {
  provider: ProviderId;
  id: string;
  externalUserId?: string;
  market?: string;
  locale?: string;
  /** Tight: owner | bookkeeper; Gusto resource owners: CompanyAdmin | Employee | Contractor. */
  role?: string;
  companies: readonly string[];
  status: UserStatus;
  name?: string;
  email?: string;
  createdAt: number;
  deletedAt?: number;
}

export interface CompanyRecord {
  provider: ProviderId;
  id: string;
  name?: string;
  createdAt: number;
}

/** What a grant is: the consent behind a family of tokens. */
export type GrantKind = 'client' | 'user' | 'system' | 'company' | 'strict';

export interface Grant {
  id: string;
  provider: ProviderId;
  kind: GrantKind;
  clientId: string;
  userId?: string;
  /** Companies the grant reaches (Tight reach, Gusto companies). */
  companies: readonly string[];
  scopes: readonly string[];
  createdAt: number;
  revokedAt?: number;
  /** Gusto: a legacy (non-strict) grant loses companies to strict tokens. */
  strict?: boolean;
  /**
   * The grant this one was made from: a Gusto strict grant's legacy grant; a Tink grant made through Tink
   * Link, the delegated grant whose code the page took (reusing that code revokes this one too).
   */
  parentGrantId?: string;
  /** Gusto resource owner of a company grant. */
  resourceOwner?: { type: string; uuid: string };
}

export interface AccessToken {
  value: string;
  provider: ProviderId;
  kind: GrantKind;
  grantId?: string;
  clientId: string;
  userId?: string;
  companies: readonly string[];
  scopes: readonly string[];
  issuedAt: number;
  expiresAt: number;
  revokedAt?: number;
  /** When the token was first presented to a resource endpoint. */
  firstUsedAt?: number;
  /** Gusto: the refresh token that dies when this access token is first used. */
  revokesOnFirstUse?: string;
  /** The refresh token issued with this access token, if any. */
  refreshToken?: string;
}

export interface RefreshToken {
  value: string;
  provider: ProviderId;
  grantId: string;
  clientId: string;
  issuedAt: number;
  /** Undefined: never expires. */
  expiresAt?: number;
  consumedAt?: number;
  revokedAt?: number;
  /** Lineage: the refresh token this one replaced, and the one that replaced it. */
  replaces?: string;
  replacedBy?: string;
  /** The access token issued with this refresh token. */
  accessToken?: string;
}

export interface AuthorizationCode {
  value: string;
  provider: ProviderId;
  clientId: string;
  grantId: string;
  userId?: string;
  companies: readonly string[];
  scopes: readonly string[];
  redirectUri?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  issuedAt: number;
  expiresAt: number;
  consumedAt?: number;
  revokedAt?: number;
  /** Tink: the delegated code is exchanged by Tink Link for a fresh code to redirect with. */
  delegated?: boolean;
  /** Tink: the user's name as the delegated code's Link page shows it (`id_hint`). */
  idHint?: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Provider resource data (Tight bank transactions, Uphold accounts, ...): kept in the store so that it
 * resets, persists and is shared between replicas with the OAuth state. Each dialect decodes `data`.
 */
export interface ResourceRecord {
  provider: ProviderId;
  /** The resource type within the provider: `bank-transaction`, `account`. */
  type: string;
  id: string;
  ownerId?: string;
  createdAt: number;
  data: { [key: string]: JsonValue };
}

export interface RecordKinds {
  client: ClientRecord;
  user: UserRecord;
  company: CompanyRecord;
  grant: Grant;
  accessToken: AccessToken;
  refreshToken: RefreshToken;
  code: AuthorizationCode;
  resource: ResourceRecord;
}

export type RecordKind = keyof RecordKinds;

/** Every record kind, in the order snapshots list and restore them. */
export const recordKinds: readonly RecordKind[] = [
  'client',
  'user',
  'company',
  'grant',
  'accessToken',
  'refreshToken',
  'code',
  'resource',
];

type KeyFunctions = { [K in RecordKind]: (record: RecordKinds[K]) => string };
type GrantFunctions = { [K in RecordKind]: (record: RecordKinds[K]) => string | undefined };

const keyFunctions: KeyFunctions = {
  client: (r) => scopedKey(r.provider, r.clientId),
  user: (r) => scopedKey(r.provider, r.id),
  company: (r) => scopedKey(r.provider, r.id),
  grant: (r) => r.id,
  accessToken: (r) => r.value,
  refreshToken: (r) => r.value,
  code: (r) => r.value,
  resource: (r) => `${r.provider}:${r.type}:${r.id}`,
};

const grantFunctions: GrantFunctions = {
  client: () => undefined,
  user: () => undefined,
  company: () => undefined,
  grant: (r) => r.id,
  accessToken: (r) => r.grantId,
  refreshToken: (r) => r.grantId,
  code: (r) => r.grantId,
  resource: () => undefined,
};

/** The key a record is stored under, unique within its kind. */
export function recordKey<K extends RecordKind>(kind: K, record: RecordKinds[K]): string {
  const keyOf: KeyFunctions[K] = keyFunctions[kind];
  return keyOf(record);
}

/** The grant a record belongs to (a grant belongs to itself), for revoke-by-grant. */
export function grantOf<K extends RecordKind>(kind: K, record: RecordKinds[K]): string | undefined {
  const grantOfRecord: GrantFunctions[K] = grantFunctions[kind];
  return grantOfRecord(record);
}

/**
 * The names a live user is also known by, each unique among live users and scoped to the provider: its
 * e-mail address (in any case) and the external user id a partner gave it. The store indexes them
 * (Store.findNamed, Store.insertNamed), so that finding a user by either is not a walk over every user.
 */
export const userName = {
  email: (provider: ProviderId, email: string): string => `${provider}:email:${email.toLowerCase()}`,
  external: (provider: ProviderId, externalUserId: string): string =>
    `${provider}:external:${externalUserId}`,
};

type NameFunctions = { [K in RecordKind]?: (record: RecordKinds[K]) => string[] };

const nameFunctions: NameFunctions = {
  // A deleted user has no names: its address or external id may be taken again.
  user: (r) => {
    if (r.deletedAt !== undefined) return [];
    const names: string[] = [];
    if (r.email !== undefined) names.push(userName.email(r.provider, r.email));
    if (r.externalUserId !== undefined) names.push(userName.external(r.provider, r.externalUserId));
    return names;
  },
};

/** Whether records of a kind have names (only users); the store keeps no name index for other kinds. */
export function hasNames(kind: RecordKind): boolean {
  return nameFunctions[kind] !== undefined;
}

/** A record's names (see userName); none for kinds without names. */
export function recordNames<K extends RecordKind>(kind: K, record: RecordKinds[K]): string[] {
  const namesOf: NameFunctions[K] = nameFunctions[kind];
  return namesOf === undefined ? [] : namesOf(record);
}

export function scopedKey(provider: ProviderId, id: string): string {
  return `${provider}:${id}`;
}

/** Where a token, code or grant stands on the sandbox clock (the dashboard and GET /__sandbox/state). */
export type ArtefactStatus = 'active' | 'expired' | 'revoked' | 'consumed';

export function artefactStatus(
  record: { revokedAt?: number | undefined; consumedAt?: number | undefined; expiresAt?: number | undefined },
  now: number,
): ArtefactStatus {
  if (record.revokedAt !== undefined) return 'revoked';
  if (record.consumedAt !== undefined) return 'consumed';
  if (record.expiresAt !== undefined && record.expiresAt <= now) return 'expired';
  return 'active';
}
