import type { CompanyRecord, UserRecord } from '../../engine/records.js';
import type { components } from '../../generated/gusto.js';

type Company = components['schemas']['Company'];
type Employee = components['schemas']['Employee'];

function splitName(name: string | undefined): { first: string; last: string } {
  const [first = '', ...rest] = (name ?? '').trim().split(/\s+/);
  return { first, last: rest.join(' ') };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Company object the SDK parses (`@gusto/embedded-api` models/components/company.ts). */
export function companyView(company: CompanyRecord, admin: UserRecord | undefined): Company {
  const name = company.name ?? 'Sandbox Company';
  const view: Company = {
    uuid: company.id,
    name,
    trade_name: name,
    entity_type: null,
    contractor_only: false,
    tier: null,
    is_suspended: false,
    company_status: 'Approved',
    is_partner_managed: true,
    pay_schedule_type: null,
    join_date: isoDay(company.createdAt),
    funding_type: 'ach',
    locations: [],
  };
  if (admin) {
    const { first, last } = splitName(admin.name);
    view.primary_payroll_admin = {
      first_name: first,
      last_name: last,
      phone: null,
      email: admin.email ?? '',
    };
  }
  return view;
}

/** The employee objects of `GET /v1/companies/{company_id}/employees` (SDK `ShowEmployees`). */
export function employeeView(user: UserRecord, companyUuid: string): Employee {
  const { first, last } = splitName(user.name);
  return {
    uuid: user.id,
    first_name: first,
    middle_initial: null,
    last_name: last,
    email: user.email ?? null,
    company_uuid: companyUuid,
    manager_uuid: null,
    department: null,
    terminated: user.status !== 'active',
    onboarded: true,
    payment_method: 'Check',
    jobs: [],
    terminations: [],
    custom_fields: [],
  };
}
