import { readBearer } from './body.js';
import type { Clock } from './clock.js';
import type { ConsumeRejection, TokenRejection } from './errors.js';
import { andThen, type Eventually } from './eventually.js';
import type { ProviderId, SandboxRequest } from './http.js';
import type { Random } from './random.js';
import type {
  AccessToken,
  AuthorizationCode,
  ClientRecord,
  Grant,
  RecordKinds,
  RefreshToken,
} from './records.js';
import { scopedKey } from './records.js';
import { pkceMatches, secretsEqual } from './secrets.js';
import type { Store } from './store.js';

export interface MintTimes {
  /** Issued-at and expiry, in whole seconds on the sandbox clock. */
  iat: number;
  exp: number;
  /** A fresh JWT ID, drawn on first call (opaque tokens never pay for one); the same on every call. */
  jti(): string;
}

export interface AccessTokenSpec {
  provider: ProviderId;
  grant?: Grant;
  kind?: AccessToken['kind'];
  clientId: string;
  userId?: string | undefined;
  companies?: readonly string[];
  scopes: readonly string[];
  lifetimeSeconds: number;
  /** Produces the token's value (an opaque string or a signed JWT). */
  mint: (times: MintTimes) => string | Promise<string>;
  revokesOnFirstUse?: string;
  refreshToken?: string;
}

export type CodeRedemption =
  | { ok: true; code: AuthorizationCode }
  | {
      ok: false;
      reason:
        | ConsumeRejection
        | 'wrong-client'
        | 'wrong-redirect-uri'
        | 'missing-verifier'
        | 'wrong-verifier';
    };

export type RefreshRotation =
  | { ok: true; previous: RefreshToken; grant: Grant }
  | { ok: false; reason: ConsumeRejection | 'wrong-client' };

export type TokenCheck = { ok: true; token: AccessToken } | { ok: false; reason: TokenRejection };

/** Shared by every token that reaches no company (records are replaced, never mutated). */
const noCompanies: readonly string[] = Object.freeze([]);

function bindingProblem(
  code: AuthorizationCode,
  check: { redirectUri?: string | undefined; codeVerifier?: string | undefined },
): 'wrong-redirect-uri' | 'missing-verifier' | 'wrong-verifier' | undefined {
  if (
    code.redirectUri !== undefined &&
    check.redirectUri !== undefined &&
    code.redirectUri !== check.redirectUri
  ) {
    return 'wrong-redirect-uri';
  }
  if (code.codeChallenge === undefined) return undefined;
  if (check.codeVerifier === undefined) return 'missing-verifier';
  return pkceMatches(check.codeVerifier, code.codeChallenge, code.codeChallengeMethod)
    ? undefined
    : 'wrong-verifier';
}

/**
 * The shared mechanics of OAuth state: client authentication, grants, tokens, codes, rotation and the
 * bearer check. Dialects decide formats, lifetimes and error bodies; they never re-implement these.
 */
