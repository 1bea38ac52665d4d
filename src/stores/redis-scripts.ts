import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The store's multi-key operations as Lua scripts: Redis runs a script to completion with nothing
 * interleaved, which is what makes consume single-use across servers. Every script takes the key prefix as
 * ARGV[1] and builds its key names like RedisKeys (a single Redis, not Cluster: keys are not declared).
 *
 * Records stay the exact JSON the store was given. cjson only decodes (its encoder would turn `[]` into
 * `{}`); a stamp is added by appending `,"field":N` before the closing brace.
 */
const common = `
local p = ARGV[1]
local function rec(kind, key) return p .. ':r:' .. kind .. ':' .. key end
local function present(v) return v ~= nil and v ~= cjson.null end
local function stamp(json, field, at) return string.sub(json, 1, -2) .. ',"' .. field .. '":' .. at .. '}' end
-- A named record's names (RedisKeys n: and rn:): the ones it held are let go (those still pointing at it),
-- then the new ones taken.
local function rename(kind, key, names)
  local index, held = p .. ':n:' .. kind, p .. ':rn:' .. kind .. ':' .. key
  for _, name in ipairs(redis.call('SMEMBERS', held)) do
    if redis.call('HGET', index, name) == key then redis.call('HDEL', index, name) end
  end
  redis.call('DEL', held)
  for _, name in ipairs(names) do
    redis.call('HSET', index, name, key)
    redis.call('SADD', held, name)
  end
end
local function forget(kind, key, named)
  if named then rename(kind, key, {}) end
  local rk = rec(kind, key)
  local raw = redis.call('GET', rk)
  if raw then
    local r = cjson.decode(raw)
    if type(r.provider) == 'string' then redis.call('ZREM', p .. ':p:' .. kind .. ':' .. r.provider, key) end
    if kind ~= 'grant' and type(r.grantId) == 'string' then
      redis.call('SREM', p .. ':g:' .. r.grantId, kind .. ':' .. key)
    end
  end
  redis.call('DEL', rk)
  redis.call('ZREM', p .. ':k:' .. kind, key)
  redis.call('ZREM', p .. ':x:' .. kind, key)
end
`;

/**
 * Stores a record. ARGV from `at`: kind, key, json, provider, grantId or '', expiresAt or '' (only for
 * swept kinds), '1' if the kind has names (else ''), then the record's names.
 */
const put = `
local function put(at)
  local kind, key, json, provider = ARGV[at], ARGV[at + 1], ARGV[at + 2], ARGV[at + 3]
  local grantId, expiresAt, named = ARGV[at + 4], ARGV[at + 5], ARGV[at + 6] == '1'
  local rk = rec(kind, key)
  local old = redis.call('GET', rk)
  if old then
    local o, n = cjson.decode(old), cjson.decode(json)
    -- A stamp once set stays: a stale copy written by another server (a first-use mark racing a revocation)
    -- must not bring a revoked or used token back.
    for _, field in ipairs({ 'revokedAt', 'consumedAt' }) do
      if type(o[field]) == 'number' and not present(n[field]) then
        json = stamp(json, field, string.format('%.17g', o[field]))
      end
    end
    if o.provider ~= provider and type(o.provider) == 'string' then
      redis.call('ZREM', p .. ':p:' .. kind .. ':' .. o.provider, key)
    end
    if kind ~= 'grant' and type(o.grantId) == 'string' and o.grantId ~= grantId then
      redis.call('SREM', p .. ':g:' .. o.grantId, kind .. ':' .. key)
    end
  end
  redis.call('SET', rk, json)
  local seq = redis.call('ZSCORE', p .. ':k:' .. kind, key)
  if not seq then
    seq = redis.call('INCR', p .. ':seq')
    redis.call('ZADD', p .. ':k:' .. kind, seq, key)
  end
  redis.call('ZADD', p .. ':p:' .. kind .. ':' .. provider, 'NX', seq, key)
  if kind ~= 'grant' and grantId ~= '' then redis.call('SADD', p .. ':g:' .. grantId, kind .. ':' .. key) end
  if expiresAt ~= '' then redis.call('ZADD', p .. ':x:' .. kind, expiresAt, key) end
  if named then rename(kind, key, { unpack(ARGV, at + 7) }) end
end
`;

/** ARGV: prefix, then put's. */
const upsert = `${common}${put}
put(2)
return 1
`;

/**
 * ARGV: prefix, then put's. Stores the record unless another record holds one of its names; returns
 * { 'stored' } or { 'held', holderKey, holderJson }.
 */
const insertNamed = `${common}${put}
local kind, key = ARGV[2], ARGV[3]
-- put(2)'s names start at ARGV[9] (2 + 7).
for i = 9, #ARGV do
  local holder = redis.call('HGET', p .. ':n:' .. kind, ARGV[i])
  if holder and holder ~= key then
    local raw = redis.call('GET', rec(kind, holder))
    if raw then return { 'held', holder, raw } end
  end
end
put(2)
return { 'stored' }
`;

/** ARGV: prefix, kind, key, '1' if the kind has names. */
const remove = `${common}
forget(ARGV[2], ARGV[3], ARGV[4] == '1')
return 1
`;

/** ARGV: prefix, kind, key, at. Returns { outcome, json? }. The checks are MemoryStore.consume's. */
const consume = `${common}
local rk, at = rec(ARGV[2], ARGV[3]), ARGV[4]
local raw = redis.call('GET', rk)
if not raw then return { 'unknown' } end
local r = cjson.decode(raw)
if present(r.revokedAt) then return { 'revoked', raw } end
if present(r.consumedAt) then return { 'reused', raw } end
if type(r.expiresAt) == 'number' and r.expiresAt <= tonumber(at) then return { 'expired', raw } end
local consumed = stamp(raw, 'consumedAt', at)
redis.call('SET', rk, consumed)
return { 'ok', consumed }
`;

/** ARGV: prefix, grantId, at. Returns how many records it revoked. */
const revokeByGrant = `${common}
local grantId, at, changed = ARGV[2], ARGV[3], 0
local function revoke(rk)
  local raw = redis.call('GET', rk)
  if not raw then return end
  if present(cjson.decode(raw).revokedAt) then return end
  redis.call('SET', rk, stamp(raw, 'revokedAt', at))
  changed = changed + 1
end
revoke(rec('grant', grantId))
for _, member in ipairs(redis.call('SMEMBERS', p .. ':g:' .. grantId)) do revoke(p .. ':r:' .. member) end
return changed
`;

/** ARGV: prefix, before. Forgets access tokens and codes with expiresAt < before; returns how many. */
const sweep = `${common}
local removed = 0
for _, kind in ipairs({ 'accessToken', 'code' }) do
  for _, key in ipairs(redis.call('ZRANGEBYSCORE', p .. ':x:' .. kind, '-inf', '(' .. ARGV[2])) do
    forget(kind, key, false)
    removed = removed + 1
  end
end
return removed
`;

/** A Lua script run by its SHA1, loaded on first use (and again after a SCRIPT FLUSH or a Redis restart). */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, 0, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, 0, ...args);
    }
  }
}

export const scripts = {
  upsert: new RedisScript(upsert),
  insertNamed: new RedisScript(insertNamed),
  remove: new RedisScript(remove),
  consume: new RedisScript(consume),
  revokeByGrant: new RedisScript(revokeByGrant),
  sweep: new RedisScript(sweep),
};
