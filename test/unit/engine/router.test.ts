import { describe, expect, it } from 'vitest';
import { Router } from '../../../src/engine/router.js';

interface TestRoute {
  method: string;
  path: string;
  name: string;
}

const routes: TestRoute[] = [
  { method: 'POST', path: '/oauth/token', name: 'token' },
  { method: 'get', path: '/v1/companies', name: 'listCompanies' },
  { method: 'POST', path: '/v1/companies', name: 'createCompany' },
  { method: 'GET', path: '/v1/companies/{company_id}', name: 'getCompany' },
  { method: 'GET', path: '/v1/companies/{company_id}/employees/{employee_id}', name: 'getEmployee' },
  { method: 'GET', path: '/v1/files.json/{name}', name: 'getFile' },
];

function routeName(match: ReturnType<Router<TestRoute>['match']>): string | undefined {
  return match.kind === 'found' ? match.route.name : undefined;
}

describe('Router', () => {
  const router = new Router(routes);

  it('finds a static route by method and path', () => {
    expect(router.match('POST', '/oauth/token')).toEqual({ kind: 'found', route: routes[0], params: {} });
  });

  it('matches route methods given in lower case', () => {
    expect(routeName(router.match('GET', '/v1/companies'))).toBe('listCompanies');
  });

  it('tells apart two methods on one static path', () => {
    expect(routeName(router.match('GET', '/v1/companies'))).toBe('listCompanies');
    expect(routeName(router.match('POST', '/v1/companies'))).toBe('createCompany');
  });

  it('captures {param} segments by name', () => {
    expect(router.match('GET', '/v1/companies/co_1/employees/e-2')).toEqual({
      kind: 'found',
      route: routes[4],
      params: { company_id: 'co_1', employee_id: 'e-2' },
    });
  });

  it('lets a {param} match exactly one segment', () => {
    expect(router.match('GET', '/v1/companies/co_1/extra')).toEqual({ kind: 'none' });
    expect(router.match('GET', '/v1/companies/')).toMatchObject({
      kind: 'found',
      route: { name: 'listCompanies' },
    });
  });

  it('treats the literal parts of a parameterised path literally', () => {
    expect(router.match('GET', '/v1/files.json/report')).toMatchObject({ params: { name: 'report' } });
    expect(router.match('GET', '/v1/filesXjson/report')).toEqual({ kind: 'none' });
  });

  it('lists the allowed methods when the path exists under another method', () => {
    expect(router.match('DELETE', '/v1/companies')).toEqual({
      kind: 'wrong-method',
      allowed: ['GET', 'POST'],
    });
    expect(router.match('GET', '/oauth/token')).toEqual({ kind: 'wrong-method', allowed: ['POST'] });
    expect(router.match('PUT', '/v1/companies/co_1')).toEqual({ kind: 'wrong-method', allowed: ['GET'] });
  });

  it('tells apart two methods on one parameterised path', () => {
    const twoMethods = new Router([
      { method: 'GET', path: '/link/1.0/{product}/{flow}', name: 'showLink' },
      { method: 'POST', path: '/link/1.0/{product}/{flow}', name: 'submitLink' },
    ]);
    expect(twoMethods.match('GET', '/link/1.0/transactions/connect-accounts')).toMatchObject({
      kind: 'found',
      route: { name: 'showLink' },
      params: { product: 'transactions', flow: 'connect-accounts' },
    });
    expect(twoMethods.match('POST', '/link/1.0/transactions/connect-accounts')).toMatchObject({
      kind: 'found',
      route: { name: 'submitLink' },
      params: { product: 'transactions', flow: 'connect-accounts' },
    });
    expect(twoMethods.match('PUT', '/link/1.0/a/b')).toEqual({
      kind: 'wrong-method',
      allowed: ['GET', 'POST'],
    });
  });

  it('answers HEAD with the GET route', () => {
    expect(routeName(router.match('HEAD', '/v1/companies/co_1'))).toBe('getCompany');
  });

  it('finds nothing for an unknown path', () => {
    expect(router.match('GET', '/v2/companies')).toEqual({ kind: 'none' });
    expect(router.match('GET', '/')).toEqual({ kind: 'none' });
  });

  it('ignores one trailing slash on static and parameterised paths', () => {
    expect(routeName(router.match('POST', '/oauth/token/'))).toBe('token');
    expect(router.match('GET', '/v1/companies/co_1/')).toMatchObject({ params: { company_id: 'co_1' } });
  });

  it('percent-decodes captured parameters', () => {
    expect(router.match('GET', '/v1/companies/a%20b%2Fc%C3%A9')).toMatchObject({
      params: { company_id: 'a b/cé' },
    });
  });

  it('keeps a malformed percent-escape as it was instead of throwing', () => {
    expect(router.match('GET', '/v1/companies/100%')).toMatchObject({ params: { company_id: '100%' } });
    expect(router.match('GET', '/v1/companies/%E0%A4%A')).toMatchObject({
      params: { company_id: '%E0%A4%A' },
    });
  });
});
