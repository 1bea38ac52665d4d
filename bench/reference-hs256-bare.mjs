// A floor for the HS256 issuance figure: the Uphold client_credentials answer with every shortcut a
// server that knows its one client could take, on bare node:http. It compares the whole Authorization
// header with the one it expects, finds the scope with indexOf, signs with a precomputed HMAC key pad and
// one-shot hashes, builds the JSON by concatenation, keeps nothing and checks nothing else. No faithful
// server can do less per token; the bench shows how close to the ceiling even this gets.
// Usage: node bench/reference-hs256-bare.mjs PORT (prints "listening PORT" when ready).
import { hash, randomBytes, randomUUID } from 'node:crypto';
import { randomBase64url, serve, withTextBody } from './bare-server.mjs';

const expectedAuthorization = `Basic ${Buffer.from('uphold-client:uphold-secret').toString('base64')}`;
const organizationId = randomUUID();
const lifetimeSeconds = 600;
// HMAC-SHA256 (RFC 2104) with a 64-byte key: hash((K ^ opad) || hash((K ^ ipad) || input)).
const key = randomBytes(64).map((byte) => byte & 0x7f);
const innerPad = Buffer.from(key.map((byte) => byte ^ 0x36)).toString('latin1');
const outer = Buffer.alloc(64 + 32);
for (let i = 0; i < 64; i++) outer[i] = (key[i] ?? 0) ^ 0x5c;
/** @param {string} input */
function sign(input) {
  outer.write(hash('sha256', innerPad + input, 'base64'), 64, 'base64');
  return hash('sha256', outer, 'base64url');
}
const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

serve(
  withTextBody((req, res, raw) => {
    if (
      req.headers.authorization !== expectedAuthorization ||
      !raw.startsWith('grant_type=client_credentials')
    ) {
      res.writeHead(400, { 'content-length': 0 });
      res.end();
      return;
    }
    const at = raw.indexOf('scope=');
    const scope = at < 0 ? '' : decodeURIComponent(raw.slice(at + 6).replaceAll('+', ' '));
    const iat = Math.floor(Date.now() / 1000);
    const claims = `{"aud":"uphold-client","org":"${organizationId}","scope":"${scope}","iat":${iat},"exp":${iat + lifetimeSeconds},"jti":"${randomBase64url(16)}"}`;
    const input = `${header}.${Buffer.from(claims).toString('base64url')}`;
    const body = `{"access_token":"${input}.${sign(input)}","token_type":"Bearer","expires_in":${lifetimeSeconds},"scope":"${scope}"}`;
    res.writeHead(200, [
      'content-type',
      'application/json; charset=utf-8',
      'x-uphold-organization-id',
      organizationId,
      'cache-control',
      'no-store',
      'pragma',
      'no-cache',
      'x-uphold-request-id',
      randomUUID(),
      'content-length',
      Buffer.byteLength(body),
    ]);
    res.end(body);
  }),
);
