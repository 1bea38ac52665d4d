// Generated from openapi/gusto.yaml by `npm run generate`. Do not edit.

export interface paths {
    "/oauth/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Consent page (one company per authorization)
         * @description Shows the application, its scopes and a radio list of companies; the user picks exactly one. For CI, `company_uuid=<uuid>&auto_approve=true` approves at once and redirects.
         */
        get: operations["get-oauth-authorize"];
        put?: never;
        /** Approve or deny the consent page */
        post: operations["post-oauth-authorize"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue, refresh or exchange tokens
         * @description `authorization_code` and `refresh_token` return a token pair; `system_access` a system token without refresh token; `strict_access` an array with one token pair per company of a legacy grant. A refresh returns a new pair; the previous refresh token is revoked on the first use of the new access token.
         */
        post: operations["oauth-access-token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an access or refresh token (RFC 7009) */
        post: operations["oauth-revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/token_info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get info about the current access token */
        get: operations["get-v1-token-info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/companies/{company_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a company
         * @description scope: `companies:read`
         */
        get: operations["get-v1-companies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/companies/{company_id}/employees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get employees of a company
         * @description scope: `employees:read`
         */
        get: operations["get-v1-companies-company_id-employees"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/companies/{company_id}/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get company locations (answered from examples, no state)
         * @description scope: `companies:read`
         */
        get: operations["get-v1-companies-company_id-locations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner_managed_companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a partner managed company
         * @description Needs a system access token (scope `partner_managed_companies:manage`). Creates the company and its primary payroll admin and returns a strict token pair reserved for that company.
         */
        post: operations["post-v1-partner-managed-companies"];
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
            /** @description authorization_code, refresh_token, system_access or strict_access */
            grant_type: string;
            client_id?: string;
            client_secret?: string;
            code?: string;
            redirect_uri?: string;
            code_verifier?: string;
            refresh_token?: string;
            /** @description strict_access: the token to exchange */
            access_token?: string;
        };
        ConsentDecision: {
            client_id?: string;
            redirect_uri?: string;
            response_type?: string;
            state?: string;
            scope?: string;
            code_challenge?: string;
            code_challenge_method?: string;
            company_uuid?: string;
            /** @enum {string} */
            decision?: "approve" | "deny";
        };
        RevokeRequest: {
            token: string;
            token_type_hint?: string;
            client_id?: string;
            client_secret?: string;
        };
        TokenResponse: {
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            /** @description Lifetime of the access token in seconds */
            expires_in: number;
            /** @description Seconds since the epoch */
            created_at: number;
            /** @description Absent for system access tokens */
            refresh_token?: string;
            scope?: string;
        };
        StrictAccessToken: {
            access_token: string;
            refresh_token: string;
            resource_uuid: string;
            /** @constant */
            resource_type: "Company";
            /** @constant */
            token_type: "Bearer";
            created_at: number;
            expires_in: number;
        };
        StrictAccessTokenList: components["schemas"]["StrictAccessToken"][];
        OAuthError: {
            /** @enum {string} */
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type" | "unauthorized_client";
            error_description: string;
        };
        ErrorObject: {
            errors: {
                error_key: string;
                category: string;
                message: string;
            }[];
        };
        TokenInfo: {
            scope: string;
            resource: {
                /** @enum {string} */
                type: "Company" | "Oauth::Application";
                /** Format: uuid */
                uuid: string;
            };
            resource_owner: {
                /** @enum {string} */
                type: "CompanyAdmin" | "Employee" | "Contractor";
                /** Format: uuid */
                uuid: string;
            } | null;
        };
        Company: {
            uuid: string;
            name: string;
            trade_name: string | null;
            entity_type?: null;
            contractor_only: boolean;
            tier?: null;
            is_suspended: boolean;
            /** @enum {string} */
            company_status: "Approved" | "Not Approved" | "Suspended";
            is_partner_managed: boolean;
            pay_schedule_type?: null;
            join_date?: string | null;
            /** @enum {string|null} */
            funding_type?: "ach" | null;
            locations: components["schemas"]["Location"][];
            primary_payroll_admin?: {
                first_name: string;
                last_name: string;
                phone: string | null;
                email: string;
            };
        };
        Location: {
            uuid: string;
            company_uuid?: string;
            street_1?: string;
            street_2?: string | null;
            city?: string;
            state?: string;
            zip?: string;
            country?: string;
            active?: boolean;
        };
        Employee: {
            uuid: string;
            first_name: string;
            middle_initial?: string | null;
            last_name: string;
            email?: string | null;
            company_uuid: string;
            manager_uuid?: string | null;
            department?: string | null;
            terminated: boolean;
            onboarded: boolean;
            /** @enum {string} */
            payment_method: "Direct Deposit" | "Check";
            jobs?: unknown[];
            terminations?: unknown[];
            custom_fields?: unknown[];
        };
        PartnerManagedCompanyCreateRequest: {
            user: {
                first_name: string;
                last_name: string;
                email: string;
                phone?: string;
            };
            company: {
                name: string;
                trade_name?: string;
                ein?: string;
                contractor_only?: boolean;
            };
        };
        PartnerManagedCompany: {
            access_token: string;
            refresh_token: string;
            company_uuid: string;
            expires_in: number;
        };
    };
    responses: {
        /** @description The consent page (HTML) */
        ConsentPage: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example <!doctype html><title>Authorize</title> */
                "text/html": string;
            };
        };
        /** @description Unknown client, unregistered redirect_uri or a bad choice (HTML; never a redirect) */
        ConsentPageError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example <!doctype html><title>Authorization error</title> */
                "text/html": string;
            };
        };
        /** @description Back to the client's redirect_uri with `code` and `state`, or `error` and `state` */
        AuthorizationRedirect: {
            headers: {
                /**
                 * @description redirect_uri with the result in its query
                 * @example http://localhost:3000/callback?code=VlN0Cp1y2TQa9yN9t9sN0Cr1y2TQa9yN9t9sN0Cr1yQ&state=xyz
                 */
                Location?: string;
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description RFC 6749 §5.2 error */
        OAuthBadRequest: {
            headers: {
                "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description Client authentication failed */
        OAuthInvalidClient: {
            headers: {
                "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description Missing, unknown, expired or revoked access token */
        Unauthorized: {
            headers: {
                "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorObject"];
            };
        };
        /** @description Not a strict token on API >= 2023-05-01, wrong kind of token, missing scope or another company */
        Forbidden: {
            headers: {
                "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorObject"];
            };
        };
        /** @description No such resource */
        NotFound: {
            headers: {
                "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorObject"];
            };
        };
        /** @description Malformed, future or too old X-Gusto-API-Version */
        InvalidApiVersion: {
            headers: {
                "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorObject"];
            };
        };
        /** @description The body is larger than 1 MiB (an RFC 6749 body, as every error of the OAuth endpoints) */
        OAuthPayloadTooLarge: {
            headers: {
                "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description The body is larger than 1 MiB */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorObject"];
            };
        };
        /** @description The body is missing fields or has wrong values */
        UnprocessableEntity: {
            headers: {
                "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorObject"];
            };
        };
    };
    parameters: {
        /**
         * @description Date-based API version. Absent: the application's minimum version. Malformed, in the future or below the minimum: 406. From 2023-05-01 every endpoint wants a strict (one-company) token.
         * @example 2025-06-15
         */
        VersionHeader: string;
        /** @description The UUID of the company */
        CompanyId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The API version the request was served at
         * @example 2025-06-15
         */
        ApiVersion: string;
        /**
         * @description RFC 6750 §3 challenge (Doorkeeper realm)
         * @example Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token expired"
         */
        WwwAuthenticate: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "get-oauth-authorize": {
        parameters: {
            query?: {
                client_id?: string;
                redirect_uri?: string;
                response_type?: string;
                state?: string;
                scope?: string;
                code_challenge?: string;
                code_challenge_method?: string;
                company_uuid?: string;
                auto_approve?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ConsentPage"];
            302: components["responses"]["AuthorizationRedirect"];
            400: components["responses"]["ConsentPageError"];
        };
    };
    "post-oauth-authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["ConsentDecision"];
            };
        };
        responses: {
            200: components["responses"]["ConsentPage"];
            302: components["responses"]["AuthorizationRedirect"];
            400: components["responses"]["ConsentPageError"];
        };
    };
    "oauth-access-token": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Date-based API version. Absent: the application's minimum version. Malformed, in the future or below the minimum: 406. From 2023-05-01 every endpoint wants a strict (one-company) token.
                 * @example 2025-06-15
                 */
                "X-Gusto-API-Version"?: components["parameters"]["VersionHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description Tokens (an array for grant_type=strict_access) */
            200: {
                headers: {
                    "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"] | components["schemas"]["StrictAccessTokenList"];
                };
            };
            400: components["responses"]["OAuthBadRequest"];
            401: components["responses"]["OAuthInvalidClient"];
            406: components["responses"]["InvalidApiVersion"];
            413: components["responses"]["OAuthPayloadTooLarge"];
        };
    };
    "oauth-revoke": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Date-based API version. Absent: the application's minimum version. Malformed, in the future or below the minimum: 406. From 2023-05-01 every endpoint wants a strict (one-company) token.
                 * @example 2025-06-15
                 */
                "X-Gusto-API-Version"?: components["parameters"]["VersionHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["RevokeRequest"];
                "application/json": components["schemas"]["RevokeRequest"];
            };
        };
        responses: {
            /** @description Revoked, or the token was unknown (RFC 7009 §2.2) */
            200: {
                headers: {
                    "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["OAuthBadRequest"];
            401: components["responses"]["OAuthInvalidClient"];
            /** @description The token belongs to another client */
            403: {
                headers: {
                    "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            406: components["responses"]["InvalidApiVersion"];
            413: components["responses"]["OAuthPayloadTooLarge"];
        };
    };
    "get-v1-token-info": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Date-based API version. Absent: the application's minimum version. Malformed, in the future or below the minimum: 406. From 2023-05-01 every endpoint wants a strict (one-company) token.
                 * @example 2025-06-15
                 */
                "X-Gusto-API-Version"?: components["parameters"]["VersionHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token's scope, resource and resource owner */
            200: {
                headers: {
                    "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenInfo"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            406: components["responses"]["InvalidApiVersion"];
        };
    };
    "get-v1-companies": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Date-based API version. Absent: the application's minimum version. Malformed, in the future or below the minimum: 406. From 2023-05-01 every endpoint wants a strict (one-company) token.
                 * @example 2025-06-15
                 */
                "X-Gusto-API-Version"?: components["parameters"]["VersionHeader"];
            };
            path: {
                /** @description The UUID of the company */
                company_id: components["parameters"]["CompanyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The company */
            200: {
                headers: {
                    "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["InvalidApiVersion"];
        };
    };
    "get-v1-companies-company_id-employees": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Date-based API version. Absent: the application's minimum version. Malformed, in the future or below the minimum: 406. From 2023-05-01 every endpoint wants a strict (one-company) token.
                 * @example 2025-06-15
                 */
                "X-Gusto-API-Version"?: components["parameters"]["VersionHeader"];
            };
            path: {
                /** @description The UUID of the company */
                company_id: components["parameters"]["CompanyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The company's employees */
            200: {
                headers: {
                    "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Employee"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["InvalidApiVersion"];
        };
    };
    "get-v1-companies-company_id-locations": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Date-based API version. Absent: the application's minimum version. Malformed, in the future or below the minimum: 406. From 2023-05-01 every endpoint wants a strict (one-company) token.
                 * @example 2025-06-15
                 */
                "X-Gusto-API-Version"?: components["parameters"]["VersionHeader"];
            };
            path: {
                /** @description The UUID of the company */
                company_id: components["parameters"]["CompanyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The company's locations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"][];
                };
            };
        };
    };
    "post-v1-partner-managed-companies": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Date-based API version. Absent: the application's minimum version. Malformed, in the future or below the minimum: 406. From 2023-05-01 every endpoint wants a strict (one-company) token.
                 * @example 2025-06-15
                 */
                "X-Gusto-API-Version"?: components["parameters"]["VersionHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerManagedCompanyCreateRequest"];
            };
        };
        responses: {
            /** @description The new company and its token pair */
            200: {
                headers: {
                    "X-Gusto-API-Version": components["headers"]["ApiVersion"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerManagedCompany"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            406: components["responses"]["InvalidApiVersion"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
}
