import { isIP } from 'node:net';
import type { RouteContext } from '../../engine/dialect.js';
import { json, type SandboxResponse } from '../../engine/http.js';
import type { UserRecord } from '../../engine/records.js';
import type { components } from '../../generated/uphold.js';
import { authorize, type OperationRule, subjectUser } from './access.js';
import { upholdErrors } from './errors.js';
import { BodyRules, readUpholdJson } from './request.js';

type User = components['schemas']['User'];

// Scopes from the spec's per-operation security (reference scope map); subjects from `x-uphold`.
const createUserRule: OperationRule = { scopes: ['core.users:create'], subject: 'client' };
const getUserRule: OperationRule = { scopes: ['core.users:read'], subject: 'user' };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** POST /core/users: the client creates a user of its organization (201). */
export async function createUser(ctx: RouteContext): Promise<SandboxResponse> {
  await authorize(ctx, createUserRule);
  requireUserIp(ctx);
  const rules = new BodyRules(readUpholdJson(ctx.req));
  const email = rules.string('email', {
    required: true,
    maxLength: 254,
    pattern: emailPattern,
    format: 'email',
  });
  const fullName = rules.string('fullName', { minLength: 1, maxLength: 200 });
  const type = rules.oneOf('type', ['individual', 'business']);
  rules.check();
  if (email === undefined)
    throw upholdErrors.requestInvalid('body', [{ property: 'email', rule: 'required' }]);
  return json(201, { user: toUser(await addUser(ctx, { email, fullName, type })) });
}

/**
 * The end user's IP, which Uphold needs to create a user (the spec's create-user 409 example, providers.md
 * §4.5): missing, 409 `missing-user-ip-header`; not an IP, 400 like any invalid header.
 */
function requireUserIp(ctx: RouteContext): void {
  const ip = ctx.req.headers['x-uphold-user-ip'];
  if (ip === undefined || ip === '') throw upholdErrors.missingUserIp();
  if (isIP(ip) === 0) {
    throw upholdErrors.requestInvalid('headers', [
      { property: 'x-uphold-user-ip', rule: 'format', ruleParams: { format: 'ip' } },
    ]);
  }
}

/** GET /core/users/me: the subject user (GET answers even for a blocked user). */
export async function getCurrentUser(ctx: RouteContext): Promise<SandboxResponse> {
  const caller = await authorize(ctx, getUserRule);
  return json(200, { user: toUser(subjectUser(caller)) });
}

async function addUser(
  ctx: RouteContext,
  input: { email: string; fullName: string | undefined; type: 'individual' | 'business' | undefined },
): Promise<UserRecord> {
  const { store, clock, random } = ctx.sandbox;
  const user: UserRecord = {
    provider: 'uphold',
    id: random.uuid(),
    email: input.email,
    companies: [],
    status: 'active',
    role: input.type ?? 'individual',
    createdAt: clock.now(),
    ...(input.fullName === undefined ? {} : { name: input.fullName }),
  };
  // One address (in any case) is one user; atomic on every store, so concurrent creations make one.
  if (await store.insertNamed('user', user)) throw upholdErrors.emailAlreadyExists();
  return user;
}

export function toUser(record: UserRecord): User {
  return {
    id: record.id,
    type: record.role === 'business' ? 'business' : 'individual',
    // Seeded users may have no email; the API always has one.
    email: record.email ?? `${record.id}@users.uphold.example`,
    status: record.status,
    createdAt: new Date(record.createdAt).toISOString(),
    ...(record.name === undefined ? {} : { fullName: record.name }),
  };
}
