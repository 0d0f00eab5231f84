import type { CaseAction } from "@civicgrid/shared";

/** A schema-valid body for each action, for matrix tests. */
export const ACTION_SAMPLE_BODIES: Record<CaseAction, Record<string, unknown>> = {
  register: {},
  reject: { reason: "不属实" },
  merge: { targetId: "00000000-0000-4000-8000-000000000001" },
  dispatch: { unitCode: "210303003003-station" },
  accept: {},
  return: { reason: "不属于本单位" },
  escalate: { reason: "需上级协调" },
  assign: { unitCode: "210303003000-centre" },
  feedback: { note: "已处置" },
  verify: { pass: true, note: "" },
  evaluate: { rating: "satisfied" },
  reopen: { reason: "不满意" },
  "extend-request": { until: "2027-01-10T00:00:00.000Z", reason: "材料" },
  "extend-approve": { approve: true },
  supervise: { note: "请加快" },
  "me-too": {},
  "resolve-direct": { answer: "已电话答复" },
};
