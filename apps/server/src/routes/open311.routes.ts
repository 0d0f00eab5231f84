// Open311 GeoReport v2 at /open311/v2 (docs/open311.md): discovery, services, service definitions,
// requests (GET with filters, POST with an api_key) and tokens, each as .json or .xml. Errors are
// the spec's [{code, description}] in the requested format, from this plugin's own error handler.
import type { RateLimitOptions } from "@fastify/rate-limit";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import {
  FORMATS,
  JURISDICTION_ID,
  MAX_PAGE_SIZE,
  MAX_REQUEST_IDS,
  type Open311Format,
  POSTS_PER_MINUTE,
} from "../open311/constants.ts";
import { errorItems, formatOfUrl, handleOpen311Error, langOf, sendErrors } from "../open311/errors.ts";
import { send } from "../open311/render.ts";
import { normalizeBody, parseForm, readPostBody } from "../open311/request-input.ts";
import {
  presentCreated,
  presentDiscovery,
  presentRequest,
  presentService,
  presentServiceDefinition,
  presentToken,
} from "../presenters/open311.ts";
import { authenticateOpen311Client, type Open311Client } from "../use-cases/authenticate-open311-client.ts";
import { getOpen311Discovery } from "../use-cases/get-open311-discovery.ts";
import { getOpen311Request } from "../use-cases/get-open311-request.ts";
import { getOpen311Service } from "../use-cases/get-open311-service.ts";
import { listOpen311Requests } from "../use-cases/list-open311-requests.ts";
import { listOpen311Services } from "../use-cases/list-open311-services.ts";
import { resolveOpen311Token } from "../use-cases/resolve-open311-token.ts";
import { submitOpen311Request } from "../use-cases/submit-open311-request.ts";

const FormatParams = Type.Object({ format: Type.String({ maxLength: 10 }) });
const FileParams = Type.Object({ file: Type.String({ maxLength: 200 }) });
const Jurisdiction = { jurisdiction_id: Type.Optional(Type.String({ maxLength: 100 })) };
/** Our extension: the spec caps a response at 1000 requests; `page` reaches the next 1000. */
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: MAX_PAGE_SIZE })),
};
const codeList = (item: string) => `^${item}(,${item})*$`;
const RequestsQuery = Type.Object({
  ...Jurisdiction,
  service_request_id: Type.Optional(Type.String({ pattern: codeList("[A-Za-z0-9-]{1,40}"), maxLength: 9000 })),
  service_code: Type.Optional(Type.String({ pattern: codeList("[A-Za-z0-9]{1,16}"), maxLength: 2000 })),
  start_date: Type.Optional(Type.String({ format: "date-time" })),
  end_date: Type.Optional(Type.String({ format: "date-time" })),
  status: Type.Optional(Type.String({ pattern: codeList("(open|closed)"), maxLength: 20 })),
  ...Paging,
});

/** `json` or `xml` from a route's extension; anything else is a resource we do not have. */
function formatOf(ext: string): Open311Format {
  if ((FORMATS as readonly string[]).includes(ext)) return ext as Open311Format;
  throw new AppError("OPEN311_FORMAT_UNSUPPORTED", { param: "format", value: ext });
}

/** `AS-20261127-000123.json` → the id and the format. */
function splitFile(file: string): { id: string; format: Open311Format } {
  const dot = file.lastIndexOf(".");
  if (dot <= 0) throw new AppError("OPEN311_FORMAT_UNSUPPORTED", { param: "format", value: "" });
  return { id: file.slice(0, dot), format: formatOf(file.slice(dot + 1)) };
}

/** The endpoint's public base URL, as the client reached it. */
function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/open311/v2`;
}

/** Link header for the next page (the `page` extension); the total is in X-Total-Count. */
function pageHeaders(reply: FastifyReply, request: FastifyRequest, total: number, page: number, size: number) {
  reply.header("x-total-count", String(total));
  if (page * size < total) {
    const url = new URL(request.url, `${request.protocol}://${request.host}`);
    url.searchParams.set("page", String(page + 1));
    reply.header("link", `<${url.pathname}${url.search}>; rel="next"`);
  }
}

/** POSTs per client (honoured when @fastify/rate-limit is registered, with global: false). */
const POST_LIMIT: RateLimitOptions = {
  max: POSTS_PER_MINUTE,
  timeWindow: 60_000,
  // after the api_key check, so the limit is per client rather than per IP
  hook: "preHandler",
  keyGenerator: (request) => `open311:${request.open311Client?.id ?? request.ip}`,
};

const split = (v: string | undefined) => (v ? [...new Set(v.split(","))] : undefined);

