// Generated from openapi/uphold.yaml by `npm run generate`. Do not edit.

export interface paths {
    "/core/oauth2/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request an OAuth2 token
         * @description Client credentials travel in an `Authorization: Basic base64(client_id:client_secret)` header.
         *     `scope` is optional (default: all of the client's scopes) and must not ask for more than the
         *     client has.
         */
        post: operations["core.create-oauth2-token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a user
         * @description Acts as the client (no `X-On-Behalf-Of`). Needs `core.users:create`, and the end user's IP in
         *     `X-Uphold-User-Ip` (without it: 409 `missing-user-ip-header`).
         */
        post: operations["core.create-user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the current user
         * @description The user the request acts for. Needs `core.users:read`.
         */
        get: operations["core.get-user"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the user's accounts
         * @description Needs `core.accounts:read` and a user subject. `asset` filters by comma-separated codes.
         */
        get: operations["core.list-accounts"];
        put?: never;
        /**
         * Create an account for the user
         * @description Needs `core.accounts:create` and a user subject.
         */
        post: operations["core.create-account"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core/capabilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the user's capabilities (answered from examples) */
        get: operations["core.list-capabilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core/countries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List supported countries (answered from examples) */
        get: operations["core.list-countries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List assets (answered from examples) */
        get: operations["core.list-assets"];
        put?: never;
        post?: never;
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
        TokenRequest: {
            /** @description Only `client_credentials` is supported. */
            grant_type: string;
            /** @description Space-delimited scopes; default all of the client's. */
            scope?: string;
        };
        TokenResponse: {
            /** @description An HS256 JWT; payload `{aud: client_id, org, scope, iat, exp}`. */
            access_token: string;
            /** @enum {string} */
            token_type: "Bearer";
            /** @description Seconds until expiry (600). */
            expires_in: number;
            /** @description The granted scopes, space-delimited. */
            scope?: string;
        };
        OAuth2Error: {
            /** @enum {string} */
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type" | "invalid_scope";
            error_description?: string;
            error_uri?: string;
        };
        /**
         * @description Uphold's error body: branch on `code`. `details` carries what is wrong (violations, scopes,
         *     reasons). The blocked-user body carries `reasons` at the top level instead.
         */
        Error: {
            code: string;
            message: string;
            details?: {
                context?: string;
                property?: string;
                hint?: string;
                reasons?: string[];
                violations?: components["schemas"]["Violation"][];
                security?: components["schemas"]["ScopeRequirement"][];
            } & {
                [key: string]: unknown;
            };
            reasons?: string[];
        };
        Violation: {
            property: string;
            rule: string;
            ruleParams?: {
                [key: string]: unknown;
            };
        };
        ScopeRequirement: {
            scheme: string;
            schemeScopes: string[];
            tokenScopes: string[];
        };
        CreateUserRequest: {
            /** Format: email */
            email: string;
            fullName?: string;
            /** @enum {string} */
            type?: "individual" | "business";
        };
        User: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "individual" | "business";
            email: string;
            fullName?: string;
            /** @enum {string} */
            status: "active" | "blocked";
            /** Format: date-time */
            createdAt: string;
        };
        UserEnvelope: {
            user: components["schemas"]["User"];
        };
        CreateAccountRequest: {
            asset: string;
            label: string;
        };
        Account: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ownerId: string;
            label: string;
            asset: string;
            balance: {
                total: string;
                available: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AccountEnvelope: {
            account: components["schemas"]["Account"];
        };
        AccountList: {
            accounts: components["schemas"]["Account"][];
        };
        Capability: {
            code: string;
            name: string;
            enabled: boolean;
            requirements: string[];
        };
    };
    responses: {
        /** @description Missing or invalid parameters (body, query or headers). */
        BadRequest: {
            headers: {
                "x-uphold-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The access token is missing, invalid, expired or revoked. */
        Unauthorized: {
            headers: {
                "x-uphold-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The token lacks a scope the operation needs, or may not act for the subject asked for. */
        Forbidden: {
            headers: {
                "x-uphold-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The subject user (or the path) cannot be found. */
        NotFound: {
            headers: {
                "x-uphold-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The subject's state or kind does not allow the call. */
        Conflict: {
            headers: {
                "x-uphold-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The path exists but not with this method. */
        MethodNotAllowed: {
            headers: {
                "x-uphold-request-id": components["headers"]["RequestId"];
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "method_not_allowed",
                 *       "message": "DELETE is not allowed on /core/accounts; use GET or POST"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The token request's body is larger than 1 MiB (an RFC 6749 body, as every token-endpoint error). */
        OAuthPayloadTooLarge: {
            headers: {
                "x-uphold-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "invalid_request",
                 *       "error_description": "The request body is larger than 1 MiB"
                 *     }
                 */
                "application/json": components["schemas"]["OAuth2Error"];
            };
        };
        /** @description The body is larger than 1 MiB. */
        PayloadTooLarge: {
            headers: {
                "x-uphold-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "content_too_large",
                 *       "message": "The request body is larger than 1 MiB"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Rate limited (only through the sandbox's fault injection). */
        TooManyRequests: {
            headers: {
                "x-uphold-request-id": components["headers"]["RequestId"];
                /**
                 * @description Seconds to wait.
                 * @example 60
                 */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "too_many_requests",
                 *       "message": "Try again later"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A sandbox bug, in Uphold's error shape. */
        InternalError: {
            headers: {
                "x-uphold-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "internal_server_error",
                 *       "message": "The sandbox failed to handle this request"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description The IP (v4 or v6) of the end user the request is made for. Creating a user without it answers
         *     409 `operation_not_allowed` (`missing-user-ip-header`); a value that is no IP answers 400.
         * @example 47.174.97.164
         */
        UserIp: string;
        /**
         * @description The subject to act for: `user {uuid}` (needs `core.users:act-on-behalf-of`) or `client {uuid}`.
         *     A malformed value answers 400 `request_invalid`.
         * @example user 0b7c1a52-7f0e-4d52-9a3e-3c1f2f6d9a11
         */
        OnBehalfOf: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Identifies the request (share it with Uphold when troubleshooting). On every response.
         * @example 9092ee4d-f0fb-42e9-8787-b668dbcec531
         */
        RequestId: string;
        /**
         * @description The organization of the client the token was issued to.
         * @example 194d62ba-f585-40ff-83d7-9cb99b1c77c0
         */
        OrganizationId: string;
        /**
         * @description The methods the path accepts.
         * @example GET, POST
         */
        Allow: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "core.create-oauth2-token": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `Basic <base64(client_id:client_secret)>`.
                 * @example Basic dXBob2xkLWNsaWVudDp1cGhvbGQtc2VjcmV0
                 */
                Authorization?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The token issued. */
            200: {
                headers: {
                    "x-uphold-request-id": components["headers"]["RequestId"];
                    "x-uphold-organization-id": components["headers"]["OrganizationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description The request is not a valid token request. */
            400: {
                headers: {
                    "x-uphold-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuth2Error"];
                };
            };
            /** @description The client could not be authenticated. */
            401: {
                headers: {
                    "x-uphold-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuth2Error"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["OAuthPayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    "core.create-user": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The IP (v4 or v6) of the end user the request is made for. Creating a user without it answers
                 *     409 `operation_not_allowed` (`missing-user-ip-header`); a value that is no IP answers 400.
                 * @example 47.174.97.164
                 */
                "X-Uphold-User-Ip"?: components["parameters"]["UserIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description The user created. */
            201: {
                headers: {
                    "x-uphold-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            /** @description Business rule refused the request. */
            409: {
                headers: {
                    "x-uphold-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    "core.get-user": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The subject to act for: `user {uuid}` (needs `core.users:act-on-behalf-of`) or `client {uuid}`.
                 *     A malformed value answers 400 `request_invalid`.
                 * @example user 0b7c1a52-7f0e-4d52-9a3e-3c1f2f6d9a11
                 */
                "X-On-Behalf-Of"?: components["parameters"]["OnBehalfOf"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    "x-uphold-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    "core.list-accounts": {
        parameters: {
            query?: {
                /**
                 * @description Asset codes, comma-separated.
                 * @example BTC,USD
                 */
                asset?: string;
            };
            header?: {
                /**
                 * @description The subject to act for: `user {uuid}` (needs `core.users:act-on-behalf-of`) or `client {uuid}`.
                 *     A malformed value answers 400 `request_invalid`.
                 * @example user 0b7c1a52-7f0e-4d52-9a3e-3c1f2f6d9a11
                 */
                "X-On-Behalf-Of"?: components["parameters"]["OnBehalfOf"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accounts. */
            200: {
                headers: {
                    "x-uphold-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    "core.create-account": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The subject to act for: `user {uuid}` (needs `core.users:act-on-behalf-of`) or `client {uuid}`.
                 *     A malformed value answers 400 `request_invalid`.
                 * @example user 0b7c1a52-7f0e-4d52-9a3e-3c1f2f6d9a11
                 */
                "X-On-Behalf-Of"?: components["parameters"]["OnBehalfOf"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountRequest"];
            };
        };
        responses: {
            /** @description The account created. */
            201: {
                headers: {
                    "x-uphold-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            /** @description Business rule refused the request. */
            409: {
                headers: {
                    "x-uphold-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    "core.list-capabilities": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The subject to act for: `user {uuid}` (needs `core.users:act-on-behalf-of`) or `client {uuid}`.
                 *     A malformed value answers 400 `request_invalid`.
                 * @example user 0b7c1a52-7f0e-4d52-9a3e-3c1f2f6d9a11
                 */
                "X-On-Behalf-Of"?: components["parameters"]["OnBehalfOf"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The capabilities. */
            200: {
                headers: {
                    "x-uphold-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        capabilities: components["schemas"]["Capability"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    "core.list-countries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The countries. */
            200: {
                headers: {
                    "x-uphold-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        countries: {
                            code: string;
                            name: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    "core.list-assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The assets. */
            200: {
                headers: {
                    "x-uphold-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assets: {
                            code: string;
                            name: string;
                            /** @enum {string} */
                            type: "crypto" | "fiat" | "metal";
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
}
