import { type FileHandle, open } from 'node:fs/promises';
import type { Mutation, SnapshotEntry } from './log-entry.js';
import { encodeLine } from './log-line.js';
import { writeSnapshotFile } from './state-file.js';

interface Pending {
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface AppendLogOptions {
  path: string;
  seq: number;
  snapshotBytes: number;
  logBytes: number;
  /** Compact once the log after the snapshot passes this many bytes (and the snapshot's own size). */
  compactAfterBytes: number;
  /**
   * The whole state as of now. Must read it synchronously before its first await: compaction pairs it
   * with the sequence number of the last mutation logged, and nothing may slip in between.
   */
  captureSnapshot: () => Promise<Omit<SnapshotEntry, 'seq'>>;
}

/**
 * The write side of a state file, with group commit: every mutation logged in one tick is written and
 * fsync'ed together, and each promise resolves only once the fsync that covers it is done. While a commit
 * is under way the next batch gathers. When the log grows large, the batch is covered by a new snapshot
 * instead (written beside the file and renamed over it), which also empties the log.
 */
export class AppendLog {
  private queue: Pending[] = [];
  private scheduled = false;
  private draining: Promise<void> | undefined;
  private failure: unknown;
  private closed = false;
  private commitCount = 0;

  private constructor(
    private handle: FileHandle,
    private seq: number,
    private snapshotBytes: number,
    private logBytes: number,
    private readonly options: AppendLogOptions,
  ) {}

  static async open(options: AppendLogOptions): Promise<AppendLog> {
    const handle = await open(options.path, 'a');
    return new AppendLog(handle, options.seq, options.snapshotBytes, options.logBytes, options);
  }

  /** How many fsync'ed commits (or compactions) have made mutations durable; group commit keeps it low. */
  get commits(): number {
    return this.commitCount;
  }

  /** Logs one mutation (numbered now, in call order); resolves once it is on disk. */
  append(mutation: Mutation): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`the state file ${this.options.path} is closed`));
    // After a failed write the file no longer matches memory: refuse every later change (fail-stop).
    if (this.failure !== undefined) return Promise.reject(this.failure);
    this.seq += 1;
    const line = encodeLine({ seq: this.seq, ...mutation });
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      this.schedule();
    });
  }

  /** Waits for every logged mutation to be on disk, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.draining || this.queue.length > 0) await (this.draining ?? this.drain());
    await this.handle.close();
  }

  private schedule(): void {
    if (this.scheduled || this.draining) return;
    this.scheduled = true;
    // setImmediate runs after the promise jobs of this tick, so everything logged in it shares one fsync.
    setImmediate(() => {
      this.scheduled = false;
      if (!this.draining) void this.drain();
    });
  }

  private drain(): Promise<void> {
    this.draining = (async () => {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          await this.commit(batch);
          this.commitCount += 1;
          for (const pending of batch) pending.resolve();
        } catch (error) {
          this.failure = error;
          for (const pending of [...batch, ...this.queue.splice(0)]) pending.reject(error);
        }
      }
    })().finally(() => {
      this.draining = undefined;
      // A mutation logged by a continuation of this drain's last batch, after its loop ended, is still waiting.
      if (this.queue.length > 0) this.schedule();
    });
    return this.draining;
  }

  private async commit(batch: Pending[]): Promise<void> {
    const data = Buffer.from(batch.map((pending) => pending.line).join(''));
    const threshold = Math.max(this.options.compactAfterBytes, this.snapshotBytes);
    if (this.logBytes + data.length > threshold) return this.compact();
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await this.handle.write(data, written);
      written += bytesWritten;
    }
    await this.handle.datasync();
    this.logBytes += data.length;
  }

  /** A new snapshot covers every mutation logged so far, including the batch not yet written. */
  private async compact(): Promise<void> {
    const seq = this.seq;
    const snapshot = await this.options.captureSnapshot();
    this.snapshotBytes = await writeSnapshotFile(this.options.path, { ...snapshot, seq });
    const previous = this.handle;
    this.handle = await open(this.options.path, 'a');
    this.logBytes = 0;
    await previous.close();
  }
}
