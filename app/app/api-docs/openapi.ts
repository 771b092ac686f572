import { REQUEST_KINDS } from "@thads/domain";

/**
 * The OpenAPI description of `/api/v1`, served at `/api/v1/openapi.json`. Every route of
 * `/api/v1` in app/routes.ts is described here (app/test/openapi.test.ts checks it).
 */
const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: {
          type: "string",
          description: "Machine-readable: unauthenticated, forbidden, insufficient_scope, invalid_filter, not_found, rate_limited…",
        },
        message: { type: "string", description: "Vietnamese, naming the field when a parameter is at fault." },
        fields: { type: "object", additionalProperties: { type: "string" } },
      },
    },
  },
} as const;

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      { description: ERROR_TEXT[c] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: "A parameter is malformed; the message names it.",
  401: "No session, or the token is wrong, expired or revoked.",
  403: "The caller may not read this (a token without the scope, a staff endpoint called with a token, another role).",
  404: "Not found, or not the caller's to read.",
  429: "The token sent more than 120 requests in the current minute; see Retry-After.",
  409: "The idempotencyKey was already used for a different request.",
  413: "The body is over the limit (three attachments of 5 MB at most).",
  415: "The body is not application/json.",
};
const query = (name: string, description: string, schema: Record<string, unknown> = { type: "string" }) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});
const money = { type: "string", pattern: "^[0-9]+$", description: "Whole đồng, as a string." };
const date = { type: "string", format: "date" };

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "THADS API",
    version: "1",
    description:
      "Access to the civil judgment enforcement system. Every request runs under the caller's row-level security, exactly as the web pages: the staff read their own scope, a creditor account its own cases and requests.",
  },
  servers: [{ url: "/" }],
  components: {
    securitySchemes: {
      session: { type: "apiKey", in: "cookie", name: "thads_session", description: "The browser session of the web pages." },
      bearer: {
        type: "http",
        scheme: "bearer",
        description:
          "The session token, or a creditor organisation's API token (`thads_pat_…`, created on /creditor/tokens, scopes cases:read, requests:read and requests:write, expiring, revocable, 120 requests a minute).",
      },
    },
    schemas: {
      Error: error,
      CreditorCase: {
        type: "object",
        properties: {
          id: { type: "string", format: "uuid" },
          case_number: { type: "string" },
          province_name: { type: "string" },
          province_slug: { type: ["string", "null"] },
          unit_name: { type: "string" },
          status: { type: "string" },
          debtor_name: { type: "string" },
          money_due: money,
          money_collected: money,
          money_outstanding: money,
          next_deadline_on: { ...date, type: ["string", "null"] },
          next_deadline_kind: { type: ["string", "null"] },
          executor_name: { type: ["string", "null"] },
          assets_at_auction: { type: "integer" },
          next_round_on: { ...date, type: ["string", "null"] },
        },
      },
      CreditorRequest: {
        type: "object",
        properties: {
          tracking_code: { type: "string" },
          kind: { type: "string" },
          status: { type: "string", enum: ["submitted", "received", "processing", "returned", "rejected"] },
          unit_name: { type: "string" },
          submitted_on: date,
          closed_on: { ...date, type: ["string", "null"] },
          requester_name: { type: "string" },
          own: { type: "boolean", description: "Filed by this account (false: filed by someone else with its ID number)." },
          result_note: { type: ["string", "null"] },
        },
      },
    },
  },
  security: [{ session: [] }, { bearer: [] }],
  paths: {
    "/api/v1/cases": {
      get: {
        summary: "The case list of the staff (50 a page), with the case list page's filters.",
        parameters: [
          query("q", "Debtor name or case number (diacritics ignored), or a party's exact ID number."),
          query("status", "A case status."),
          query("category", "bank_credit or corruption."),
          query("judgmentType", "civil, criminal, administrative, family, business, labour, bankruptcy, arbitration."),
          query("executor", "Executor's user id.", { type: "string", format: "uuid" }),
          query("unit", "Owning unit code, e.g. P-HAI-PHONG-KV01."),
          query("province", "Province code, e.g. P-HAI-PHONG."),
          query("overdue", "1: only cases whose next legal deadline has passed."),
          query("open", "1: only the active workload."),
          query("moneyMin", "Money to enforce at least, whole đồng."),
          query("moneyMax", "Money to enforce at most, whole đồng."),
          query("from", "Accepted on or after (dd/mm/yyyy or yyyy-mm-dd)."),
          query("to", "Accepted on or before (dd/mm/yyyy or yyyy-mm-dd)."),
          query("sort", "accepted_desc, money_desc or deadline_asc."),
          query("page", "Page number.", { type: "integer", minimum: 1 }),
        ],
        responses: { "200": { description: "data, page, pageSize, total, totalIsCapped." }, ...errors(400, 401, 403) },
      },
    },
    "/api/v1/cases/{id}": {
      get: {
        summary: "One case of the staff: its facts, parties, obligations, deadlines and timeline.",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: { "200": { description: "The case." }, ...errors(401, 403, 404) },
      },
    },
    "/api/v1/stats": {
      get: {
        summary: "The official statistics of a unit for a period (forms 1 and 2), as on the dashboards.",
        parameters: [
          { name: "unit", in: "query", required: true, schema: { type: "string" }, description: "Unit code." },
          { name: "from", in: "query", required: true, schema: date },
          { name: "to", in: "query", required: true, schema: date },
        ],
        responses: { "200": { description: "The figures." }, ...errors(400, 401, 403, 404) },
      },
    },
    "/api/v1/public/{slug}/offices": {
      get: {
        summary: "Where a province takes requests: its provincial bureau and current sub-bureaus, with the unitId a filing names (public).",
        security: [],
        parameters: [
          { name: "slug", in: "path", required: true, schema: { type: "string" }, description: "Province slug, e.g. hai-phong." },
        ],
        responses: {
          "200": {
            description: "The offices that take requests: id, code (the bulk filing file's noi_nhan), name, kind (province or subunit).",
          },
          ...errors(400, 404),
        },
      },
    },
    "/api/v1/public/{slug}/auctions": {
      get: {
        summary: "A province's published auction notices (public, no authentication).",
        security: [],
        parameters: [
          { name: "slug", in: "path", required: true, schema: { type: "string" }, description: "Province slug, e.g. hai-phong." },
        ],
        responses: { "200": { description: "The notices." }, ...errors(404) },
      },
    },
    "/api/v1/creditor/cases": {
      get: {
        summary: "The creditor's own cases in every province (scope cases:read).",
        parameters: [
          query("province", "Province slug, e.g. ha-noi."),
          query("status", "A case status."),
          query("q", "Case number or debtor name."),
        ],
        responses: {
          "200": {
            description: "Every case where the account is a creditor party.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: { type: "array", items: { $ref: "#/components/schemas/CreditorCase" } },
                    total: { type: "integer" },
                    totalIsCapped: { type: "boolean", description: "More than 10,000 cases: narrow by province or status." },
                  },
                },
              },
            },
          },
          ...errors(401, 403, 429),
        },
      },
    },
    "/api/v1/creditor/requests": {
      get: {
        summary: "The creditor's requests: filed from the account, or with its linked ID number (scope requests:read).",
        responses: {
          "200": {
            description: "The requests.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: { type: "array", items: { $ref: "#/components/schemas/CreditorRequest" } },
                    total: { type: "integer" },
                  },
                },
              },
            },
          },
          ...errors(401, 403, 429),
        },
      },
      post: {
        summary:
          "Files a request in the organisation's name (scope requests:write; an API token only). The fields are the public form's for the procedure; the requester's ID number or tax code must be one linked to the account.",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["procedure", "idempotencyKey", "unitId", "requesterName", "requesterIdNumber", "requesterAddress", "content"],
                properties: {
                  procedure: {
                    type: "string",
                    enum: [...REQUEST_KINDS],
                  },
                  idempotencyKey: {
                    type: "string",
                    format: "uuid",
                    description: "New for each request; the same key again answers the first filing.",
                  },
                  unitId: { type: "string", format: "uuid", description: "A provincial bureau or one of its current sub-bureaus." },
                  requesterName: { type: "string", maxLength: 300 },
                  requesterIdNumber: { type: "string", description: "One of the account's linked ID numbers or tax codes." },
                  requesterPhone: { type: "string" },
                  requesterEmail: { type: "string", format: "email" },
                  requesterAddress: { type: "string", maxLength: 500 },
                  content: { type: "string", minLength: 10, maxLength: 4000 },
                  judgmentCourt: { type: "string", description: "enforcement_request" },
                  judgmentNumber: { type: "string", description: "enforcement_request" },
                  judgmentDate: { type: "string", description: "enforcement_request, dd/mm/yyyy" },
                  debtorName: { type: "string", description: "enforcement_request" },
                  debtorAddress: { type: "string", description: "enforcement_request (optional)" },
                  preferredExecutor: {
                    type: "string",
                    description: "enforcement_request (optional): the executor the creditor proposes; the head of the office decides.",
                  },
                  caseReference: { type: "string", description: "Other procedures: the case or decision number, when known." },
                  executorName: { type: "string", description: "executor_change" },
                  subject: { type: "string", description: "complaint, denunciation" },
                  attachments: {
                    type: "array",
                    maxItems: 3,
                    description:
                      "PDF, PNG or JPEG (recognised by their first bytes), 5 MB each; required for the procedures that require documents.",
                    items: {
                      type: "object",
                      required: ["name", "contentBase64"],
                      properties: {
                        name: { type: "string", maxLength: 200 },
                        contentBase64: { type: "string", contentEncoding: "base64" },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          "200": {
            description: "The same idempotencyKey again: the first filing's tracking code, `retried` true; nothing new is written.",
          },
          "201": {
            description: "Filed.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: {
                      type: "object",
                      properties: { trackingCode: { type: "string" }, procedure: { type: "string" }, retried: { type: "boolean" } },
                    },
                  },
                },
              },
            },
          },
          ...errors(400, 401, 403, 409, 413, 415, 429),
        },
      },
    },
    "/api/v1/creditor/notifications": {
      get: {
        summary:
          "The account's notifications, oldest first: request status changes (scope requests:read), payments and passed deadlines (scope cases:read).",
        parameters: [
          query("since", "Only those created after this time (ISO 8601); page on with the last one's createdAt.", {
            type: "string",
            format: "date-time",
          }),
          query("unread", "1: unread ones only."),
          query("limit", "How many, 1 to 500 (default 100).", { type: "integer", minimum: 1, maximum: 500 }),
        ],
        responses: {
          "200": { description: "{ data: [{ id, kind, case_id, request_id, payload, created_at, read }], total }." },
          ...errors(400, 401, 403, 429),
        },
      },
    },
    "/api/v1/openapi.json": {
      get: { summary: "This document.", security: [], responses: { "200": { description: "OpenAPI 3.1." } } },
    },
  },
} as const;
