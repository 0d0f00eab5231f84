// Common problems and trends (共性问题 / 分析研判): the alerts of one's area with the cases behind
// them, the centre's verdicts on them and the governance task (治理任务), and the monthly
// common-problem report. Permissions analysis:view / analysis:manage; docs/analysis.md.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { loadCategoryTree } from "../analysis/categories.ts";
import { actorOf } from "../http/auth.ts";
import { CaseSchema, ErrorResponse, errorResponses, Page, PageQuery } from "../http/schemas.ts";
import { presentAlert, presentAlertDetail } from "../presenters/analysis-alert.ts";
import { presentCaseSummary } from "../presenters/case.ts";
import { presentPage } from "../presenters/page.ts";
import { getAnalysisAlert } from "../use-cases/get-analysis-alert.ts";
import { getCommonProblemsReport } from "../use-cases/get-common-problems-report.ts";
import { listAnalysisAlertCases } from "../use-cases/list-analysis-alert-cases.ts";
import { type AlertStatus, listAnalysisAlerts } from "../use-cases/list-analysis-alerts.ts";
import { openGovernanceTask } from "../use-cases/open-governance-task.ts";
import { REVIEW_ACTIONS, type ReviewAction, reviewAnalysisAlert } from "../use-cases/review-analysis-alert.ts";
import {
  AlertDetailSchema,
  AlertListQuery,
  AlertSchema,
  MonthlyQuery,
  MonthlySchema,
  ReviewBody,
  TaskBody,
  TaskResultSchema,
} from "./analysis-schemas.ts";

const tags = ["analysis"];
const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const readErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const IfMatch = Type.Object({ "if-match": Type.Optional(Type.String({ pattern: '^(W/)?"?[0-9]{1,9}"?$' })) });
const versionOf = (h: string | undefined) =>
  h === undefined ? undefined : Number(h.replace(/^W\//, "").replaceAll('"', ""));

const REVIEW_SUMMARY: Record<ReviewAction, string> = {
  acknowledge: "Acknowledge an open alert (已研判)",
  dismiss: "Dismiss an alert that is not a real problem (忽略); it stays dismissed while its signal lasts",
  reopen: "Reopen an acknowledged or dismissed alert",
};

export async function analysisRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;

  r.get(
    "/analysis/alerts",
    {
      schema: {
        tags,
        summary: "Hotspots (共性问题) and trend alerts (趋势异常) of your area: live first, most surprising first",
        querystring: Type.Object({ ...AlertListQuery, ...PageQuery }),
        response: { 200: Page(AlertSchema), ...readErrors },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, kind, status, active, division } = request.query;
      const result = await listAnalysisAlerts({
        services,
        actor: actorOf(request),
        filter: {
          kind: kind as "hotspot" | "trend" | undefined,
          status: status as AlertStatus[] | undefined,
          active,
          division,
        },
        page,
        pageSize,
      });
      const categories = await loadCategoryTree(services.db);
      return presentPage(result, (row) => presentAlert(row, services.places, categories));
    },
  );

  r.get(
    "/analysis/alerts/:id",
    {
      schema: {
        tags,
        summary: "One alert: its figures explained, its counts over time, the points of the cases behind it, its task",
        params: IdParams,
        response: { 200: AlertDetailSchema, ...readErrors },
      },
    },
    async (request) =>
      presentAlertDetail(
        await getAnalysisAlert({ services, actor: actorOf(request), id: request.params.id }),
        services.places,
      ),
  );

  r.get(
    "/analysis/alerts/:id/cases",
    {
      schema: {
        tags,
        summary: "The cases behind an alert (its place, category and window), newest first",
        params: IdParams,
        querystring: Type.Object(PageQuery),
        response: { 200: Page(CaseSchema), ...readErrors },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      const result = await listAnalysisAlertCases({
        services,
        actor: actorOf(request),
        id: request.params.id,
        page,
        pageSize,
      });
      const now = services.clock.now();
      return presentPage(result, (row) => ({
        ...presentCaseSummary(row, services.places, now),
        lat: row.lat,
        lng: row.lng,
      }));
    },
  );

  for (const action of REVIEW_ACTIONS) {
    r.post(
      `/analysis/alerts/:id/${action}`,
      {
        schema: {
          tags,
          summary: REVIEW_SUMMARY[action],
          description: "Send If-Match with the alert's `version` to act only on the alert as you saw it (else 409).",
          params: IdParams,
          headers: IfMatch,
          body: ReviewBody,
          response: { 200: AlertSchema, ...errorResponses },
        },
      },
      async (request) => {
        const row = await reviewAnalysisAlert({
          services,
          actor: actorOf(request),
          id: request.params.id,
          action,
          note: request.body.note,
          expectedVersion: versionOf(request.headers["if-match"]),
          ip: request.ip,
        });
        return presentAlert(row, services.places, await loadCategoryTree(services.db));
      },
    );
  }

  r.post(
    "/analysis/alerts/:id/task",
    {
      schema: {
        tags,
        summary: "Open a governance task (治理任务): a case at the root cause, routed, registered and dispatched",
        description:
          "The case takes the alert's category (a class: its most frequent category) at the centre of the cases " +
          "behind it, is routed by the responsibility list, registered and dispatched to the routed unit; it is " +
          "linked to the alert (status tasked) and to the cases behind it. When the routing names no unit or the " +
          "dispatch is refused, the task stays registered for a dispatcher (`dispatched: false`).",
        params: IdParams,
        body: TaskBody,
        response: { 201: TaskResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await openGovernanceTask({
        services,
        actor,
        id: request.params.id,
        note: request.body.note,
        ip: request.ip,
      });
      const [detail, categories] = await Promise.all([
        getAnalysisAlert({ services, actor, id: request.params.id }),
        loadCategoryTree(services.db),
      ]);
      return reply.status(201).send({
        alert: presentAlert(detail.alert, services.places, categories),
        taskCase: presentCaseSummary(result.taskCase, services.places, services.clock.now()),
        dispatched: result.dispatched,
        dispatchError: result.dispatchError,
      });
    },
  );

  r.get(
    "/analysis/monthly",
    {
      schema: {
        tags,
        summary: "The monthly common-problem report (共性问题月报): top and rising categories, hotspots, alerts, text",
        querystring: Type.Object(MonthlyQuery),
        response: { 200: MonthlySchema, ...readErrors },
      },
    },
    async (request) =>
      getCommonProblemsReport({
        services,
        actor: actorOf(request),
        month: request.query.month,
        division: request.query.division,
      }),
  );
}
