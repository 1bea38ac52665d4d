/** Tink lifetimes in seconds (providers.md §3.3: 1800 s client tokens, 7200 s user tokens; codes: our choice). */
export const tinkLifetimes = {
  clientAccessToken: 1800,
  userAccessToken: 7200,
  authorizationCode: 600,
} as const;
