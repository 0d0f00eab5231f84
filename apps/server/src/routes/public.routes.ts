// The citizens' portal API (/api/v1/public): no staff sign-in. Every route here is explicitly public
// (`config: { auth: false }`) and carries its abuse limits (per address, per phone) as preHandlers.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ErrorResponse, errorResponses } from "../http/schemas.ts";
import { presentTrackedReport } from "../presenters/public-report.ts";
import { PUBLIC_STATUS } from "../public/citizen.ts";
import { byIp, type PublicLimit, publicLimit } from "../public/limits.ts";
import { normalizePhone } from "../public/phone.ts";
import { createPublicSession } from "../use-cases/create-public-session.ts";
import { locatePoint } from "../use-cases/locate-point.ts";
import { performCitizenAction } from "../use-cases/perform-citizen-action.ts";
import { requestOtp } from "../use-cases/request-otp.ts";
import { MAX_PUBLIC_CATEGORIES, searchPublicCategories } from "../use-cases/search-public-categories.ts";
import { type PublicReportInput, submitPublicReport } from "../use-cases/submit-public-report.ts";
import { trackPublicReport } from "../use-cases/track-public-report.ts";
import { publicMediaRoutes } from "./public-media.routes.ts";
import {
  EvaluationBody,
  OtpBody,
  Place,
  PublicCategory,
  PublicTokenHeader,
  Receipt,
  ReceiptParams,
  ReopenBody,
  ReportBody,
  TrackedReport,
} from "./public-schemas.ts";

const PUBLIC = { auth: false } as const;
/** Retries with the same key and body are answered as the first request (same case, same receipt). */
const IdempotencyHeader = Type.Object({
  "idempotency-key": Type.Optional(Type.String({ minLength: 8, maxLength: 128, pattern: "^[\\x21-\\x7e]+$" })),
});
const tags = ["citizens' portal"];
const withLimits = { ...errorResponses, 429: ErrorResponse, 503: ErrorResponse };

/** The phone of a validated body, normalised; null when absent (or not a phone: validation refuses it). */
function phoneOf(request: FastifyRequest): string | null {
  const phone = (request.body as { phone?: unknown } | undefined)?.phone;
  if (typeof phone !== "string") return null;
  try {
    return normalizePhone(phone);
  } catch {
    return null;
  }
}

