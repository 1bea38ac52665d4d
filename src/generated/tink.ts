// Generated from openapi/tink.yaml by `npm run generate`. Do not edit.

export interface paths {
    "/api/v1/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue an access token
         * @description `client_credentials` issues a client token (1800 s) whose scopes must be within the client's.
         *     `authorization_code` exchanges a code from an authorization grant (or from Tink Link) for a
         *     user token (7200 s) with a refresh token. `refresh_token` returns a new pair; the refresh token
         *     presented stops working at once.
         */
        post: operations["getOAuthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/authorization-grant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Grant a permanent user's access to the client
         * @description Needs a client token with `authorization:grant`. Name the user by `user_id` or by
         *     `external_user_id` (one of them is required). The code is single-use and is exchanged at
         *     `/api/v1/oauth/token` with `grant_type=authorization_code`.
         */
        post: operations["createAuthorizationGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/authorization-grant/delegate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delegate a user's authorization to Tink Link
         * @description Needs a client token with `authorization:grant`. The code goes into a Tink Link URL
         *     (`authorization_code=<code>`); Tink Link then redirects to the partner's `redirect_uri` with
         *     a fresh code that the partner exchanges for a user token. Name the user by `user_id` or by
         *     `external_user_id` (one of them is required).
         */
        post: operations["createDelegatedAuthorizationGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a permanent user
         * @description Needs a client token with `user:create`. `external_user_id` is optional; a second user with
         *     the same `external_user_id` for the same client gets 409 `USER_ALREADY_EXISTS`.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete the user the token belongs to
         * @description Needs a user token. Deletes the user and revokes every token, refresh token, code and grant
         *     issued for them.
         */
        post: operations["deleteUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/providers/{market}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the providers of a market
         * @description Answered from this document's example (no stateful handler).
         */
        get: operations["listProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/v2/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the user's accounts
         * @description Needs a user token with `accounts:read`. `nextPageToken` is empty on the last page.
         */
        get: operations["listAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/v2/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the user's transactions
         * @description Needs a user token with `transactions:read`. `accountIdIn` may repeat
         *     (`accountIdIn=a&accountIdIn=b`). `nextPageToken` is empty on the last page.
         */
        get: operations["listTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/v2/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the identities the user's banks hold for them
         * @description Needs a user token. Answered from this document's example (no stateful handler).
         */
        get: operations["listIdentities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/link/1.0/{product}/{flow}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example transactions */
                product: string;
                /** @example connect-accounts */
                flow: string;
            };
            cookie?: never;
        };
        /**
         * The fake Tink Link page
         * @description Opened with the code from `/api/v1/oauth/authorization-grant/delegate` as
         *     `authorization_code`. Shows a consent page; approving redirects to `redirect_uri` with a fresh
         *     `code` for the client to exchange at `/api/v1/oauth/token`. With `auto_approve=true` it
         *     redirects at once (a shortcut for CI, where no browser runs). Problems are shown on the page
         *     (400), never redirected to an unchecked URI.
         */
        get: operations["tinkLinkPage"];
        put?: never;
        /**
         * The Tink Link page's form
         * @description Carries the page's query parameters back with the user's `decision`. `approve` redirects
         *     with a `code`; `deny` redirects with `error=USER_CANCELLED`.
         */
        post: operations["tinkLinkSubmit"];
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
            /** @enum {string} */
            grant_type: "client_credentials" | "authorization_code" | "refresh_token";
            client_id?: string;
            client_secret?: string;
            /** @description Comma-separated scopes (client_credentials). */
            scope?: string;
            /** @description Required for `authorization_code`. */
            code?: string;
            /** @description Required for `refresh_token`. */
            refresh_token?: string;
        };
        TokenResponse: {
            access_token: string;
            /** @enum {string} */
            token_type: "bearer";
            /** @description Seconds; 1800 for a client token, 7200 for a user token. */
            expires_in: number;
            /** @description Comma-separated scopes granted. */
            scope: string;
            /** @description Only on user tokens. */
            refresh_token?: string;
            /** @description The display name given with a delegated grant, on user tokens. */
            id_hint?: string | null;
        };
        AuthorizationGrantRequest: {
            user_id?: string;
            external_user_id?: string;
            /** @description Comma-separated scopes to grant. */
            scope: string;
        };
        DelegatedAuthorizationGrantRequest: {
            /** @enum {string} */
            response_type?: "code";
            user_id?: string;
            external_user_id?: string;
            /** @description The name Tink Link greets the user with, such as "John Doe" (required). */
            id_hint: string;
            /** @description The client acting for the user; Tink Link's is df05e4b379934cd09963197cc855bfe9. */
            actor_client_id: string;
            /** @description Comma-separated scopes to grant. */
            scope: string;
        };
        AuthorizationCodeResponse: {
            code: string;
        };
        CreateUserRequest: {
            external_user_id?: string;
            /** @description ISO 3166-1 alpha-2 market code, such as GB. */
            market: string;
            /** @description Locale such as en_US. */
            locale: string;
            retention_class?: string;
        };
        CreateUserResponse: {
            user_id: string;
            external_user_id?: string | null;
        };
        Money: {
            value: components["schemas"]["ExactNumber"];
            /** @description ISO 4217 currency code. */
            currencyCode: string;
        };
        /** @description A decimal as unscaledValue × 10^-scale, both as strings (Tink's Data v2 convention). */
        ExactNumber: {
            unscaledValue: string;
            scale: string;
        };
        Account: {
            id: string;
            name: string;
            /** @enum {string} */
            type: "CHECKING" | "SAVINGS" | "CREDIT_CARD" | "LOAN" | "INVESTMENT" | "OTHER";
            balances: {
                booked: {
                    amount: components["schemas"]["Money"];
                };
            };
            identifiers: {
                iban?: {
                    iban: string;
                    bban?: string;
                };
            };
            dates: {
                /** Format: date-time */
                lastRefreshed: string;
            };
            financialInstitutionId: string;
            /** @description PERSONAL, BUSINESS or UNDEFINED_CUSTOMER_SEGMENT. */
            customerSegment: string;
        };
        AccountList: {
            accounts: components["schemas"]["Account"][];
            /** @description Empty on the last page. */
            nextPageToken: string;
        };
        Transaction: {
            id: string;
            accountId: string;
            amount: components["schemas"]["Money"];
            descriptions: {
                original: string;
                display: string;
            };
            dates: {
                /** Format: date */
                booked: string;
                /** Format: date */
                value?: string;
            };
            /** @enum {string} */
            status: "BOOKED" | "PENDING";
            types: {
                /** @description Such as DEFAULT, TRANSFER, PAYMENT, WITHDRAWAL or FEE. */
                type: string;
            };
        };
        TransactionList: {
            transactions: components["schemas"]["Transaction"][];
            /** @description Empty on the last page. */
            nextPageToken: string;
        };
        Provider: {
            name: string;
            displayName: string;
            financialInstitutionId: string;
            financialInstitutionName?: string;
            groupDisplayName?: string;
            market: string;
            currency?: string;
            type: string;
            status: string;
            accessType?: string;
            credentialsType?: string;
            authenticationFlow?: string;
            capabilities?: string[];
            popular?: boolean;
            transactional?: boolean;
            images?: {
                icon?: string;
                banner?: string;
            };
        };
        ProviderList: {
            providers: components["schemas"]["Provider"][];
        };
        Identity: {
            id: string;
            financialInstitutionId?: string;
            name: {
                fullName: string;
            };
            /** Format: date */
            dateOfBirth?: string;
            addresses?: {
                street?: string;
                postalCode?: string;
                city?: string;
                country?: string;
            }[];
            emails?: {
                value: string;
            }[];
            phoneNumbers?: {
                value: string;
            }[];
            dates?: {
                /** Format: date-time */
                lastRefreshed?: string;
            };
        };
        IdentityList: {
            identities: components["schemas"]["Identity"][];
            nextPageToken: string;
        };
        LinkDecision: {
            client_id: string;
            redirect_uri: string;
            authorization_code: string;
            scope?: string;
            state?: string;
            id_hint?: string;
            /** @enum {string} */
            decision?: "approve" | "deny";
        };
        /** @description Every Tink error. Branch on `errorCode`. */
        TinkError: {
            errorMessage: string;
            /**
             * @description Codes the sandbox uses: TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, MISSING_SCOPE,
             *     INVALID_CLIENT, INVALID_REQUEST, INVALID_GRANT, UNSUPPORTED_GRANT_TYPE, INVALID_SCOPE,
             *     USER_NOT_FOUND, USER_ALREADY_EXISTS, NOT_FOUND, METHOD_NOT_ALLOWED, PAYLOAD_TOO_LARGE,
             *     INTERNAL_ERROR.
             */
            errorCode: string;
        };
    };
    responses: {
        /** @description The consent page. */
        LinkPage: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example <!doctype html><html><head><title>Tink Link (sandbox)</title></head><body><form method="post"><button name="decision" value="approve">Connect</button></form></body></html> */
                "text/html": string;
            };
        };
        /** @description Back to the client's redirect_uri, with `code` (and `credentialsId`, `state`) or with `error`. */
        LinkRedirect: {
            headers: {
                /** @example https://console.tink.com/callback?code=7d2c9e4f1a3b4c5d8e6f0a1b2c3d4e5f&credentialsId=0f1e2d3c4b5a69788796a5b4c3d2e1f0&state=af0ifjsldkj */
                Location: string;
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The Link URL or form is wrong; shown on the page rather than redirected. */
        LinkProblem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example <!doctype html><html><head><title>Tink Link (sandbox)</title></head><body><p>redirect_uri is missing from the Tink Link URL.</p></body></html> */
                "text/html": string;
            };
        };
        /** @description A single-use authorization code. */
        AuthorizationCode: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "9a3f6c1e2b7d4f08a5c3e1d7b9f2a6c4"
                 *     }
                 */
                "application/json": components["schemas"]["AuthorizationCodeResponse"];
            };
        };
        /** @description The request is malformed or names something it may not. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TinkError"];
            };
        };
        /** @description The client credentials or the bearer token were refused. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TinkError"];
            };
        };
        /** @description The token lacks a scope the operation needs, or is the wrong kind of token. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TinkError"];
            };
        };
        /** @description The user or resource does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TinkError"];
            };
        };
        /** @description The path exists but not with this method. */
        MethodNotAllowed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errorMessage": "Method GET is not allowed here; use POST.",
                 *       "errorCode": "METHOD_NOT_ALLOWED"
                 *     }
                 */
                "application/json": components["schemas"]["TinkError"];
            };
        };
        /** @description A user with that external_user_id already exists. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errorMessage": "A user with external_user_id 'ext-user-1' already exists.",
                 *       "errorCode": "USER_ALREADY_EXISTS"
                 *     }
                 */
                "application/json": components["schemas"]["TinkError"];
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
                 *       "errorMessage": "The request body is larger than 1 MiB.",
                 *       "errorCode": "PAYLOAD_TOO_LARGE"
                 *     }
                 */
                "application/json": components["schemas"]["TinkError"];
            };
        };
        /** @description A sandbox fault, answered in Tink's shape. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errorMessage": "Internal error.",
                 *       "errorCode": "INTERNAL_ERROR"
                 *     }
                 */
                "application/json": components["schemas"]["TinkError"];
            };
        };
    };
    parameters: {
        /**
         * @description How many items per page.
         * @example 50
         */
        PageSize: number;
        /**
         * @description The `nextPageToken` of the previous page.
         * @example
         */
        PageToken: string;
        /** @example tink-client */
        LinkClientId: string;
        /** @example https://console.tink.com/callback */
        LinkRedirectUri: string;
        /**
         * @description The code from `/api/v1/oauth/authorization-grant/delegate`.
         * @example 3c1f0e9d8b7a4c2e9f1d0b8a7c6e5f4d
         */
        LinkAuthorizationCode: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getOAuthToken: {
        parameters: {
            query?: never;
            header?: never;
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
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    createAuthorizationGrant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "user_id": "6e68cc6287704273984567b3300c5822",
                 *       "scope": "accounts:read,balances:read,transactions:read,provider-consents:read"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["AuthorizationGrantRequest"];
            };
        };
        responses: {
            200: components["responses"]["AuthorizationCode"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    createDelegatedAuthorizationGrant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "response_type": "code",
                 *       "user_id": "6e68cc6287704273984567b3300c5822",
                 *       "id_hint": "John Doe",
                 *       "actor_client_id": "df05e4b379934cd09963197cc855bfe9",
                 *       "scope": "authorization:read,authorization:grant,credentials:refresh,credentials:read,credentials:write,providers:read,user:read"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["DelegatedAuthorizationGrantRequest"];
            };
        };
        responses: {
            200: components["responses"]["AuthorizationCode"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "external_user_id": "ext-user-2",
                 *       "market": "GB",
                 *       "locale": "en_US"
                 *     }
                 */
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description The user created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user_id": "0c4b2a7f9e1d4c3b8a6f5e2d1c0b9a87",
                     *       "external_user_id": "ext-user-2"
                     *     }
                     */
                    "application/json": components["schemas"]["CreateUserResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user is deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    listProviders: {
        parameters: {
            query?: {
                /** @example true */
                includeTestProviders?: boolean;
            };
            header?: never;
            path: {
                /**
                 * @description ISO 3166-1 alpha-2 market code.
                 * @example GB
                 */
                market: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The market's providers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "providers": [
                     *         {
                     *           "name": "uk-demobank-open-banking-redirect",
                     *           "displayName": "Demo Bank",
                     *           "financialInstitutionId": "3b2f9a1c5d7e4f60a8b1c2d3e4f5a6b7",
                     *           "financialInstitutionName": "Demo Bank",
                     *           "groupDisplayName": "Demo Bank",
                     *           "market": "GB",
                     *           "currency": "GBP",
                     *           "type": "TEST",
                     *           "status": "ENABLED",
                     *           "accessType": "OPEN_BANKING",
                     *           "credentialsType": "THIRD_PARTY_APP",
                     *           "authenticationFlow": "REDIRECT",
                     *           "capabilities": [
                     *             "CHECKING_ACCOUNTS",
                     *             "SAVINGS_ACCOUNTS",
                     *             "CREDIT_CARDS",
                     *             "IDENTITY_DATA",
                     *             "TRANSFERS"
                     *           ],
                     *           "popular": true,
                     *           "transactional": true,
                     *           "images": {
                     *             "icon": "https://cdn.tink.se/provider-images/demo.png",
                     *             "banner": "https://cdn.tink.se/provider-images/demo-banner.png"
                     *           }
                     *         },
                     *         {
                     *           "name": "uk-ob-monzo",
                     *           "displayName": "Monzo",
                     *           "financialInstitutionId": "8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f",
                     *           "financialInstitutionName": "Monzo Bank Ltd",
                     *           "groupDisplayName": "Monzo",
                     *           "market": "GB",
                     *           "currency": "GBP",
                     *           "type": "BANK",
                     *           "status": "ENABLED",
                     *           "accessType": "OPEN_BANKING",
                     *           "credentialsType": "THIRD_PARTY_APP",
                     *           "authenticationFlow": "REDIRECT",
                     *           "capabilities": [
                     *             "CHECKING_ACCOUNTS",
                     *             "SAVINGS_ACCOUNTS",
                     *             "IDENTITY_DATA"
                     *           ],
                     *           "popular": true,
                     *           "transactional": true,
                     *           "images": {
                     *             "icon": "https://cdn.tink.se/provider-images/monzo.png",
                     *             "banner": "https://cdn.tink.se/provider-images/monzo-banner.png"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ProviderList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    listAccounts: {
        parameters: {
            query?: {
                /**
                 * @description How many items per page.
                 * @example 50
                 */
                pageSize?: components["parameters"]["PageSize"];
                /**
                 * @description The `nextPageToken` of the previous page.
                 * @example
                 */
                pageToken?: components["parameters"]["PageToken"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of accounts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "accounts": [
                     *         {
                     *           "id": "a6ba4bd6a18a4a4ab1a6c4c4d7f8e9a0",
                     *           "name": "Current Account",
                     *           "type": "CHECKING",
                     *           "balances": {
                     *             "booked": {
                     *               "amount": {
                     *                 "value": {
                     *                   "unscaledValue": "152050",
                     *                   "scale": "2"
                     *                 },
                     *                 "currencyCode": "GBP"
                     *               }
                     *             }
                     *           },
                     *           "identifiers": {
                     *             "iban": {
                     *               "iban": "GB33BUKB20201555555555",
                     *               "bban": "BUKB20201555555555"
                     *             }
                     *           },
                     *           "dates": {
                     *             "lastRefreshed": "2026-01-01T00:00:00Z"
                     *           },
                     *           "financialInstitutionId": "3b2f9a1c5d7e4f60a8b1c2d3e4f5a6b7",
                     *           "customerSegment": "PERSONAL"
                     *         }
                     *       ],
                     *       "nextPageToken": ""
                     *     }
                     */
                    "application/json": components["schemas"]["AccountList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    listTransactions: {
        parameters: {
            query?: {
                /**
                 * @example [
                 *       "a6ba4bd6a18a4a4ab1a6c4c4d7f8e9a0"
                 *     ]
                 */
                accountIdIn?: string[];
                /**
                 * @description How many items per page.
                 * @example 50
                 */
                pageSize?: components["parameters"]["PageSize"];
                /**
                 * @description The `nextPageToken` of the previous page.
                 * @example
                 */
                pageToken?: components["parameters"]["PageToken"];
                /**
                 * @description Only transactions booked on or after this date.
                 * @example 2025-12-01
                 */
                bookedDateGte?: string;
                /**
                 * @description Only transactions booked on or before this date.
                 * @example 2025-12-31
                 */
                bookedDateLte?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of transactions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactions": [
                     *         {
                     *           "id": "d8f37f7d19c240abb4ef5d5dbebae4ef",
                     *           "accountId": "a6ba4bd6a18a4a4ab1a6c4c4d7f8e9a0",
                     *           "amount": {
                     *             "value": {
                     *               "unscaledValue": "-1350",
                     *               "scale": "2"
                     *             },
                     *             "currencyCode": "GBP"
                     *           },
                     *           "descriptions": {
                     *             "original": "TESCO STORES 2041 LONDON",
                     *             "display": "Tesco"
                     *           },
                     *           "dates": {
                     *             "booked": "2025-12-30",
                     *             "value": "2025-12-30"
                     *           },
                     *           "status": "BOOKED",
                     *           "types": {
                     *             "type": "DEFAULT"
                     *           }
                     *         }
                     *       ],
                     *       "nextPageToken": ""
                     *     }
                     */
                    "application/json": components["schemas"]["TransactionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    listIdentities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's identities. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "identities": [
                     *         {
                     *           "id": "5d0c8a6b4e2f4a1c9b7d3e5f1a2c4b6d",
                     *           "financialInstitutionId": "3b2f9a1c5d7e4f60a8b1c2d3e4f5a6b7",
                     *           "name": {
                     *             "fullName": "John Doe"
                     *           },
                     *           "dateOfBirth": "1985-04-12",
                     *           "addresses": [
                     *             {
                     *               "street": "1 Demo Street",
                     *               "postalCode": "EC1A 1BB",
                     *               "city": "London",
                     *               "country": "GB"
                     *             }
                     *           ],
                     *           "emails": [
                     *             {
                     *               "value": "john.doe@example.com"
                     *             }
                     *           ],
                     *           "phoneNumbers": [
                     *             {
                     *               "value": "+447700900123"
                     *             }
                     *           ],
                     *           "dates": {
                     *             "lastRefreshed": "2026-01-01T00:00:00Z"
                     *           }
                     *         }
                     *       ],
                     *       "nextPageToken": ""
                     *     }
                     */
                    "application/json": components["schemas"]["IdentityList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    tinkLinkPage: {
        parameters: {
            query: {
                /** @example tink-client */
                client_id: components["parameters"]["LinkClientId"];
                /** @example https://console.tink.com/callback */
                redirect_uri: components["parameters"]["LinkRedirectUri"];
                /**
                 * @description The code from `/api/v1/oauth/authorization-grant/delegate`.
                 * @example 3c1f0e9d8b7a4c2e9f1d0b8a7c6e5f4d
                 */
                authorization_code: components["parameters"]["LinkAuthorizationCode"];
                /** @example GB */
                market?: string;
                /** @example en_US */
                locale?: string;
                /**
                 * @description Comma-separated scopes; omitted, the client's data scopes.
                 * @example accounts:read,transactions:read
                 */
                scope?: string;
                /** @example af0ifjsldkj */
                state?: string;
                /** @example John Doe */
                id_hint?: string;
                /**
                 * @description Sandbox only. `true` skips the page and redirects as if the user approved.
                 * @example true
                 */
                auto_approve?: "true" | "false";
            };
            header?: never;
            path: {
                /** @example transactions */
                product: string;
                /** @example connect-accounts */
                flow: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["LinkPage"];
            302: components["responses"]["LinkRedirect"];
            400: components["responses"]["LinkProblem"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    tinkLinkSubmit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example transactions */
                product: string;
                /** @example connect-accounts */
                flow: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "client_id": "tink-client",
                 *       "redirect_uri": "https://console.tink.com/callback",
                 *       "authorization_code": "3c1f0e9d8b7a4c2e9f1d0b8a7c6e5f4d",
                 *       "state": "af0ifjsldkj",
                 *       "decision": "approve"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["LinkDecision"];
            };
        };
        responses: {
            302: components["responses"]["LinkRedirect"];
            400: components["responses"]["LinkProblem"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
}