export class Grants {
  private readonly unguessable: string;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly random: Random,
  ) {
    this.unguessable = `\u0000${random.bytes(32).toString('base64url')}`;
  }

  /** The client, if the secret matches (compared in constant time, even for unknown clients). */
  authenticateClient(
    provider: ProviderId,
    clientId: string,
    secret: string,
  ): Eventually<ClientRecord | undefined> {
    const key = scopedKey(provider, clientId);
    if (this.store.findNow) return this.clientMatching(this.store.findNow('client', key), secret);
    return this.store.find('client', key).then((client) => this.clientMatching(client, secret));
  }

  /** The client, or the dialect's own refusal (`refused()`) thrown when the credentials do not match. */
  requireClient(
    provider: ProviderId,
    clientId: string,
    secret: string,
    refused: () => Error,
  ): Eventually<ClientRecord> {
    return andThen(this.authenticateClient(provider, clientId, secret), (client) => {
      if (!client) throw refused();
      return client;
    });
  }

  private clientMatching(client: ClientRecord | undefined, secret: string): ClientRecord | undefined {
    // Unknown clients still pay one comparison, against a secret nobody can know.
    const matches = secretsEqual(secret, client?.clientSecret ?? this.unguessable);
    return client && matches ? client : undefined;
  }

  async createGrant(spec: Omit<Grant, 'id' | 'createdAt'>): Promise<Grant> {
    const grant: Grant = { ...spec, id: `grant_${this.random.uuid()}`, createdAt: this.clock.now() };
    await this.store.upsert('grant', grant);
    return grant;
  }

  issueAccessToken(spec: AccessTokenSpec): Eventually<AccessToken> {
    // Whole seconds, as in the JWT's iat, so that expires_in is exactly the lifetime.
    const iat = this.clock.nowSeconds();
    const exp = iat + spec.lifetimeSeconds;
    return andThen(spec.mint(new LazyMintTimes(iat, exp, this.random)), (value) => {
      const token: AccessToken = {
        value,
        provider: spec.provider,
        kind: spec.kind ?? spec.grant?.kind ?? 'client',
        clientId: spec.clientId,
        companies: spec.companies ?? spec.grant?.companies ?? noCompanies,
        scopes: spec.scopes,
        issuedAt: iat * 1000,
        expiresAt: exp * 1000,
      };
      const userId = spec.userId ?? spec.grant?.userId;
      if (userId !== undefined) token.userId = userId;
      if (spec.grant) token.grantId = spec.grant.id;
      if (spec.revokesOnFirstUse !== undefined) token.revokesOnFirstUse = spec.revokesOnFirstUse;
      if (spec.refreshToken !== undefined) token.refreshToken = spec.refreshToken;
      if (!this.store.upsertNow) return this.store.upsert('accessToken', token).then(() => token);
      this.store.upsertNow('accessToken', token);
      return token;
    });
  }

  async issueRefreshToken(
    grant: Grant,
    value: string,
    options: { lifetimeSeconds?: number; replaces?: string; accessToken?: string } = {},
  ): Promise<RefreshToken> {
    const issuedAt = this.clock.now();
    const token: RefreshToken = {
      value,
      provider: grant.provider,
      grantId: grant.id,
      clientId: grant.clientId,
      issuedAt,
    };
    if (options.lifetimeSeconds !== undefined) token.expiresAt = issuedAt + options.lifetimeSeconds * 1000;
    if (options.replaces !== undefined) token.replaces = options.replaces;
    if (options.accessToken !== undefined) token.accessToken = options.accessToken;
    await this.store.upsert('refreshToken', token);
    return token;
  }

  async issueCode(
    grant: Grant,
    value: string,
    spec: Pick<
      AuthorizationCode,
      'redirectUri' | 'codeChallenge' | 'codeChallengeMethod' | 'delegated' | 'idHint'
    > & {
      lifetimeSeconds: number;
    },
  ): Promise<AuthorizationCode> {
    const issuedAt = this.clock.now();
    const { lifetimeSeconds, ...rest } = spec;
    const code: AuthorizationCode = {
      ...rest,
      value,
      provider: grant.provider,
      clientId: grant.clientId,
      grantId: grant.id,
      companies: grant.companies,
      scopes: grant.scopes,
      issuedAt,
      expiresAt: issuedAt + lifetimeSeconds * 1000,
    };
    if (grant.userId !== undefined) code.userId = grant.userId;
    await this.store.upsert('code', code);
    return code;
  }

  /**
   * Redeems a code once. RFC 6749 §4.1.2: a code used twice is refused and everything issued under its
   * grant is revoked. RFC 6749 §4.1.3: the code is bound to its client and redirect_uri; RFC 7636 to its
   * PKCE challenge.
   */
  async redeemCode(
    provider: ProviderId,
    value: string,
    check: { clientId: string; redirectUri?: string | undefined; codeVerifier?: string | undefined },
  ): Promise<CodeRedemption> {
    const known = await this.store.find('code', value);
    if (!known || known.provider !== provider) return { ok: false, reason: 'unknown' };
    if (known.clientId !== check.clientId) return { ok: false, reason: 'wrong-client' };
    // Binding checks come before consumption (as node-oidc-provider does), so a retry with the right
    // verifier is not mistaken for a replay.
    const binding = bindingProblem(known, check);
    if (binding && known.consumedAt === undefined && known.revokedAt === undefined)
      return { ok: false, reason: binding };
    const now = this.clock.now();
    const result = await this.store.consume('code', value, now);
    if (!result.ok) {
      if (result.reason === 'reused') await this.store.revokeByGrant(known.grantId, now);
      return { ok: false, reason: result.reason };
    }
    const code = result.record;
    return { ok: true, code };
  }

  /**
   * Consumes a refresh token so that exactly one caller may rotate it. A second use of a rotated refresh
   * token revokes the whole grant (RFC 6819 §5.2.2.3, refresh token replay detection).
   */
  async rotateRefreshToken(provider: ProviderId, value: string, clientId: string): Promise<RefreshRotation> {
    const known = await this.store.find('refreshToken', value);
    if (!known || known.provider !== provider) return { ok: false, reason: 'unknown' };
    if (known.clientId !== clientId) return { ok: false, reason: 'wrong-client' };
    const now = this.clock.now();
    const grant = await this.store.find('grant', known.grantId);
    if (!grant || grant.revokedAt !== undefined) return { ok: false, reason: 'revoked' };
    const result = await this.store.consume('refreshToken', value, now);
    if (!result.ok) {
      if (result.reason === 'reused') await this.store.revokeByGrant(known.grantId, now);
      return { ok: false, reason: result.reason };
    }
    return { ok: true, previous: result.record, grant };
  }

  /** Links a rotated refresh token to its successor (lineage for the journal and dashboard). */
  async linkSuccessor(previous: RefreshToken, successor: string): Promise<void> {
    await this.store.upsert('refreshToken', { ...previous, replacedBy: successor });
  }

  /**
   * The bearer check every resource call starts with, in the order PRODUCT.md fixes: present and
   * well-formed, known, not expired, not revoked. Marks the token's first use.
   */
  async checkBearer(provider: ProviderId, req: SandboxRequest): Promise<TokenCheck> {
    const bearer = readBearer(req);
    if (!bearer.ok) return bearer;
    const { store } = this;
    const token = store.findNow
      ? store.findNow('accessToken', bearer.token)
      : await store.find('accessToken', bearer.token);
    if (!token || token.provider !== provider) return { ok: false, reason: 'unknown' };
    const now = this.clock.now();
    if (token.expiresAt <= now) return { ok: false, reason: 'expired' };
    if (token.revokedAt !== undefined) return { ok: false, reason: 'revoked' };
    if (token.grantId !== undefined) {
      const grant = store.findNow
        ? store.findNow('grant', token.grantId)
        : await store.find('grant', token.grantId);
      if (grant?.revokedAt !== undefined) return { ok: false, reason: 'revoked' };
    }
    if (token.firstUsedAt === undefined) return { ok: true, token: await this.markFirstUse(token, now) };
    return { ok: true, token };
  }

  private async markFirstUse(token: AccessToken, now: number): Promise<AccessToken> {
    const used: AccessToken = { ...token, firstUsedAt: now };
    await this.store.upsert('accessToken', used);
    // Gusto: the refresh token that produced this one dies on its first use (Doorkeeper
    // refresh_token_revoked_on_use).
    if (token.revokesOnFirstUse !== undefined) await this.revokeRefreshToken(token.revokesOnFirstUse, now);
    return used;
  }

  async revokeRefreshToken(value: string, at: number): Promise<boolean> {
    const refresh = await this.store.find('refreshToken', value);
    if (!refresh || refresh.revokedAt !== undefined) return false;
    await this.store.upsert('refreshToken', { ...refresh, revokedAt: at });
    return true;
  }

  async revokeAccessToken(value: string, at: number): Promise<boolean> {
    const token = await this.store.find('accessToken', value);
    if (!token || token.revokedAt !== undefined) return false;
    await this.store.upsert('accessToken', { ...token, revokedAt: at });
    return true;
  }

  /**
   * Makes the access token, refresh token or code with this value expire now (control plane
   * `tokens/expire`, the dashboard); false when none has it.
   */
  expireIssued(value: string): Promise<boolean> {
    const now = this.clock.now();
    return this.changeIssued(value, (record) => ({
      ...record,
      expiresAt: Math.min(record.expiresAt ?? now, now),
    }));
  }

  /** Revokes the access token, refresh token or code with this value (a revoked one keeps its time); false when none has it. */
  revokeIssued(value: string, at: number): Promise<boolean> {
    return this.changeIssued(value, (record) =>
      record.revokedAt === undefined ? { ...record, revokedAt: at } : record,
    );
  }

  private async changeIssued(
    value: string,
    change: <K extends IssuedKind>(record: RecordKinds[K]) => RecordKinds[K],
  ): Promise<boolean> {
    for (const kind of issuedKinds) if (await this.changeOne(kind, value, change)) return true;
    return false;
  }

  private async changeOne<K extends IssuedKind>(
    kind: K,
    value: string,
    change: (record: RecordKinds[K]) => RecordKinds[K],
  ): Promise<boolean> {
    const record = await this.store.find(kind, value);
    if (!record) return false;
    const changed = change(record);
    if (changed !== record) await this.store.upsert(kind, changed);
    return true;
  }
}

/** What the control plane can expire or revoke by value. */
const issuedKinds = ['accessToken', 'refreshToken', 'code'] as const;
type IssuedKind = (typeof issuedKinds)[number];

/** What a token's value is made from; the jti is drawn only for the JWT dialects that ask for one. */
class LazyMintTimes implements MintTimes {
  private drawn: string | undefined;

  constructor(
    readonly iat: number,
    readonly exp: number,
    private readonly random: Random,
  ) {}

  /** 128 random bits, like every other token and code the sandbox issues. Bound: mints destructure it. */
  readonly jti = (): string => {
    this.drawn ??= this.random.bytes(16).toString('base64url');
    return this.drawn;
  };
}