export async function publicRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;
  const limit = (name: PublicLimit, keyOf: (request: FastifyRequest) => string | null = byIp) =>
    publicLimit(app, name, keyOf);

  r.post(
    "/public/session",
    {
      config: PUBLIC,
      preHandler: [limit("sessionPerIp")],
      schema: {
        tags,
        summary:
          "A token for this browser (random 32 bytes): send it as X-Public-Token with photo uploads and the report",
        response: { 201: Type.Object({ token: Type.String() }), 429: ErrorResponse },
      },
    },
    async (_request, reply) => {
      const session = await createPublicSession({ services });
      return reply.status(201).header("cache-control", "no-store").send(session);
    },
  );

  r.get(
    "/public/categories",
    {
      config: PUBLIC,
      preHandler: [limit("trackPerIp")],
      schema: {
        tags,
        summary: `Categories a citizen may choose, searched by name (at most ${MAX_PUBLIC_CATEGORIES})`,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 30 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PUBLIC_CATEGORIES, default: 20 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(PublicCategory) }), 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request) => ({
      items: await searchPublicCategories({ services, q: request.query.q, limit: request.query.limit ?? 20 }),
    }),
  );

  r.get(
    "/public/locate",
    {
      config: PUBLIC,
      preHandler: [limit("trackPerIp")],
      schema: {
        tags,
        summary: "The district, township and community of a map point (names), to confirm the place chosen",
        querystring: Type.Object({
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lng: Type.Number({ minimum: -180, maximum: 180 }),
        }),
        response: { 200: Place, 400: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request) => {
      const found = locatePoint({ services, lat: request.query.lat, lng: request.query.lng });
      return { district: found.district.name, township: found.township.name, community: found.community.name };
    },
  );

  r.post(
    "/public/otp",
    {
      config: PUBLIC,
      preHandler: [limit("otpPerIp"), limit("otpPerPhoneMinute", phoneOf), limit("otpPerPhoneHour", phoneOf)],
      schema: {
        tags,
        summary: "Send a one-time code to a phone (valid 5 minutes, 5 tries)",
        description:
          "Demo mode: the code is written to the server log (there is no SMS gateway yet); otherwise 503 OTP_UNAVAILABLE. " +
          "Barred phones get 403 PHONE_BANNED. Limits: 1 a minute and 5 an hour per phone, 10 an hour per address.",
        body: OtpBody,
        response: {
          202: Type.Object({ phone: Type.String(), expiresInSeconds: Type.Integer() }),
          ...withLimits,
        },
      },
    },
    async (request, reply) => reply.status(202).send(await requestOtp({ services, phone: request.body.phone })),
  );

  r.post(
    "/public/reports",
    {
      config: PUBLIC,
      preHandler: [limit("reportPerIp"), limit("reportPerPhone", phoneOf)],
      schema: {
        tags,
        summary: "Report a problem: a map point (or an address naming a community or township), description, photos",
        description:
          "A phone is kept only with its one-time code (POST /public/otp). Photos are those uploaded with the same " +
          "X-Public-Token. Returns the receipt code, shown only this once.",
        headers: Type.Composite([PublicTokenHeader, IdempotencyHeader]),
        body: ReportBody,
        response: { 201: Receipt, ...withLimits },
      },
    },
    async (request, reply) => {
      const { row, receipt, placedBy, replayed } = await submitPublicReport({
        services,
        input: request.body as PublicReportInput,
        publicToken: request.headers["x-public-token"],
        idempotencyKey: request.headers["idempotency-key"],
        ip: request.ip,
      });
      if (replayed) reply.header("Idempotent-Replayed", "true");
      return (
        reply
          .status(201)
          .header("cache-control", "no-store")
          // a replay answers as the first time: the status the report had when it was received
          .send({
            receipt,
            code: row.code,
            status: PUBLIC_STATUS[replayed ? "reported" : (row.status as "reported")],
            placedBy,
          })
      );
    },
  );

  r.get(
    "/public/reports/:receipt",
    {
      config: PUBLIC,
      preHandler: [limit("trackPerIp")],
      schema: {
        tags,
        summary: "Follow a report by its receipt code: status, public timeline, result, evaluation",
        params: ReceiptParams,
        response: { 200: TrackedReport, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const found = await trackPublicReport({ services, receipt: request.params.receipt });
      reply.header("cache-control", "no-store");
      return presentTrackedReport(found, services.places, request.params.receipt);
    },
  );

  r.post(
    "/public/reports/:receipt/evaluation",
    {
      config: PUBLIC,
      preHandler: [limit("actionPerIp")],
      schema: {
        tags,
        summary: "Rate the handling of a closed report: satisfied, basically or unsatisfied, with a comment",
        params: ReceiptParams,
        headers: IdempotencyHeader,
        body: EvaluationBody,
        response: { 200: TrackedReport, ...withLimits },
      },
    },
    async (request) => {
      const { receipt } = request.params;
      await performCitizenAction({
        services,
        receipt,
        input: { action: "evaluate", ...request.body },
        idempotencyKey: request.headers["idempotency-key"],
        ip: request.ip,
      });
      return presentTrackedReport(await trackPublicReport({ services, receipt }), services.places, receipt);
    },
  );

  r.post(
    "/public/reports/:receipt/reopen",
    {
      config: PUBLIC,
      preHandler: [limit("actionPerIp")],
      schema: {
        tags,
        summary: "Not satisfied: have the report handled again (once)",
        params: ReceiptParams,
        headers: IdempotencyHeader,
        body: ReopenBody,
        response: { 200: TrackedReport, ...withLimits },
      },
    },
    async (request) => {
      const { receipt } = request.params;
      await performCitizenAction({
        services,
        receipt,
        input: { action: "reopen", ...request.body },
        idempotencyKey: request.headers["idempotency-key"],
        ip: request.ip,
      });
      return presentTrackedReport(await trackPublicReport({ services, receipt }), services.places, receipt);
    },
  );

  await app.register(publicMediaRoutes);
}
