import type { Redis } from 'ioredis';
import type { ClockState } from '../engine/clock.js';
import { type ClockMessage, parseClockMessage, parseClockState } from './redis-codec.js';
import type { RedisKeys } from './redis-keys.js';
import type { RedisStoreLogger } from './redis-store.js';

/**
 * The sandbox clock shared by every server on one keyspace: the state is kept under `{prefix}:clock` and each
 * change is published on the same channel, so advancing time on one server is seen on the others at once.
 * Each server reads `now()` locally from the shared offset/frozenAt.
 */
export class RedisClock {
  private readonly listeners = new Set<(state: ClockState) => void>();
  /** The last change heard before anyone listened (the engine reads the clock, then starts listening). */
  private pending: ClockState | undefined;
  private subscribed: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    private readonly keys: RedisKeys,
    /** This server's id: its own publications are not news to it. */
    private readonly origin: string,
    private readonly logger: RedisStoreLogger | undefined,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === keys.clockChannel) this.heard(message);
    });
  }

  /** Subscribes once; resolves when Redis has confirmed, so no later change can be missed. */
  subscribe(): Promise<void> {
    this.subscribed ??= this.subscriber.subscribe(this.keys.clockChannel).then(() => undefined);
    return this.subscribed;
  }

  async read(): Promise<ClockState | undefined> {
    const raw = await this.redis.get(this.keys.clock);
    return raw === null ? undefined : parseClockState(raw, this.keys.clock);
  }

  async write(state: ClockState): Promise<void> {
    const message: ClockMessage = { origin: this.origin, state };
    // One transaction: a server that reads the key after this never misses the publication's state.
    await this.redis
      .multi()
      .set(this.keys.clock, JSON.stringify(state))
      .publish(this.keys.clockChannel, JSON.stringify(message))
      .exec();
  }

  watch(listener: (state: ClockState) => void): () => void {
    this.listeners.add(listener);
    this.subscribe().catch((error: unknown) =>
      this.logger?.warn({ err: error }, 'could not subscribe to the shared clock'),
    );
    const missed = this.pending;
    this.pending = undefined;
    // Told after watch() returns, like any other change, so the listener can already unsubscribe.
    if (missed !== undefined) queueMicrotask(() => this.listeners.has(listener) && listener(missed));
    return () => {
      this.listeners.delete(listener);
    };
  }

  private heard(raw: string): void {
    let message: ClockMessage;
    try {
      message = parseClockMessage(raw, this.keys.clockChannel);
    } catch (error) {
      this.logger?.warn({ err: error }, 'ignored a malformed clock message');
      return;
    }
    if (message.origin === this.origin) return;
    if (this.listeners.size === 0) this.pending = message.state;
    for (const listener of this.listeners) listener(message.state);
  }
}
