import type { SandboxEngine } from '../engine/engine.js';
import { artefactStatus, type RecordKind, type RecordKinds } from '../engine/records.js';
import { redactSecret } from '../engine/redact.js';

const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/**
 * Every grant, token and code with its status on the sandbox clock, oldest first; token values redacted.
 * With `limit`, only the newest of each list.
 */
export async function describeState(
  engine: SandboxEngine,
  limit?: number,
): Promise<Record<string, unknown[]>> {
  const { store } = engine;
  const now = engine.clock.now();
  const read = async <K extends RecordKind>(kind: K): Promise<RecordKinds[K][]> =>
    limit === undefined ? store.list(kind) : (await store.recent(kind, limit)).records.reverse();
  const [grants, accessTokens, refreshTokens, codes] = await Promise.all([
    read('grant'),
    read('accessToken'),
    read('refreshToken'),
    read('code'),
  ]);
  return {
    grants: grants.map((g) => ({
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
    })),
    accessTokens: accessTokens.map((t) => ({
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
    })),
    refreshTokens: refreshTokens.map((t) => ({
      token: redactSecret(t.value),
      provider: t.provider,
      grantId: t.grantId,
      status: artefactStatus(t, now),
      issuedAt: iso(t.issuedAt),
      replaces: t.replaces === undefined ? undefined : redactSecret(t.replaces),
      replacedBy: t.replacedBy === undefined ? undefined : redactSecret(t.replacedBy),
    })),
    codes: codes.map((c) => ({
      code: redactSecret(c.value),
      provider: c.provider,
      grantId: c.grantId,
      status: artefactStatus(c, now),
      expiresAt: iso(c.expiresAt),
    })),
  };
}
