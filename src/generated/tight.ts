// Generated from openapi/tight.yaml by `npm run generate`. Do not edit.

export interface paths {
    "/v6/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange client credentials, an authorization code or a refresh token for an access token
         * @description Client authentication is HTTP Basic (client_id:client_secret). `grant_type` defaults to client_credentials; `userId` scopes the token to a user's companies (omitted: a partner-level token reaching every company). An empty body (no Content-Type) asks for a partner-level write token.
         */
        post: operations["requestAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v6/auth/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The consent page of the authorization-code flow (PKCE S256)
         * @description Renders an HTML page where the user picks the identity to log in as. For CI, `login_hint=<userId>` with `prompt=none` (or `auto_approve=true`) skips the page and redirects at once. Errors about the client, the redirect URI or PKCE are shown as a 400 page and never redirected (RFC 6749 §4.1.2.1).
         */
        get: operations["showAuthorizePage"];
        put?: never;
        /** The consent page's form submission; issues a code and redirects */
        post: operations["submitAuthorizePage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v6/banks/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Save new (or update existing) bank transactions; needs a write token
         * @description Each saved transaction is audited with its editor: the token's userId, or null for a partner-level token. `companyId` may be left out when the token reaches exactly one company.
         */
        post: operations["saveTransactions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v6/banks/transactions/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Query the bank transactions the token reaches (cursor pagination, company filter) */
        post: operations["queryTransactions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v6/company/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Query the companies the token reaches */
        post: operations["queryCompanies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v6/company/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a company; needs a partner-level token */
        get: operations["getCompany"];
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
        /** @enum {string} */
        ErrorType: "UNKNOWN_ERROR" | "EXPIRED_TOKEN" | "INVALID_TOKEN" | "BAD_REQUEST" | "JSON_ERROR" | "DUPLICATE" | "REQUIRED" | "INVALID_VALUE" | "NOT_MODIFIABLE" | "INVALID_FORMAT";
        ErrorItem: {
            type: components["schemas"]["ErrorType"];
            message: string;
            param?: string;
        };
        /** @description Tight's envelope on every error */
        FailureEnvelope: {
            /** @enum {string} */
            result: "FAILURE";
            data: null;
            error: components["schemas"]["ErrorItem"][];
        };
        TokenRequest: {
            /** @enum {string} */
            grant_type?: "client_credentials" | "authorization_code" | "refresh_token";
            userId?: string;
            /** @enum {string} */
            scope?: "read" | "write";
            code?: string;
            redirect_uri?: string;
            code_verifier?: string;
            refresh_token?: string;
        };
        TokenResponse: {
            /** @description An RS256 JWT */
            access_token: string;
            /** @enum {string} */
            token_type: "Bearer";
            expires_in: number;
            /** @description Returned for the authorization_code and refresh_token grants */
            refresh_token?: string;
            /** @enum {string} */
            scope?: "read" | "write";
        };
        AuthorizeForm: {
            response_type?: string;
            client_id: string;
            redirect_uri: string;
            code_challenge: string;
            code_challenge_method: string;
            scope?: string;
            state?: string;
            /** @description The identity picked on the page */
            userId?: string;
            /** @enum {string} */
            decision?: "approve" | "deny";
        };
        /** @description Who last changed the entity; userId is null for a partner-level token */
        Editor: {
            userId: string | null;
        };
        Transaction: {
            id: string;
            companyId: string;
            /** @enum {string} */
            type: "EXPENSE" | "INCOME";
            /** Format: date */
            date: string;
            /** @description Cents; negative for money out */
            amount: number;
            description: string;
            notes?: string;
            bankAccountId?: string;
            /** @enum {string} */
            status: "ACTIVE";
            editor: components["schemas"]["Editor"];
            /** Format: date-time */
            lastUpdatedDateTime: string;
        };
        TransactionInput: {
            /** @description Set to update an existing transaction */
            id?: string;
            companyId?: string;
            /** Format: date */
            date: string;
            amount: number;
            description: string;
            notes?: string;
            bankAccountId?: string;
            /** @enum {string} */
            type?: "EXPENSE" | "INCOME";
        };
        SaveTransactionsRequest: {
            data: components["schemas"]["TransactionInput"][];
        };
        SaveResult: {
            /** @enum {string} */
            result: "SUCCESS";
            statusCode: number;
            data: components["schemas"]["Transaction"];
            error: components["schemas"]["ErrorItem"][];
        };
        SaveTransactionsResponse: {
            /** @enum {string} */
            result: "SUCCESS";
            data: components["schemas"]["SaveResult"][];
            error: components["schemas"]["ErrorItem"][];
        };
        CompanyFilter: {
            in?: string[];
        };
        TransactionQuery: {
            cursor?: string;
            limit?: number;
            sort?: Record<string, never>;
            filter?: {
                company?: components["schemas"]["CompanyFilter"];
            };
        };
        /** @description Present keys point at the next (after) or previous (before) page */
        Cursor: {
            after?: string;
            before?: string;
        };
        TransactionQueryResponse: {
            /** @enum {string} */
            result: "SUCCESS";
            data: components["schemas"]["Transaction"][];
            error: components["schemas"]["ErrorItem"][];
            cursor: components["schemas"]["Cursor"];
        };
        Company: {
            id: string;
            name: string;
            /** @enum {string} */
            status: "ACTIVE";
            owners: {
                userId: string;
            }[];
        };
        CompanyQuery: {
            cursor?: string;
            limit?: number;
            sort?: Record<string, never>;
            filter?: Record<string, never>;
        };
        CompanyQueryResponse: {
            /** @enum {string} */
            result: "SUCCESS";
            data: components["schemas"]["Company"][];
            error: components["schemas"]["ErrorItem"][];
            cursor: components["schemas"]["Cursor"];
        };
        CompanyResponse: {
            /** @enum {string} */
            result: "SUCCESS";
            data: components["schemas"]["Company"];
        };
    };
    responses: {
        /** @description Invalid input; each problem names its parameter */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "result": "FAILURE",
                 *       "data": null,
                 *       "error": [
                 *         {
                 *           "type": "REQUIRED",
                 *           "message": "amount is required",
                 *           "param": "data[0].amount"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["FailureEnvelope"];
            };
        };
        /** @description No token, or an invalid, revoked or expired one */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FailureEnvelope"];
            };
        };
        /** @description A read-only token on a write call, a company out of the token's reach, or a user token where a partner-level token is needed */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "result": "FAILURE",
                 *       "data": null,
                 *       "error": [
                 *         {
                 *           "type": "BAD_REQUEST",
                 *           "message": "The access_token doesn't have permissions to perform the request."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["FailureEnvelope"];
            };
        };
        /** @description No such entity */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "result": "FAILURE",
                 *       "data": null,
                 *       "error": [
                 *         {
                 *           "type": "INVALID_VALUE",
                 *           "message": "No company has the id co_missing.",
                 *           "param": "id"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["FailureEnvelope"];
            };
        };
        /** @description The body is larger than 1 MiB */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "result": "FAILURE",
                 *       "data": null,
                 *       "error": [
                 *         {
                 *           "type": "BAD_REQUEST",
                 *           "message": "The request body is larger than 1 MiB."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["FailureEnvelope"];
            };
        };
        /** @description The HTML consent page */
        ConsentPage: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example <!doctype html><html><body><form method="post">...</form></body></html> */
                "text/html": string;
            };
        };
        /** @description An HTML page explaining why the authorization request cannot go on */
        ErrorPage: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example <!doctype html><html><body><h1>Authorization failed</h1><p>Unknown client_id.</p></body></html> */
                "text/html": string;
            };
        };
        /** @description Back to the client's redirect_uri with `code` and `state` (or `error=access_denied`) */
        AuthorizeRedirect: {
            headers: {
                /** @example http://localhost:3000/callback?code=Jm9wYXF1ZQ&state=xyz */
                Location: string;
                [name: string]: unknown;
            };
            content?: never;
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    requestAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description Access token issued */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Client authentication failed (no Basic credentials, unknown client or wrong secret) */
            401: {
                headers: {
                    /** @example Basic realm="tight" */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "result": "FAILURE",
                     *       "data": null,
                     *       "error": [
                     *         {
                     *           "type": "INVALID_VALUE",
                     *           "message": "Client authentication failed: unknown client_id or wrong client_secret.",
                     *           "param": "client_id"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["FailureEnvelope"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    showAuthorizePage: {
        parameters: {
            query: {
                response_type: "code";
                client_id: string;
                redirect_uri: string;
                code_challenge: string;
                code_challenge_method: "S256";
                scope?: "read" | "write";
                state?: string;
                login_hint?: string;
                prompt?: "none" | "login" | "consent";
                auto_approve?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ConsentPage"];
            302: components["responses"]["AuthorizeRedirect"];
            400: components["responses"]["ErrorPage"];
        };
    };
    submitAuthorizePage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["AuthorizeForm"];
            };
        };
        responses: {
            302: components["responses"]["AuthorizeRedirect"];
            400: components["responses"]["ErrorPage"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    saveTransactions: {
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
                 *       "data": [
                 *         {
                 *           "date": "2026-01-02",
                 *           "amount": -4599,
                 *           "description": "Office supplies",
                 *           "companyId": "co_acme"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["SaveTransactionsRequest"];
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "result": "SUCCESS",
                     *       "data": [
                     *         {
                     *           "result": "SUCCESS",
                     *           "statusCode": 200,
                     *           "data": {
                     *             "id": "btxn_5f1c2a9e04",
                     *             "companyId": "co_acme",
                     *             "type": "EXPENSE",
                     *             "date": "2026-01-02",
                     *             "amount": -4599,
                     *             "description": "Office supplies",
                     *             "status": "ACTIVE",
                     *             "editor": {
                     *               "userId": "user_owner_acme"
                     *             },
                     *             "lastUpdatedDateTime": "2026-01-02T10:00:00.000Z"
                     *           },
                     *           "error": []
                     *         }
                     *       ],
                     *       "error": []
                     *     }
                     */
                    "application/json": components["schemas"]["SaveTransactionsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    queryTransactions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "limit": 2,
                 *       "filter": {
                 *         "company": {
                 *           "in": [
                 *             "co_acme"
                 *           ]
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["TransactionQuery"];
            };
        };
        responses: {
            /** @description One page of transactions, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "result": "SUCCESS",
                     *       "data": [
                     *         {
                     *           "id": "btxn_1000001",
                     *           "companyId": "co_acme",
                     *           "type": "INCOME",
                     *           "date": "2025-12-31",
                     *           "amount": 125000,
                     *           "description": "Client payment",
                     *           "status": "ACTIVE",
                     *           "editor": {
                     *             "userId": null
                     *           },
                     *           "lastUpdatedDateTime": "2026-01-01T00:00:00.000Z"
                     *         }
                     *       ],
                     *       "error": [],
                     *       "cursor": {
                     *         "after": "eyJvIjoyfQ"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TransactionQueryResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    queryCompanies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "limit": 10
                 *     }
                 */
                "application/json": components["schemas"]["CompanyQuery"];
            };
        };
        responses: {
            /** @description One page of companies */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "result": "SUCCESS",
                     *       "data": [
                     *         {
                     *           "id": "co_acme",
                     *           "name": "Acme Books",
                     *           "status": "ACTIVE",
                     *           "owners": [
                     *             {
                     *               "userId": "user_owner_acme"
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "error": [],
                     *       "cursor": {}
                     *     }
                     */
                    "application/json": components["schemas"]["CompanyQueryResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    getCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example co_acme */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The company */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "result": "SUCCESS",
                     *       "data": {
                     *         "id": "co_acme",
                     *         "name": "Acme Books",
                     *         "status": "ACTIVE",
                     *         "owners": [
                     *           {
                     *             "userId": "user_owner_acme"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CompanyResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
}
