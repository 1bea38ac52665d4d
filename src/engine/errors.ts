import { json, type SandboxResponse } from './http.js';

/**
 * An error a provider answers with, already in that provider's own body shape. Dialects build these
 * through their error catalogs (`tinkErrors.invalidToken()`); the dispatcher writes them in one place.
 */
export class ProviderError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`provider error ${status}`);
    this.name = 'ProviderError';
  }

  toResponse(): SandboxResponse {
    return json(this.status, this.body, this.headers);
  }
}

/** Why a bearer token was refused; each dialect maps these to its own catalog. */
export type TokenRejection = 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked';

/** Outcomes of single-use consumption (codes, rotating refresh tokens). */
export type ConsumeRejection = 'unknown' | 'expired' | 'revoked' | 'reused';
