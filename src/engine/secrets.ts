import { hash, timingSafeEqual } from 'node:crypto';

const expectedDigests = new Map<string, Buffer>();

/** One-shot hashing (no Hash object per call: createHash was half the cost of a client check). */
function digest(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}

/** The stored secrets' digests are kept (bounded), so each check hashes only what was sent. */
function expectedDigest(expected: string): Buffer {
  let known = expectedDigests.get(expected);
  if (!known) {
    if (expectedDigests.size >= 10_000) expectedDigests.clear();
    known = digest(expected);
    expectedDigests.set(expected, known);
  }
  return known;
}

/** Constant-time comparison of two secrets (hashing first hides the length too). */
export function secretsEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), expectedDigest(expected));
}

/** RFC 7636 §4.6: BASE64URL(SHA256(code_verifier)) == code_challenge, compared in constant time. */
export function pkceMatches(verifier: string, challenge: string, method: string | undefined): boolean {
  const computed = method === 'plain' ? verifier : hash('sha256', verifier, 'base64url');
  return secretsEqual(computed, challenge);
}
