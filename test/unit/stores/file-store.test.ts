import { readFileSync } from 'node:fs';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AppendLog } from '../../../src/stores/append-log.js';
import { FileStore, type FileStoreOptions, StateFileError } from '../../../src/stores/file-store.js';
import { loadStateFile } from '../../../src/stores/state-file.js';
import { accessToken, client, code, grant, refreshToken, storeContract } from '../engine/store-contract.js';

const t0 = Date.parse('2026-01-01T00:00:00Z');
const directory = await mkdtemp(join(tmpdir(), 'auth-sandbox-file-store-'));
const open: FileStore[] = [];
let files = 0;

function newPath(): string {
  files += 1;
  return join(directory, `state-${files}.jsonl`);
}

async function openStore(path: string, options: FileStoreOptions = {}): Promise<FileStore> {
  const store = await FileStore.open(path, options);
  open.push(store);
  return store;
}

async function reopen(store: FileStore, path: string, options: FileStoreOptions = {}): Promise<FileStore> {
  await store.close();
  return openStore(path, options);
}

async function lines(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '');
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

storeContract('FileStore', () => openStore(newPath()));

describe('FileStore sweep', () => {
  it('writes nothing to the file for a sweep with nothing due, and logs one that forgets', async () => {
    const path = newPath();
    const store = await openStore(path);
    await store.upsert('accessToken', accessToken('live', undefined, t0 + 60_000));
    const before = await lines(path);
    expect(await store.sweep(t0)).toBe(0);
    expect(await lines(path)).toEqual(before);
    expect(await store.sweep(t0 + 120_000)).toBe(1);
    expect((await lines(path)).length).toBe(before.length + 1);
    const reopened = await reopen(store, path);
    expect(await reopened.find('accessToken', 'live')).toBeUndefined();
  });
});

describe('FileStore across restarts', () => {
  it('starts a new file without state, and resumes a used one with it', async () => {
    const path = newPath();
    const first = await openStore(path);
    expect(await first.hasState()).toBe(false);
    expect(await first.readClock()).toBeUndefined();
    await first.upsert('client', client('tink', 'c'));
    const second = await reopen(first, path);
    expect(await second.hasState()).toBe(true);
  });

  it('keeps grants, tokens, consumed codes, revocations and the clock through a close and reopen', async () => {
    const path = newPath();
    const store = await openStore(path);
    await store.upsert('grant', grant('g1'));
    await store.upsert('grant', grant('g2'));
    await store.upsert('accessToken', accessToken('at-1', 'g1'));
    await store.upsert('refreshToken', refreshToken('rt-1', 'g1'));
    await store.upsert('refreshToken', refreshToken('rt-2', 'g2'));
    await store.upsert('code', code('code-1', 'g2'));
    await store.upsert('code', code('gone', 'g2'));
    await store.consume('code', 'code-1', t0 + 1);
    await store.consume('refreshToken', 'rt-2', t0 + 2);
    await store.revokeByGrant('g1', t0 + 3);
    await store.remove('code', 'gone');
    await store.writeClock({ offset: 90 * 86_400_000, frozenAt: t0 + 5 });
    const before = await store.snapshot();

    const after = await reopen(store, path);
    expect(await after.snapshot()).toEqual(before);
    expect(await after.readClock()).toEqual({ offset: 90 * 86_400_000, frozenAt: t0 + 5 });
    expect(await after.consume('code', 'code-1', t0)).toMatchObject({ ok: false, reason: 'reused' });
    expect(await after.consume('refreshToken', 'rt-1', t0)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await after.revokeByGrant('g1', t0 + 4)).toBe(0);
  });

  it('keeps what a reset and a restore left, not what came before them', async () => {
    const path = newPath();
    const store = await openStore(path);
    await store.upsert('grant', grant('before-reset'));
    await store.reset();
    await store.upsert('grant', grant('kept'));
    const snapshot = await store.snapshot();
    await store.upsert('grant', grant('after-snapshot'));
    await store.restore(snapshot);
    const after = await reopen(store, path);
    expect((await after.list('grant')).map((g) => g.id)).toEqual(['kept']);
  });

  it('has an acknowledged change on disk before its promise resolves, without closing', async () => {
    const path = newPath();
    const store = await openStore(path);
    await store.upsert('accessToken', accessToken('durable', 'g1'));
    // Read synchronously: nothing else may run between the acknowledgement and the read.
    expect(readFileSync(path, 'utf8')).toContain('"value":"durable"');
    const onDisk = await loadStateFile(path);
    expect(await onDisk.memory.find('accessToken', 'durable')).toEqual(accessToken('durable', 'g1'));
  });

  it('writes the mutations of one tick with one fsync (group commit)', async () => {
    const path = newPath();
    const store = await openStore(path);
    const before = store.commits;
    await Promise.all(
      Array.from({ length: 500 }, (_, i) => store.upsert('accessToken', accessToken(`at-${i}`, 'g1'))),
    );
    expect(store.commits - before).toBe(1);
    const after = await reopen(store, path);
    expect(await after.list('accessToken')).toHaveLength(500);
  });

  it('commits a mutation logged the moment the previous commit resolves', async () => {
    const path = newPath();
    const loaded = await loadStateFile(path);
    const log = await AppendLog.open({
      path,
      ...loaded,
      compactAfterBytes: 1_000_000,
      captureSnapshot: () => Promise.reject(new Error('no compaction expected')),
    });
    await log.append({ op: 'reset' }).then(() => log.append({ op: 'sweep', before: t0 }));
    expect(log.commits).toBe(2);
    await log.close();
  });

  it('lets one of 100 concurrent consumers win and keeps that one consumption', async () => {
    const path = newPath();
    const store = await openStore(path);
    await store.upsert('code', code('c1', 'g1'));
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => store.consume('code', 'c1', t0 + i)),
    );
    const winners = results.filter((result) => result.ok);
    expect(winners).toHaveLength(1);
    const after = await reopen(store, path);
    expect((await after.find('code', 'c1'))?.consumedAt).toBe(winners[0]?.record.consumedAt);
  });

  it('refuses changes once closed', async () => {
    const store = await openStore(newPath());
    await store.close();
    await expect(store.upsert('grant', grant('late'))).rejects.toThrow(/closed/);
  });
});

