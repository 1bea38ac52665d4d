import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BodyError,
  readBasicCredentials,
  readBearer,
  readForm,
  readJsonObject,
  readJsonOrForm,
  stringField,
} from '../../../src/engine/body.js';
import { sandboxRequest } from './sandbox-request.js';

const form = 'application/x-www-form-urlencoded';

function post(contentType: string | undefined, body: string) {
  return sandboxRequest({
    method: 'POST',
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body,
  });
}

function basic(raw: string): string {
  return `Basic ${Buffer.from(raw, 'utf8').toString('base64')}`;
}

describe('readForm', () => {
  it('reads a form body, decoding + and percent-escapes', () => {
    const fields = readForm(
      post(`${form}; charset=UTF-8`, 'grant_type=client_credentials&scope=a%3Aread+b%3Aread'),
    );
    expect(Object.fromEntries(fields)).toEqual({ grant_type: 'client_credentials', scope: 'a:read b:read' });
  });

  it('refuses a parameter sent twice, naming it (RFC 6749 §3.2)', () => {
    const read = () => readForm(post(form, 'scope=a&grant_type=x&scope=b'));
    expect(read).toThrow(BodyError);
    expect(read).toThrow('parameter scope was sent more than once');
    try {
      read();
    } catch (error) {
      expect(error).toMatchObject({ param: 'scope' });
    }
  });

  it('refuses a parameter sent twice even when both values are empty', () => {
    expect(() => readForm(post(form, 'code=&code='))).toThrow(BodyError);
  });

  it('reads every body as URLSearchParams does (names and values with +, escapes, =, broken escapes, UTF-8)', () => {
    // Bodies arrive as bytes and are decoded as UTF-8, so the text is built the same way.
    const piece = fc.oneof(
      fc.constantFrom(
        '&',
        '=',
        '+',
        '%',
        '%2',
        '%3A',
        '%2B',
        '%26',
        '%3D',
        '%e2%82%ac',
        '%FF',
        '%c3',
        '%zz',
        'a',
        '',
      ),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = Buffer.from(pieces.join(''), 'utf8').toString('utf8');
        const expected = [...new URLSearchParams(text)];
        const names = expected.map(([name]) => name);
        if (new Set(names).size !== names.length) {
          expect(() => readForm(post(form, text))).toThrow(BodyError);
        } else {
          expect([...readForm(post(form, text))]).toEqual(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a body of a hundred thousand names without values, each as an empty value', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `f${i}`);
    const fields = readForm(post(form, names.join('&')));
    expect(fields.size).toBe(names.length);
    expect(fields.get('f0')).toBe('');
    expect(fields.get('f99999')).toBe('');
  });

  it('decodes %2B as a plus and + as a space, and keeps what a broken escape holds', () => {
    expect(Object.fromEntries(readForm(post(form, 'a=1%2B1+2&b=%&c=%E2%82%AC')))).toEqual({
      a: '1+1 2',
      b: '%',
      c: '\u20ac',
    });
    expect(Object.fromEntries(readForm(post(form, 'x=%FF&y=ok')))).toEqual({ x: '\ufffd', y: 'ok' });
    expect(() => readForm(post(form, 'x=%FF&x=1'))).toThrow('parameter x was sent more than once');
  });

  it('refuses a JSON body, naming the type it got', () => {
    expect(() => readForm(post('application/json', '{}'))).toThrow(
      `the body must be ${form}, not application/json`,
    );
  });

  it('refuses a body without a content type, saying none was sent', () => {
    expect(() => readForm(post(undefined, 'a=b'))).toThrow('no Content-Type was sent');
  });

  it('takes the media type in any case', () => {
    expect(readForm(post('Application/X-WWW-Form-URLEncoded', 'a=b')).get('a')).toBe('b');
  });

  it('reads each content type anew when they alternate (the last one read is remembered)', () => {
    const types = [
      form,
      'application/json',
      `${form}; charset=utf-8`,
      'text/plain',
      'APPLICATION/X-WWW-FORM-URLENCODED',
    ];
    fc.assert(
      fc.property(fc.array(fc.nat({ max: types.length - 1 }), { maxLength: 20 }), (picks) => {
        for (const pick of picks) {
          const type = types[pick] ?? form;
          const read = () => readForm(post(type, 'a=b')).get('a');
          if (type.split(';')[0]?.toLowerCase() === form) expect(read()).toBe('b');
          else expect(read).toThrow(`not ${type.toLowerCase()}`);
        }
      }),
    );
  });

  it('reads each body anew when bodies alternate, repeat, fail or are long (the last one read is remembered)', () => {
    const long = `scope=${'x'.repeat(600)}`;
    const bodies = ['a=b', 'a=c', 'a=b&a=c', 'a=%ZZ', 'a=b&c=d', long, '', 'a=b '];
    fc.assert(
      fc.property(fc.array(fc.nat({ max: bodies.length - 1 }), { maxLength: 24 }), (picks) => {
        for (const pick of picks) {
          const body = bodies[pick] ?? '';
          const read = () => Object.fromEntries(readForm(post(form, body)));
          if (body === 'a=b&a=c') expect(read).toThrow('parameter a was sent more than once');
          else expect(read()).toEqual(Object.fromEntries(new URLSearchParams(body)));
        }
      }),
    );
  });

  it('reads a body whose bytes changed in place since it was last read as they are now', () => {
    const req = post(form, 'grant_type=client_credentials');
    expect(readForm(req).get('grant_type')).toBe('client_credentials');
    req.rawBody.write('x', 'grant_type='.length);
    expect(readForm(req).get('grant_type')).toBe('xlient_credentials');
  });
});

describe('readJsonObject', () => {
  it('reads a JSON object, also under a +json media type', () => {
    expect(readJsonObject(post('application/json', '{"a":1,"b":"x"}'))).toEqual(
      new Map<string, unknown>([
        ['a', 1],
        ['b', 'x'],
      ]),
    );
    expect(readJsonObject(post('application/vnd.api+json', '{"a":1}')).get('a')).toBe(1);
  });

  it('refuses invalid JSON', () => {
    for (const body of ['', '{', '{"a":}', "{'a':1}", 'undefined']) {
      expect(() => readJsonObject(post('application/json', body))).toThrow('the body is not valid JSON');
    }
  });

  it('refuses JSON that is not an object', () => {
    for (const body of ['[]', '[{"a":1}]', 'null', '42', '"text"', 'true']) {
      expect(() => readJsonObject(post('application/json', body))).toThrow('the body must be a JSON object');
    }
  });

  it('refuses a form or text body, naming the type it got', () => {
    expect(() => readJsonObject(post(form, 'a=b'))).toThrow(`the body must be application/json, not ${form}`);
    expect(() => readJsonObject(post('text/plain', '{}'))).toThrow('not text/plain');
    expect(() => readJsonObject(post(undefined, '{}'))).toThrow('no Content-Type was sent');
  });
});

describe('readJsonOrForm', () => {
  it('reads either JSON or a form', () => {
    expect(readJsonOrForm(post('application/json', '{"a":"1"}')).get('a')).toBe('1');
    expect(readJsonOrForm(post(form, 'a=1')).get('a')).toBe('1');
  });

  it('reads an empty body as no fields, whatever the content type', () => {
    expect(readJsonOrForm(post(undefined, '')).size).toBe(0);
    expect(readJsonOrForm(post('text/plain', '')).size).toBe(0);
  });

  it('refuses other content types and duplicate form parameters', () => {
    expect(() => readJsonOrForm(post('text/plain', 'a'))).toThrow('unsupported content type text/plain');
    expect(() => readJsonOrForm(post(undefined, 'a=1'))).toThrow('no Content-Type was sent');
    expect(() => readJsonOrForm(post(form, 'a=1&a=2'))).toThrow('parameter a was sent more than once');
    expect(() => readJsonOrForm(post('application/json', '[1]'))).toThrow('the body must be a JSON object');
  });
});

describe('stringField', () => {
  it('returns a string, undefined for an absent or null field, and refuses other types', () => {
    const fields = new Map<string, unknown>([
      ['s', 'x'],
      ['n', null],
      ['i', 5],
      ['o', { a: 1 }],
    ]);
    expect(stringField(fields, 's')).toBe('x');
    expect(stringField(fields, 'n')).toBeUndefined();
    expect(stringField(fields, 'missing')).toBeUndefined();
    expect(() => stringField(fields, 'i')).toThrow('i must be a string');
    expect(() => stringField(fields, 'o')).toThrow(BodyError);
  });
});

describe('readBasicCredentials', () => {
  function credentials(authorization: string | undefined) {
    return readBasicCredentials(
      sandboxRequest(authorization === undefined ? {} : { headers: { authorization } }),
    );
  }

  it('reads a client id and secret', () => {
    expect(credentials(basic('tink-client:tink-secret'))).toEqual({
      clientId: 'tink-client',
      clientSecret: 'tink-secret',
    });
  });

  it('splits at the first colon, so the secret may hold colons', () => {
    expect(credentials(basic('id:se:cr:et'))).toEqual({ clientId: 'id', clientSecret: 'se:cr:et' });
  });

  it('form-decodes the id and secret (RFC 6749 §2.3.1)', () => {
    const id = encodeURIComponent('client:with space');
    const secret = encodeURIComponent('p@ss/wörd%');
    expect(credentials(basic(`${id}:${secret}`))).toEqual({
      clientId: 'client:with space',
      clientSecret: 'p@ss/wörd%',
    });
    expect(credentials(basic('a+b:c+d'))).toEqual({ clientId: 'a b', clientSecret: 'c d' });
  });

  it('keeps a value with a broken percent-escape as sent', () => {
    expect(credentials(basic('id%:100%'))).toEqual({ clientId: 'id%', clientSecret: '100%' });
  });

  it('takes the scheme name in any case and an empty secret', () => {
    expect(credentials(`basic ${Buffer.from('id:').toString('base64')}`)).toEqual({
      clientId: 'id',
      clientSecret: '',
    });
  });

  it('reads each header anew when headers alternate, repeat or fail (the last one read is remembered)', () => {
    const client = fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }),
      secret: fc.string({ maxLength: 8 }),
      broken: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(client, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (clients, picks) => {
          for (const pick of picks) {
            const { id, secret, broken } = clients[pick % clients.length] ?? {
              id: 'x',
              secret: '',
              broken: false,
            };
            const encoded = `${encodeURIComponent(id)}:${encodeURIComponent(secret)}`;
            if (broken) expect(credentials(basic(encoded.replace(':', '')))).toBeUndefined();
            else expect(credentials(basic(encoded))).toEqual({ clientId: id, clientSecret: secret });
          }
        },
      ),
    );
  });

  it('finds no credentials without a header, with another scheme, or without a colon', () => {
    expect(credentials(undefined)).toBeUndefined();
    expect(credentials('Bearer abc')).toBeUndefined();
    expect(credentials('Basic')).toBeUndefined();
    expect(credentials('Basic not base64!')).toBeUndefined();
    expect(credentials(basic('no-colon-here'))).toBeUndefined();
  });
});

describe('readBearer', () => {
  function bearer(authorization: string | undefined) {
    return readBearer(sandboxRequest(authorization === undefined ? {} : { headers: { authorization } }));
  }

  it('reads a b64token (RFC 6750 §2.1)', () => {
    expect(bearer('Bearer abc.DEF-123_~+/==')).toEqual({ ok: true, token: 'abc.DEF-123_~+/==' });
    expect(bearer('bearer  tok ')).toEqual({ ok: true, token: 'tok' });
  });

  it('reports a missing or blank header as missing', () => {
    expect(bearer(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(bearer('')).toEqual({ ok: false, reason: 'missing' });
    expect(bearer('   ')).toEqual({ ok: false, reason: 'missing' });
  });

  it('reports anything else as malformed', () => {
    for (const header of [
      'Bearer',
      'Bearer ',
      'Bearertoken',
      'Bearer a b',
      'Bearer a=b',
      'Bearer "tok"',
      'Basic abc',
      'tok',
    ]) {
      expect(bearer(header)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});