export async function open311Routes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  app.setErrorHandler(handleOpen311Error);
  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    sendErrors(reply, formatOfUrl(request.url), errorItems("ROUTE_NOT_FOUND", langOf(request)));
  app.setNotFoundHandler(notFound);
  // the served web app's static wildcard would otherwise take unknown GETs under this prefix
  app.all("/*", { schema: { hide: true } }, notFound);
  app.all("/", { schema: { hide: true } }, notFound);
  // the spec's POST body; this parser exists only under /open311/v2
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 256 * 1024 },
    (_request, body, done) => done(null, parseForm(body as string)),
  );
  app.decorateRequest("open311Client", null);
  // the spec: an empty parameter is the same as one not given
  app.addHook("preValidation", async (request) => {
    const q = request.query as Record<string, unknown>;
    for (const k of Object.keys(q ?? {})) if (q[k] === "") delete q[k];
  });
  // one jurisdiction is served; naming another is a 404, as the spec asks
  app.addHook("preHandler", async (request) => {
    const fromQuery = (request.query as Record<string, unknown> | undefined)?.jurisdiction_id;
    const fromBody = (request.body as Record<string, unknown> | undefined)?.jurisdiction_id;
    const given = [fromQuery, fromBody].find((v) => typeof v === "string" && v.trim() !== "") as string | undefined;
    const site = given
      ?.trim()
      .toLowerCase()
      .replace(/^www\./, "");
    if (given && site !== JURISDICTION_ID) {
      throw new AppError("OPEN311_JURISDICTION_NOT_FOUND", { param: "jurisdiction_id", value: given });
    }
  });

  const tags = ["open311"];

  r.get(
    "/discovery.:format",
    { schema: { tags, summary: "Service discovery (Open311)", params: FormatParams, querystring: Type.Object({}) } },
    async (request, reply) => {
      const format = formatOf(request.params.format);
      const { changeset } = await getOpen311Discovery({ services });
      return send(reply, format, "discovery", presentDiscovery(changeset, baseUrl(request), langOf(request)));
    },
  );

  r.get(
    "/services.:format",
    {
      schema: {
        tags,
        summary: "Service list: our leaf categories with a responsibility-list entry",
        params: FormatParams,
        querystring: Type.Object({ ...Jurisdiction, ...Paging }),
      },
    },
    async (request, reply) => {
      const format = formatOf(request.params.format);
      const { page = 1, page_size: size = MAX_PAGE_SIZE } = request.query;
      const result = await listOpen311Services({ services, page, pageSize: size });
      pageHeaders(reply, request, result.total, page, size);
      const lang = langOf(request);
      return send(
        reply,
        format,
        "services",
        result.rows.map((s) => presentService(s, lang)),
      );
    },
  );

  r.get(
    "/services/:file",
    {
      schema: {
        tags,
        summary: "Service definition ({service_code}.json|xml); no service has extra attributes",
        params: FileParams,
        querystring: Type.Object(Jurisdiction),
      },
    },
    async (request, reply) => {
      const { id, format } = splitFile(request.params.file);
      const service = await getOpen311Service({ services, code: id });
      return send(reply, format, "service_definition", presentServiceDefinition(service));
    },
  );

  r.get(
    "/requests.:format",
    {
      schema: {
        tags,
        summary: "Service requests: by id list, or by service, status and date (≤ 90 days, ≤ 1000 per page)",
        params: FormatParams,
        querystring: RequestsQuery,
      },
    },
    async (request, reply) => {
      const format = formatOf(request.params.format);
      const q = request.query;
      const ids = split(q.service_request_id);
      if (ids && ids.length > MAX_REQUEST_IDS) {
        throw new AppError("VALIDATION_FAILED", { param: "service_request_id", value: `> ${MAX_REQUEST_IDS} ids` });
      }
      const { page = 1, page_size: size = MAX_PAGE_SIZE } = q;
      const result = await listOpen311Requests({
        services,
        filter: {
          ids,
          serviceCodes: split(q.service_code),
          statuses: split(q.status) as ("open" | "closed")[] | undefined,
          startDate: q.start_date ? new Date(q.start_date) : undefined,
          endDate: q.end_date ? new Date(q.end_date) : undefined,
        },
        page,
        pageSize: size,
      });
      pageHeaders(reply, request, result.total, page, size);
      const lang = langOf(request);
      return send(
        reply,
        format,
        "service_requests",
        result.rows.map((row) => presentRequest(row, services.places, lang)),
      );
    },
  );

  r.get(
    "/requests/:file",
    {
      schema: {
        tags,
        summary: "One service request ({service_request_id}.json|xml)",
        params: FileParams,
        querystring: Type.Object(Jurisdiction),
      },
    },
    async (request, reply) => {
      const { id, format } = splitFile(request.params.file);
      const row = await getOpen311Request({ services, id });
      return send(reply, format, "service_requests", [presentRequest(row, services.places, langOf(request))]);
    },
  );

  r.post(
    "/requests.:format",
    {
      schema: {
        tags,
        summary: "Create a service request (api_key required; form-encoded as the spec says, or JSON)",
        params: FormatParams,
      },
      // the api_key first: a refused client learns nothing about its body
      preHandler: [
        async (request) => {
          const body = normalizeBody(request.body);
          const apiKey = body.api_key ?? (request.query as Record<string, unknown>).api_key;
          request.open311Client = await authenticateOpen311Client({ services, apiKey });
        },
      ],
      config: { rateLimit: POST_LIMIT },
    },
    async (request, reply) => {
      const format = formatOf(request.params.format);
      const input = readPostBody(request.body);
      const client = request.open311Client as Open311Client;
      const created = await submitOpen311Request({
        services,
        client,
        input,
        ip: request.ip,
        idempotencyKey: idempotencyKeyOf(request.headers["idempotency-key"]),
      });
      return send(reply, format, "service_requests", presentCreated(created, langOf(request)), 201);
    },
  );

  r.get(
    "/tokens/:file",
    {
      schema: {
        tags,
        summary: "The service_request_id of a token ({token}.json|xml)",
        params: FileParams,
        querystring: Type.Object(Jurisdiction),
      },
    },
    async (request, reply) => {
      const { id, format } = splitFile(request.params.file);
      return send(reply, format, "service_requests", presentToken(await resolveOpen311Token({ services, token: id })));
    },
  );
}

declare module "fastify" {
  interface FastifyRequest {
    /** the client of a POST /open311/v2/requests, from its api_key */
    open311Client: import("../use-cases/authenticate-open311-client.ts").Open311Client | null;
  }
}

/** An optional Idempotency-Key header (an extension to the spec): 8–128 visible characters. */
function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== "string" || !/^[\x21-\x7e]{8,128}$/.test(header)) {
    throw new AppError("VALIDATION_FAILED", { param: "Idempotency-Key", problem: "8–128 visible ASCII characters" });
  }
  return header;
}
