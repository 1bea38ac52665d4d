// Generated from openapi/sandbox.yaml by `npm run generate`. Do not edit.

export interface paths {
    "/__sandbox/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the sandbox up */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Go back to the loaded scenario
         * @description Restores the scenario's state and clock and clears faults and the journal.
         */
        post: operations["resetSandbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/scenario": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the loaded scenario and reset
         * @description The scenario as a JSON object, or as YAML text with `Content-Type: application/yaml`. An
         *     invalid scenario changes nothing and answers 400 with every problem found.
         */
        post: operations["loadScenario"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sandbox time */
        get: operations["getClock"];
        put?: never;
        /**
         * Move, set, freeze or unfreeze the sandbox time
         * @description Give `advanceSeconds` (move forward by that many seconds), `set` (jump to an instant) or
         *     `frozen` (stop or restart time). Every expiry reads this clock.
         */
        post: operations["setClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The request journal, newest last
         * @description Provider requests only (not control calls), with secrets redacted.
         */
        get: operations["listRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The armed faults */
        get: operations["listFaults"];
        put?: never;
        /**
         * Script a fault for the next matching requests
         * @description The next `times` (default 1) provider requests that match `provider`, `method` and `path`
         *     (exact, or a glob with `*`) get the fault: a `status` with `body` and `headers`, a named
         *     provider-shaped `error` (such as `invalid_grant`), a `delayMs` before the real answer, or
         *     a dropped connection (`action: reset-connection`).
         */
        post: operations["createFault"];
        /** Disarm every fault */
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/faults/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disarm one fault */
        delete: operations["deleteFault"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/tokens/expire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a token expired now
         * @description An access token, refresh token or code; the next use gets the provider's "expired" answer.
         */
        post: operations["expireToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/tokens/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a token
         * @description An access token, refresh token or code; the next use gets the provider's "revoked" answer.
         */
        post: operations["revokeToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a tenant and everything in it */
        delete: operations["deleteTenant"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ids of the tenants on this server */
        get: operations["listTenants"];
        put?: never;
        /**
         * Make an isolated tenant
         * @description A tenant is a sandbox of its own (state, clock, faults, journal) with fresh client
         *     credentials, loaded from the given scenario or else from the server's. Send its id as
         *     `X-Sandbox-Tenant` on control calls and use its credentials on provider calls.
         */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the sandbox has issued
         * @description Every grant, access token, refresh token and code, with its status; values redacted. With
         *     `limit`, the newest of each list only (a sandbox under load holds millions of tokens).
         */
        get: operations["getState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/users/{provider}/{id}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Block a user
         * @description Uphold answers non-GET calls on behalf of a blocked user with 409.
         */
        post: operations["blockUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__sandbox/users/{provider}/{id}/unblock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unblock a user */
        post: operations["unblockUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        ProviderId: "tight" | "hurdlr" | "tink" | "uphold" | "gusto";
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        ResetResult: {
            /** @enum {string} */
            status: "reset";
        };
        /**
         * @description A scenario as in `scenarios/*.yaml`. Each provider's section is checked by that provider;
         *     see the README for its keys.
         */
        Scenario: {
            clock?: {
                /** Format: date-time */
                start?: string;
                frozen?: boolean;
            };
            providers?: {
                tight?: components["schemas"]["ProviderSection"];
                hurdlr?: components["schemas"]["ProviderSection"];
                tink?: components["schemas"]["ProviderSection"];
                uphold?: components["schemas"]["ProviderSection"];
                gusto?: components["schemas"]["ProviderSection"];
            };
            /** @description Lifetime overrides in seconds, per provider and kind (`gusto: { accessToken: 7200 }`). */
            lifetimes?: {
                [key: string]: {
                    [key: string]: number;
                };
            };
        };
        /** @description A provider's scenario section (clients, users, companies, grants...). */
        ProviderSection: {
            [key: string]: unknown;
        };
        ScenarioLoaded: {
            status: string;
            /** @description The providers the scenario configures. */
            providers: components["schemas"]["ProviderId"][];
        };
        Clock: {
            /** Format: date-time */
            now: string;
            frozen: boolean;
        };
        /** @description One or more of the three; `set` applies before `advanceSeconds`. */
        ClockChange: {
            /** @description Move the clock forward by this many seconds. */
            advanceSeconds?: number;
            /**
             * Format: date-time
             * @description Jump to this instant.
             */
            set?: string;
            /** @description Stop (true) or restart (false) the clock. */
            frozen?: boolean;
        };
        JournalEntry: {
            seq: number;
            /**
             * Format: date-time
             * @description Sandbox time of the request.
             */
            time: string;
            /**
             * Format: date-time
             * @description Real time of the request.
             */
            wallTime: string;
            provider: components["schemas"]["ProviderId"];
            method: string;
            /** @description The provider's own path, below its mount. */
            path: string;
            status: number;
            latencyMs: number;
            /** @description The grant the request touched. */
            grantId?: string;
            /** @description The token the request used or issued, redacted. */
            token?: string;
            /** @description Kept for the newest requests only (100 by default; the server's --journal-detail), like `response`. */
            request?: {
                headers: components["schemas"]["StringMap"];
                query: components["schemas"]["StringMap"];
                /** @description The body, parsed when JSON or form, with secrets redacted. */
                body?: unknown;
            };
            response?: {
                headers: components["schemas"]["StringMap"];
                /** @description The body with secrets redacted. */
                body?: unknown;
            };
        };
        RequestList: {
            requests: components["schemas"]["JournalEntry"][];
        };
        StringMap: {
            [key: string]: string;
        };
        /** @description What to match (all given fields must match) and what to answer instead. */
        FaultSpec: {
            provider?: components["schemas"]["ProviderId"];
            /** @description HTTP method; any if omitted. */
            method?: string;
            /** @description The provider path, exact or a glob with `*`; any if omitted. */
            path?: string;
            /** @description How many matching requests get the fault (1 if omitted; 0 means until deleted). */
            times?: number;
            status?: number;
            /** @description The body to answer with (JSON). */
            body?: unknown;
            headers?: components["schemas"]["StringMap"];
            /** @description Wait this long first; without status, body, error or action the real answer follows. */
            delayMs?: number;
            /** @enum {string} */
            action?: "reset-connection";
            error?: components["schemas"]["NamedFault"];
        };
        Fault: {
            id: string;
            provider?: components["schemas"]["ProviderId"];
            method?: string;
            path?: string;
            /** @description How many matching requests the fault was created for (0 means until deleted). */
            times?: number;
            /** @description Matching requests it still applies to; absent when it lasts until deleted. */
            remaining?: number;
            /** @description Matching requests it has acted on so far. */
            hits?: number;
            status?: number;
            body?: unknown;
            headers?: components["schemas"]["StringMap"];
            delayMs?: number;
            /** @enum {string} */
            action?: "reset-connection";
            error?: components["schemas"]["NamedFault"];
        };
        /**
         * @description A named error answered in the provider's own shape.
         * @enum {string}
         */
        NamedFault: "invalid_grant" | "invalid_client" | "invalid_token" | "expired_token" | "insufficient_scope" | "rate_limited" | "server_error" | "temporarily_unavailable";
        FaultCreated: {
            id: string;
        };
        FaultList: {
            faults: components["schemas"]["Fault"][];
        };
        TokenRef: {
            /** @description The token or code, in full. */
            token: string;
        };
        TokenStatus: {
            /** @description The token, redacted. */
            token: string;
            /** @enum {string} */
            status: "expired" | "revoked";
        };
        TenantRequest: {
            scenario?: components["schemas"]["Scenario"];
        };
        Credential: {
            clientId: string;
            clientSecret: string;
        };
        /** @description The tenant's clients, per provider that its scenario configures. */
        TenantCredentials: {
            tight?: components["schemas"]["Credential"][];
            hurdlr?: components["schemas"]["Credential"][];
            tink?: components["schemas"]["Credential"][];
            uphold?: components["schemas"]["Credential"][];
            gusto?: components["schemas"]["Credential"][];
        };
        Tenant: {
            id: string;
            credentials: components["schemas"]["TenantCredentials"];
            /** @description Per provider, each user and company id of the scenario and the fresh id this tenant has instead (UUIDs get new UUIDs; other ids get the tenant's suffix). */
            identities: {
                [key: string]: {
                    [key: string]: string;
                };
            };
        };
        /** @enum {string} */
        ArtefactStatus: "active" | "expired" | "revoked" | "consumed";
        GrantView: {
            id: string;
            provider: components["schemas"]["ProviderId"];
            /** @enum {string} */
            kind: "client" | "user" | "system" | "company" | "strict";
            clientId: string;
            userId?: string;
            companies?: string[];
            scopes?: string[];
            /** Format: date-time */
            createdAt?: string;
            status: components["schemas"]["ArtefactStatus"];
            /** @description Gusto strict grants, the legacy grant they were exchanged from. */
            parentGrantId?: string;
        };
        AccessTokenView: {
            /** @description The access token, redacted. */
            token: string;
            provider: components["schemas"]["ProviderId"];
            /** @enum {string} */
            kind?: "client" | "user" | "system" | "company" | "strict";
            grantId?: string;
            clientId?: string;
            userId?: string;
            companies?: string[];
            scopes?: string[];
            status: components["schemas"]["ArtefactStatus"];
            /** Format: date-time */
            issuedAt?: string;
            /** Format: date-time */
            expiresAt?: string;
            /** @description Seconds left on the sandbox clock (0 once expired). */
            expiresInSeconds?: number;
            /**
             * Format: date-time
             * @description When the token was first presented to a resource endpoint.
             */
            firstUsedAt?: string;
        };
        RefreshTokenView: {
            /** @description The refresh token, redacted. */
            token: string;
            provider: components["schemas"]["ProviderId"];
            grantId?: string;
            status: components["schemas"]["ArtefactStatus"];
            /** Format: date-time */
            issuedAt?: string;
            /** @description The refresh token this one replaced, redacted. */
            replaces?: string;
            /** @description The refresh token that replaced this one, redacted. */
            replacedBy?: string;
        };
        CodeView: {
            /** @description The authorization code, redacted. */
            code: string;
            provider: components["schemas"]["ProviderId"];
            grantId?: string;
            status: components["schemas"]["ArtefactStatus"];
            /** Format: date-time */
            expiresAt?: string;
        };
        State: {
            grants: components["schemas"]["GrantView"][];
            accessTokens: components["schemas"]["AccessTokenView"][];
            refreshTokens: components["schemas"]["RefreshTokenView"][];
            codes: components["schemas"]["CodeView"][];
        };
        UserStatus: {
            id: string;
            /** @enum {string} */
            status: "active" | "blocked";
        };
        Problem: {
            /** @description The scenario file, or "(posted scenario)". */
            file: string;
            /** @description The key path of the problem (`providers.tink.clients.0`); empty for the top level. */
            path: string;
            line?: number;
            message: string;
        };
        ControlError: {
            /** @description A stable code to branch on. */
            error: string;
            /** @description What went wrong and, where it can, the likely mistake. */
            message: string;
            problems?: components["schemas"]["Problem"][];
        };
    };
    responses: {
        /** @description The sandbox clock. */
        Clock: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "now": "2026-01-01T00:00:00.000Z",
                 *       "frozen": false
                 *     }
                 */
                "application/json": components["schemas"]["Clock"];
            };
        };
        /** @description The user's status now. */
        UserStatus: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "id": "6b3c0a1e-3f0e-4a4d-9b6e-2f1d5c7a8e90",
                 *       "status": "blocked"
                 *     }
                 */
                "application/json": components["schemas"]["UserStatus"];
            };
        };
        /** @description The request is malformed. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "invalid_request",
                 *       "message": "Give one of advanceSeconds, set or frozen, such as {\"advanceSeconds\": 3600}."
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description Off loopback, the admin token is missing or wrong. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "unauthorized",
                 *       "message": "The control plane needs \"Authorization: Bearer <admin token>\"."
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description No such tenant, user, fault or path. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "not_found",
                 *       "message": "No tenant \"tnt_0000\". Did you create it with POST /__sandbox/tenants?"
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description The sandbox never issued this token. */
        UnknownToken: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "unknown_token",
                 *       "message": "The sandbox has no access token, refresh token or code with this value."
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description The body is over 1 MiB. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "payload_too_large",
                 *       "message": "The request body is larger than 1 MiB."
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description The body is neither JSON nor YAML. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "unsupported_media_type",
                 *       "message": "Send the scenario as application/json or application/yaml."
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description A sandbox bug. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "internal_error",
                 *       "message": "The sandbox failed to handle this request."
                 *     }
                 */
                "application/json": components["schemas"]["ControlError"];
            };
        };
    };
    parameters: {
        /**
         * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
         * @example tnt_7f3a9c2e
         */
        Tenant: string;
        /** @example uphold */
        UserProvider: components["schemas"]["ProviderId"];
        /** @example 6b3c0a1e-3f0e-4a4d-9b6e-2f1d5c7a8e90 */
        UserId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sandbox serves. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    resetSandbox: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sandbox is as the scenario left it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "reset"
                     *     }
                     */
                    "application/json": components["schemas"]["ResetResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    loadScenario: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "clock": {
                 *         "start": "2026-01-01T00:00:00Z",
                 *         "frozen": true
                 *       },
                 *       "providers": {
                 *         "tink": {
                 *           "clients": [
                 *             {
                 *               "clientId": "tink-client",
                 *               "clientSecret": "tink-secret",
                 *               "scopes": [
                 *                 "user:create",
                 *                 "authorization:grant"
                 *               ]
                 *             }
                 *           ]
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Scenario"];
                /**
                 * @example clock: { start: "2026-01-01T00:00:00Z", frozen: true }
                 *     providers:
                 *       hurdlr:
                 *         clients: [{ clientId: hurdlr-client, clientSecret: hurdlr-secret }]
                 */
                "application/yaml": string;
            };
        };
        responses: {
            /** @description The scenario is loaded and the sandbox reset to it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "loaded",
                     *       "providers": [
                     *         "tink"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ScenarioLoaded"];
                };
            };
            /** @description The scenario is invalid; every problem is listed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_scenario",
                     *       "message": "The scenario has 2 problems.",
                     *       "problems": [
                     *         {
                     *           "file": "(posted scenario)",
                     *           "path": "clock.start",
                     *           "line": 1,
                     *           "message": "expected an ISO 8601 instant such as 2026-01-01T00:00:00Z"
                     *         },
                     *         {
                     *           "file": "(posted scenario)",
                     *           "path": "providers.tink.clients.0.clientSecret",
                     *           "message": "required"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ControlError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Clock"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    setClock: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockChange"];
            };
        };
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    listRequests: {
        parameters: {
            query?: {
                /** @example tink */
                provider?: components["schemas"]["ProviderId"];
                /**
                 * @description Only requests whose provider path starts with this.
                 * @example /api/v1/oauth/token
                 */
                path?: string;
                /** @example 401 */
                status?: number;
                /**
                 * @description Only requests at or after this sandbox time (an ISO 8601 instant).
                 * @example 2026-01-01T00:00:00Z
                 */
                since?: string;
                /**
                 * @description At most this many, the newest.
                 * @example 20
                 */
                limit?: number;
            };
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Matching requests, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "requests": [
                     *         {
                     *           "seq": 1,
                     *           "time": "2026-01-01T00:00:00.000Z",
                     *           "wallTime": "2026-11-23T10:15:02.113Z",
                     *           "provider": "tink",
                     *           "method": "POST",
                     *           "path": "/api/v1/oauth/token",
                     *           "status": 200,
                     *           "latencyMs": 1.42,
                     *           "grantId": "grt_4f1c2a9e",
                     *           "token": "eyJh…[redacted #9c1e4b7a]",
                     *           "request": {
                     *             "headers": {
                     *               "content-type": "application/x-www-form-urlencoded"
                     *             },
                     *             "query": {},
                     *             "body": {
                     *               "grant_type": "client_credentials",
                     *               "client_id": "tink-client",
                     *               "client_secret": "tink…[redacted #51d0e3f2]",
                     *               "scope": "user:create"
                     *             }
                     *           },
                     *           "response": {
                     *             "headers": {
                     *               "content-type": "application/json; charset=utf-8"
                     *             },
                     *             "body": {
                     *               "access_token": "eyJh…[redacted #9c1e4b7a]",
                     *               "token_type": "bearer",
                     *               "expires_in": 1800,
                     *               "scope": "user:create"
                     *             }
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["RequestList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listFaults: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Faults not yet used up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "faults": [
                     *         {
                     *           "id": "flt_1",
                     *           "provider": "gusto",
                     *           "method": "POST",
                     *           "path": "/oauth/token",
                     *           "times": 2,
                     *           "status": 503
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createFault: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultSpec"];
            };
        };
        responses: {
            /** @description The fault is armed. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "flt_1"
                     *     }
                     */
                    "application/json": components["schemas"]["FaultCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No fault is armed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteFault: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path: {
                /** @example flt_1 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fault is disarmed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    expireToken: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ0aW5rOi8vYXV0aCJ9.c2ln"
                 *     }
                 */
                "application/json": components["schemas"]["TokenRef"];
            };
        };
        responses: {
            /** @description The token is expired. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": "eyJh…[redacted #9c1e4b7a]",
                     *       "status": "expired"
                     *     }
                     */
                    "application/json": components["schemas"]["TokenStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["UnknownToken"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "7369c0ee82194721ac6f633ec16206f348680736e80e4aacb85d4fbce0ee9669.56b43c61141541dc858dd8613959389a"
                 *     }
                 */
                "application/json": components["schemas"]["TokenRef"];
            };
        };
        responses: {
            /** @description The token is revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": "7369…[redacted #2b8d0f1c]",
                     *       "status": "revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["TokenStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["UnknownToken"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listTenants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tenant ids, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tenants": [
                     *         "tnt_7f3a9c2e"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        tenants: string[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    createTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["TenantRequest"];
            };
        };
        responses: {
            /** @description The tenant and its credentials. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "tnt_7f3a9c2e",
                     *       "credentials": {
                     *         "tink": [
                     *           {
                     *             "clientId": "tink-client-tnt_7f3a9c2e",
                     *             "clientSecret": "0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4"
                     *           }
                     *         ],
                     *         "gusto": [
                     *           {
                     *             "clientId": "gusto-client-tnt_7f3a9c2e",
                     *             "clientSecret": "5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e"
                     *           }
                     *         ]
                     *       },
                     *       "identities": {
                     *         "tight": {
                     *           "user_owner_acme": "user_owner_acme-7f3a9c2e",
                     *           "co_acme": "co_acme-7f3a9c2e"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    getState: {
        parameters: {
            query?: {
                /**
                 * @description At most this many of each list, the newest, still oldest first.
                 * @example 100
                 */
                limit?: number;
            };
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stored state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "grants": [
                     *         {
                     *           "id": "grt_4f1c2a9e",
                     *           "provider": "tink",
                     *           "kind": "user",
                     *           "clientId": "tink-client",
                     *           "userId": "6e68cc6287704273984567b3300c5822",
                     *           "companies": [],
                     *           "scopes": [
                     *             "accounts:read"
                     *           ],
                     *           "createdAt": "2026-01-01T00:00:00.000Z",
                     *           "status": "active"
                     *         }
                     *       ],
                     *       "accessTokens": [
                     *         {
                     *           "token": "eyJh…[redacted #9c1e4b7a]",
                     *           "provider": "tink",
                     *           "kind": "user",
                     *           "grantId": "grt_4f1c2a9e",
                     *           "clientId": "tink-client",
                     *           "userId": "6e68cc6287704273984567b3300c5822",
                     *           "companies": [],
                     *           "scopes": [
                     *             "accounts:read"
                     *           ],
                     *           "status": "active",
                     *           "issuedAt": "2026-01-01T00:00:00.000Z",
                     *           "expiresAt": "2026-01-01T02:00:00.000Z",
                     *           "expiresInSeconds": 7200
                     *         }
                     *       ],
                     *       "refreshTokens": [
                     *         {
                     *           "token": "5f1c…[redacted #0a7e3d21]",
                     *           "provider": "tink",
                     *           "grantId": "grt_4f1c2a9e",
                     *           "status": "active",
                     *           "issuedAt": "2026-01-01T00:00:00.000Z"
                     *         }
                     *       ],
                     *       "codes": [
                     *         {
                     *           "code": "9a3f…[redacted #c4d2e6f8]",
                     *           "provider": "tink",
                     *           "grantId": "grt_4f1c2a9e",
                     *           "status": "consumed",
                     *           "expiresAt": "2026-01-01T00:10:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["State"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    blockUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path: {
                /** @example uphold */
                provider: components["parameters"]["UserProvider"];
                /** @example 6b3c0a1e-3f0e-4a4d-9b6e-2f1d5c7a8e90 */
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["UserStatus"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    unblockUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Act on this tenant instead of the default sandbox (404 if there is no such tenant).
                 * @example tnt_7f3a9c2e
                 */
                "X-Sandbox-Tenant"?: components["parameters"]["Tenant"];
            };
            path: {
                /** @example uphold */
                provider: components["parameters"]["UserProvider"];
                /** @example 6b3c0a1e-3f0e-4a4d-9b6e-2f1d5c7a8e90 */
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["UserStatus"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
}
