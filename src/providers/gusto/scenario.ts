import { createHash } from 'node:crypto';
import type { SeedContext } from '../../engine/dialect.js';
import type { Grant, UserRecord } from '../../engine/records.js';
import {
  boolean,
  type Infer,
  list,
  object,
  oneOf,
  optional,
  type Problem,
  type Shape,
  string,
} from '../../engine/shape.js';
import { clientEntryFields, clientRecord } from '../../scenario/client-entry.js';
import { defaultMinimumVersion, isApiVersion } from './api-version.js';
import { companyTokenScopes, defaultClientScopes } from './scopes.js';

const uuid = string({
  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  hint: 'a UUID',
});
const apiVersion = string({ pattern: /^\d{4}-\d{2}-\d{2}$/, hint: 'an API version such as 2024-04-01' });
const person = { firstName: optional(string()), lastName: optional(string()), email: optional(string()) };

const sectionFields = object({
  clients: optional(
    list(
      object({
        ...clientEntryFields,
        minimumApiVersion: optional(apiVersion),
        scopes: optional(
          list(string({ pattern: /^[a-z_]+(:[a-z_]+)?$/, hint: 'a Gusto scope such as companies:read' })),
        ),
      }),
    ),
  ),
  companies: optional(
    list(
      object({
        uuid,
        name: optional(string()),
        admin: optional(object({ uuid, ...person })),
        employees: optional(list(object({ uuid, ...person }))),
      }),
    ),
  ),
  grants: optional(
    list(
      object({
        refreshToken: string({ pattern: /^[A-Za-z0-9_-]{8,}$/, hint: 'at least 8 URL-safe characters' }),
        companies: list(uuid),
        strict: optional(boolean()),
        /** Default: the first client. */
        clientId: optional(string({ min: 1 })),
        scopes: optional(list(string())),
        resourceOwner: optional(
          object({ type: oneOf(['CompanyAdmin', 'Employee', 'Contractor'] as const), uuid }),
        ),
      }),
    ),
  ),
});

export type GustoSection = Infer<typeof sectionFields>;

/** The section shape plus the checks across keys: grants name known clients and companies. */
export const gustoSection: Shape<GustoSection> = {
  ...sectionFields,
  check(value, path, problems) {
    const section = sectionFields.check(value, path, problems);
    if (section !== undefined) crossCheck(section, path, problems);
    return section;
  },
};

function crossCheck(section: GustoSection, path: string, problems: Problem[]): void {
  const clients = new Set((section.clients ?? []).map((c) => c.clientId));
  const companies = new Set((section.companies ?? []).map((c) => c.uuid));
  (section.clients ?? []).forEach((client, index) => {
    if (client.minimumApiVersion !== undefined && !isApiVersion(client.minimumApiVersion)) {
      problems.push({
        path: `${path}.clients[${index}].minimumApiVersion`,
        message: 'is not a calendar date',
      });
    }
  });
  (section.grants ?? []).forEach((grant, index) => {
    const at = `${path}.grants[${index}]`;
    if (grant.clientId !== undefined ? !clients.has(grant.clientId) : clients.size === 0) {
      problems.push({ path: `${at}.clientId`, message: 'names no client of this section' });
    }
    if (grant.companies.length === 0)
      problems.push({ path: `${at}.companies`, message: 'must name a company' });
    if (grant.strict && grant.companies.length > 1) {
      problems.push({ path: `${at}.companies`, message: 'a strict grant reaches exactly one company' });
    }
    grant.companies.forEach((company, i) => {
      if (!companies.has(company))
        problems.push({ path: `${at}.companies[${i}]`, message: 'is not a company of this section' });
    });
  });
}

/** A UUID derived from a name, so that resets and restarts agree (a company's default admin, an app's id). */
export function stableUuid(namespace: string, name: string): string {
  const hex = createHash('sha256').update(`${namespace}:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function derivedAdminUuid(companyUuid: string): string {
  return stableUuid('gusto-admin', companyUuid);
}

function fullName(p: { firstName?: string; lastName?: string }, fallback: string): string {
  return [p.firstName, p.lastName].filter((part) => part !== undefined).join(' ') || fallback;
}

export async function seedGusto(section: GustoSection, { store, clock }: SeedContext): Promise<void> {
  const now = clock.now();
  for (const client of section.clients ?? []) {
    await store.upsert(
      'client',
      clientRecord('gusto', client, client.scopes ?? defaultClientScopes, {
        minimumApiVersion: client.minimumApiVersion ?? defaultMinimumVersion,
      }),
    );
  }
  for (const company of section.companies ?? []) {
    await store.upsert('company', {
      provider: 'gusto',
      id: company.uuid,
      name: company.name ?? 'Sandbox Company',
      createdAt: now,
    });
    const admin = company.admin ?? { uuid: derivedAdminUuid(company.uuid) };
    await store.upsert('user', personRecord(admin, 'CompanyAdmin', company.uuid, now, 'Company Admin'));
    for (const employee of company.employees ?? []) {
      await store.upsert('user', personRecord(employee, 'Employee', company.uuid, now, 'Sandbox Employee'));
    }
  }
  const firstClient = section.clients?.[0]?.clientId;
  for (const [index, spec] of (section.grants ?? []).entries()) {
    const clientId = spec.clientId ?? firstClient ?? '';
    const client = (section.clients ?? []).find((c) => c.clientId === clientId);
    const owner = spec.resourceOwner ?? {
      type: 'CompanyAdmin',
      uuid: adminOf(section, spec.companies[0] ?? ''),
    };
    const strict = spec.strict ?? false;
    const grant: Grant = {
      id: `grant_gusto_seed_${index}`,
      provider: 'gusto',
      kind: strict ? 'strict' : 'company',
      clientId,
      companies: spec.companies,
      // A company grant carries the application's company scopes; system scopes go to system tokens.
      scopes: spec.scopes ?? companyTokenScopes(client?.scopes ?? defaultClientScopes),
      createdAt: now,
      strict,
      resourceOwner: owner,
    };
    await store.upsert('grant', grant);
    // Gusto refresh tokens never expire (providers.md §5.3).
    await store.upsert('refreshToken', {
      value: spec.refreshToken,
      provider: 'gusto',
      grantId: grant.id,
      clientId,
      issuedAt: now,
    });
  }
}

function adminOf(section: GustoSection, companyUuid: string): string {
  const company = (section.companies ?? []).find((c) => c.uuid === companyUuid);
  return company?.admin?.uuid ?? derivedAdminUuid(companyUuid);
}

function personRecord(
  p: { uuid: string; firstName?: string; lastName?: string; email?: string },
  role: string,
  company: string,
  now: number,
  fallbackName: string,
): UserRecord {
  return {
    provider: 'gusto',
    id: p.uuid,
    role,
    companies: [company],
    status: 'active',
    createdAt: now,
    name: fullName(p, fallbackName),
    ...(p.email === undefined ? {} : { email: p.email }),
  };
}

export function describeGusto(section: GustoSection): string[] {
  return [
    ...(section.clients ?? []).map(
      (c) =>
        `client ${c.clientId} / ${c.clientSecret} (minimum API version ${c.minimumApiVersion ?? defaultMinimumVersion})`,
    ),
    ...(section.companies ?? []).map((c) => `company ${c.uuid}${c.name ? ` (${c.name})` : ''}`),
    ...(section.grants ?? []).map(
      (g) =>
        `${g.strict ? 'strict' : 'legacy'} grant over ${g.companies.length} companies, refresh token ${g.refreshToken}`,
    ),
  ];
}
