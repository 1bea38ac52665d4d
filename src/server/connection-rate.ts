import type { Socket } from 'node:net';

/** Requests per second and burst size allowed on one connection. */
export interface ConnectionRateLimit {
  perSecond: number;
  burst: number;
}

/**
 * Generous enough that `npm run bench` (one keep-alive connection at ~30k req/s over several sockets) and
 * any CI suite never meet it; it only stops one connection from flooding the event loop for the others.
 */
export const defaultConnectionRateLimit: ConnectionRateLimit = { perSecond: 2000, burst: 4000 };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per TCP connection: each request takes a token, tokens come back at `perSecond` up to
 * `burst`. Real (monotonic) time, not the sandbox clock: a frozen or advanced sandbox clock must not
 * change how fast a client may send.
 */
export class ConnectionRateLimiter {
  private readonly buckets = new WeakMap<Socket, Bucket>();

  constructor(
    private readonly limit: ConnectionRateLimit,
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  /** Whether the connection may send one more request now. */
  take(socket: Socket): boolean {
    const now = this.monotonicNow();
    const bucket = this.buckets.get(socket) ?? { tokens: this.limit.burst, at: now };
    const refilled = Math.min(
      this.limit.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond,
    );
    const allowed = refilled >= 1;
    this.buckets.set(socket, { tokens: allowed ? refilled - 1 : refilled, at: now });
    return allowed;
  }
}