describe('FileStore compaction', () => {
  it('folds the log into a snapshot as it grows and loses nothing', async () => {
    const path = newPath();
    const store = await openStore(path, { compactAfterBytes: 4_000 });
    for (let i = 0; i < 200; i++) {
      await store.upsert('accessToken', accessToken(`at-${i}`, `g${i % 7}`));
      if (i % 10 === 0) await store.revokeByGrant(`g${i % 7}`, t0 + i);
    }
    const before = await store.snapshot();
    expect((await lines(path)).length).toBeLessThan(60);
    const after = await reopen(store, path, { compactAfterBytes: 4_000 });
    expect(await after.snapshot()).toEqual(before);
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('covers a concurrent batch with the snapshot that compacts it', async () => {
    const path = newPath();
    const store = await openStore(path, { compactAfterBytes: 1_000 });
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.upsert('grant', grant(`g${i}`))));
    expect(await lines(path)).toHaveLength(1);
    const after = await reopen(store, path);
    expect(await after.list('grant')).toHaveLength(50);
    await after.upsert('grant', grant('next'));
    const again = await reopen(after, path);
    expect(await again.list('grant')).toHaveLength(51);
  });

  it('ignores a temporary snapshot left by a crash mid-compaction', async () => {
    const path = newPath();
    const store = await openStore(path);
    await store.upsert('grant', grant('g1'));
    await store.close();
    await writeFile(`${path}.tmp`, '{"crc32":"000');
    const after = await openStore(path);
    expect(await after.find('grant', 'g1')).toBeDefined();
  });
});

describe('FileStore with a damaged file', () => {
  async function fileWithThreeGrants(): Promise<string> {
    const path = newPath();
    const store = await openStore(path);
    for (const id of ['g1', 'g2', 'g3']) await store.upsert('grant', grant(id));
    await store.close();
    return path;
  }

  it('ignores an incomplete last line (a crash mid-append), says so, and appends after it cleanly', async () => {
    const path = await fileWithThreeGrants();
    const [, , , last] = await lines(path);
    await appendFile(path, (last ?? '').slice(0, 25));
    const warn = vi.fn();
    const store = await openStore(path, { logger: { warn } });
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ file: path, line: 5 }),
      expect.stringMatching(/incomplete last line/),
    );
    expect(await store.list('grant')).toHaveLength(3);
    await store.upsert('grant', grant('g4'));
    const after = await reopen(store, path);
    expect(await after.list('grant')).toHaveLength(4);
  });

  it('fails with the file and line when a line in the middle does not match its checksum', async () => {
    const path = await fileWithThreeGrants();
    const content = await lines(path);
    content[2] = (content[2] ?? '').replace('"g2"', '"gX"');
    await writeFile(path, `${content.join('\n')}\n`);
    const opening = FileStore.open(path);
    await expect(opening).rejects.toThrow(StateFileError);
    await expect(opening).rejects.toThrow(`${path}:3: checksum mismatch`);
  });

  it('fails on a corrupt last line that is complete: only an unfinished line is forgiven', async () => {
    const path = await fileWithThreeGrants();
    const content = await lines(path);
    content[3] = (content[3] ?? '').slice(0, -5);
    await writeFile(path, `${content.join('\n')}\n`);
    await expect(FileStore.open(path)).rejects.toThrow(`${path}:4: not a checksummed state line`);
  });

  it('fails when a line is missing', async () => {
    const path = await fileWithThreeGrants();
    const content = await lines(path);
    content.splice(2, 1);
    await writeFile(path, `${content.join('\n')}\n`);
    await expect(FileStore.open(path)).rejects.toThrow(`${path}:3: sequence number 3 where 2 was expected`);
  });

  it('fails on a corrupt snapshot and leaves the file as it was', async () => {
    const path = await fileWithThreeGrants();
    const damaged = (await readFile(path, 'utf8')).replace('"version":1', '"version":7');
    await writeFile(path, damaged);
    await expect(FileStore.open(path)).rejects.toThrow(`${path}:1: corrupt snapshot: checksum mismatch`);
    expect(await readFile(path, 'utf8')).toBe(damaged);
  });

  it('refuses a file that is not a state file rather than overwrite it', async () => {
    const path = newPath();
    await writeFile(path, 'my notes\nmore notes\n');
    await expect(FileStore.open(path)).rejects.toThrow(`${path}:1: corrupt snapshot`);
    expect(await readFile(path, 'utf8')).toBe('my notes\nmore notes\n');
  });
});
