// The request body of each case action, as JSON schema (validated by Fastify, shown in OpenAPI).
import { type CaseAction, RATINGS, RETURN_REASONS } from "@civicgrid/shared";
import { type TObject, Type } from "@sinclair/typebox";
import { MAX_PHOTOS } from "../attachments/link-photos.ts";

const text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const note = Type.Optional(Type.String({ maxLength: 2000 }));
const unitCode = Type.String({ minLength: 1, maxLength: 64 });
const strict = <T extends Parameters<typeof Type.Object>[0]>(props: T, description: string) =>
  Type.Object(props, { additionalProperties: false, description });

export const ACTION_BODIES: Record<CaseAction, TObject> = {
  register: strict({ note }, "立案: accept the report as a case"),
  reject: strict({ reason: text(2000) }, "不予立案: refuse the report, with a reason"),
  merge: strict({ targetId: Type.String({ format: "uuid" }), note }, "并案: join this case to an earlier open one"),
  dispatch: strict(
    {
      unitCode,
      assistUnitCodes: Type.Optional(Type.Array(unitCode, { maxItems: 10, uniqueItems: true })),
      note,
      categoryCode: Type.Optional(
        Type.String({ pattern: "^[A-Z0-9]{2,16}$", description: "the dispatcher's (re)classification (类别)" }),
      ),
    },
    "派遣: send the case to the lead unit, with optional assisting units (主办/协办) and the category confirmed",
  ),
  accept: strict({ note }, "签收: the owning unit takes the case on"),
  return: strict(
    { reason: text(2000), reasonCode: Type.Optional(Type.Union(RETURN_REASONS.map((r) => Type.Literal(r)))) },
    "退回: send it back to the dispatching centre with a reason",
  ),
  escalate: strict({ reason: text(2000) }, "上报: hand the case to the level above"),
  assign: strict({ unitCode, note }, "下派: hand the case to a centre one level down"),
  feedback: strict(
    {
      note: text(5000),
      photoIds: Type.Optional(Type.Array(Type.String({ format: "uuid" }), { maxItems: MAX_PHOTOS, uniqueItems: true })),
    },
    "处置反馈: report the work done",
  ),
  verify: strict(
    {
      pass: Type.Boolean(),
      note: Type.String({ maxLength: 2000 }),
      photoIds: Type.Optional(Type.Array(Type.String({ format: "uuid" }), { maxItems: MAX_PHOTOS, uniqueItems: true })),
    },
    "核查: pass closes; fail sends back (返工); with photos taken on site",
  ),
  evaluate: strict(
    {
      rating: Type.Union(RATINGS.map((r) => Type.Literal(r))),
      comment: Type.Optional(Type.String({ maxLength: 2000 })),
      solved: Type.Optional(
        Type.Boolean({ description: "问题是否解决; when absent, any rating but unsatisfied counts as solved" }),
      ),
    },
    "评价: the reporter's rating and whether the problem was solved",
  ),
  reopen: strict({ reason: text(2000) }, "重新办理: reopen after an unsatisfied rating"),
  "extend-request": strict(
    { until: Type.String({ format: "date-time" }), reason: text(2000) },
    "延期申请: ask for a later deadline",
  ),
  "extend-approve": strict({ approve: Type.Boolean(), note }, "延期审批: grant or refuse the pending request"),
  supervise: strict({ note: text(2000) }, "督办: a superior's pressing note"),
  "me-too": strict({ note: Type.Optional(text(2000)) }, "附议: another caller about the same open problem"),
  "resolve-direct": strict({ answer: text(4000) }, "直接办结: a consultation answered at once"),
};
