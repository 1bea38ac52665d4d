import type { Socket } from 'node:net';

/** Requests per second and burst size allowed on one connection. */
export interface ConnectionRateLimit {
  perSecond: number;
  burst: number;
}

/**
 * Above what one keep-alive connection can get out of a server on a fast core (about 7k req/s each when
 * `npm run bench`'s 10 connections share 70k req/s), so that no benchmark or CI suite meets it; it only
 * stops one pipelining client from flooding the event loop for the others.
 */
export const defaultConnectionRateLimit: ConnectionRateLimit = { perSecond: 20_000, burst: 40_000 };

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
    let bucket = this.buckets.get(socket);
    if (bucket === undefined) {
      bucket = { tokens: this.limit.burst, at: now };
      this.buckets.set(socket, bucket);
    }
    const refilled = Math.min(
      this.limit.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond,
    );
    const allowed = refilled >= 1;
    bucket.tokens = allowed ? refilled - 1 : refilled;
    bucket.at = now;
    return allowed;
  }
}
