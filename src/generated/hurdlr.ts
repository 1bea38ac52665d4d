// Generated from openapi/hurdlr.yaml by `npm run generate`. Do not edit.

export interface paths {
    "/v4/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an authorization code, a refresh token or client credentials plus userId for tokens
         * @description client_id and client_secret travel in the form body. Tokens are `<64 hex>.<32 hex>`; access tokens live 90 days; the refresh token rotates (the old one stops working at once). An Authorization header, which Hurdlr's reference page shows, is ignored.
         */
        post: operations["requestAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/auth/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a Tight account for a partner's user and return its tokens
         * @description JSON body (a form is accepted too) with the partner's client_id and client_secret. An existing userId is updated and answered with SUCCESS_UPDATED and fresh tokens.
         */
        post: operations["createAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v4/auth/userInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user the access token belongs to */
        get: operations["getUserInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The "oauth authorize website" that hands out authorization codes
         * @description Renders an HTML page where the user picks who to log in as. For CI, `login_hint=<userId>` with `prompt=none` (or `auto_approve=true`) redirects at once. PKCE (S256 only) is optional. Errors about the client or redirect URI are shown as a 400 page, never redirected (RFC 6749 §4.1.2.1).
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        TokenRequest: {
            client_id: string;
            client_secret: string;
            /** @enum {string} */
            grant_type: "authorization_code" | "refresh_token" | "client_credentials";
            refresh_token?: string;
            code?: string;
            redirect_uri?: string;
            code_verifier?: string;
            /** @description Required for client_credentials */
            userId?: string;
        };
        /** @description Hurdlr's token response; note there is no token_type */
        OAuthTokens: {
            access_token: string;
            refresh_token: string;
            expires_in: number;
            /** @description Epoch seconds */
            created_at: number;
            /** @enum {string} */
            scope: "token";
        };
        OAuthErrorBody: {
            /** @enum {string} */
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_token" | "insufficient_scope" | "server_error" | "temporarily_unavailable";
            error_description: string;
        };
        AccountRequest: {
            userId: string;
            email?: string;
            firstName?: string;
            lastName?: string;
            bizName?: string;
            client_id: string;
            client_secret: string;
        };
        AccountResponse: {
            /** @enum {string} */
            result: "SUCCESS" | "SUCCESS_UPDATED";
            oAuth: components["schemas"]["OAuthTokens"];
        };
        AccountFailure: {
            /** @enum {string} */
            result: "FAILURE" | "INVALID_CREDENTIALS";
            error: string;
        };
        UserInfo: {
            userId: string;
            email?: string;
            firstName?: string;
            lastName?: string;
            bizName?: string;
        };
        AuthorizeForm: {
            response_type?: string;
            client_id: string;
            redirect_uri: string;
            scope?: string;
            state?: string;
            code_challenge?: string;
            code_challenge_method?: string;
            userId?: string;
            /** @enum {string} */
            decision?: "approve" | "deny";
        };
    };
    responses: {
        /** @description RFC 6749 §5.2 error */
        OAuthError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "invalid_grant",
                 *       "error_description": "The refresh_token is not valid."
                 *     }
                 */
                "application/json": components["schemas"]["OAuthErrorBody"];
            };
        };
        /** @description Missing, unknown or wrong client credentials */
        InvalidClient: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "invalid_client",
                 *       "error_description": "Client authentication failed: unknown client_id or wrong client_secret."
                 *     }
                 */
                "application/json": components["schemas"]["OAuthErrorBody"];
            };
        };
        /** @description RFC 6750 §3.1 invalid_token (missing, unknown, expired or revoked) */
        InvalidToken: {
            headers: {
                /** @example Bearer realm="hurdlr", error="invalid_token", error_description="The access token expired" */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "invalid_token",
                 *       "error_description": "The access token expired."
                 *     }
                 */
                "application/json": components["schemas"]["OAuthErrorBody"];
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
                 *       "error": "invalid_request",
                 *       "error_description": "The request body is larger than 1 MiB."
                 *     }
                 */
                "application/json": components["schemas"]["OAuthErrorBody"];
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
                /** @example <!doctype html><html><body><h1>Authorization failed</h1></body></html> */
                "text/html": string;
            };
        };
        /** @description Back to the client's redirect_uri with `code` and `state` (or an `error`) */
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
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "client_id": "hurdlr-client",
                 *       "client_secret": "hurdlr-secret",
                 *       "grant_type": "refresh_token",
                 *       "refresh_token": "7369c0ee82194721ac6f633ec16206f348680736e80e4aacb85d4fbce0ee9669.56b43c61141541dc858dd8613959389a"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description Tokens issued */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access_token": "00f6b2b68eb9459eab681d19aa86c6154e225068f3074d1d9b639316d5380a4c.91d620872c3b438ba33f4baaca124624",
                     *       "refresh_token": "7369c0ee82194721ac6f633ec16206f348680736e80e4aacb85d4fbce0ee9669.56b43c61141541dc858dd8613959389a",
                     *       "expires_in": 7776000,
                     *       "created_at": 1599065168,
                     *       "scope": "token"
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthTokens"];
                };
            };
            400: components["responses"]["OAuthError"];
            401: components["responses"]["InvalidClient"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    createAccount: {
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
                 *       "userId": "partner-user-42",
                 *       "email": "jane@example.com",
                 *       "firstName": "Jane",
                 *       "lastName": "Doe",
                 *       "client_id": "hurdlr-client",
                 *       "client_secret": "hurdlr-secret"
                 *     }
                 */
                "application/json": components["schemas"]["AccountRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["AccountRequest"];
            };
        };
        responses: {
            /** @description The account was created (SUCCESS) or updated (SUCCESS_UPDATED) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "result": "SUCCESS",
                     *       "oAuth": {
                     *         "access_token": "00f6b2b68eb9459eab681d19aa86c6154e225068f3074d1d9b639316d5380a4c.91d620872c3b438ba33f4baaca124624",
                     *         "refresh_token": "7369c0ee82194721ac6f633ec16206f348680736e80e4aacb85d4fbce0ee9669.56b43c61141541dc858dd8613959389a",
                     *         "expires_in": 7776000,
                     *         "created_at": 1599065168,
                     *         "scope": "token"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description The body is malformed or misses userId */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "result": "FAILURE",
                     *       "error": "userId is required."
                     *     }
                     */
                    "application/json": components["schemas"]["AccountFailure"];
                };
            };
            /** @description Unknown client_id or wrong client_secret */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "result": "INVALID_CREDENTIALS",
                     *       "error": "Client authentication failed: unknown client_id or wrong client_secret."
                     *     }
                     */
                    "application/json": components["schemas"]["AccountFailure"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    getUserInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "hurdlr-user-1",
                     *       "email": "owner@hurdlr.example",
                     *       "firstName": "Jane",
                     *       "lastName": "Doe"
                     *     }
                     */
                    "application/json": components["schemas"]["UserInfo"];
                };
            };
            401: components["responses"]["InvalidToken"];
        };
    };
    showAuthorizePage: {
        parameters: {
            query: {
                response_type: "code";
                client_id: string;
                redirect_uri: string;
                state?: string;
                scope?: string;
                code_challenge?: string;
                code_challenge_method?: "S256";
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
}
