// Response shapes of the models page (routing.routes.ts), as JSON schema for OpenAPI and serialisation.
import { Type } from "@sinclair/typebox";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Share = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

const KindFigures = Nullable(
  Type.Object({
    trainedOn: Type.Integer({ description: "closed cases the stored model learnt from" }),
    heldOut: Type.Integer({ description: "held-out cases the figures were measured on" }),
    accuracy: Share,
    macroF1: Share,
    top3: Share,
    labels: Type.Integer(),
    otherShare: Share,
    trainer: Type.String(),
    trainMs: Type.Integer(),
  }),
);

export const ModelVersion = Type.Object({
  version: Type.Integer(),
  trainedAt: Nullable(Type.String()),
  dataUntil: Nullable(Type.String({ description: "newest close time among the cases learnt from" })),
  active: Type.Boolean(),
  activatedAt: Nullable(Type.String()),
  activatedBy: Nullable(Type.String()),
  note: Nullable(Type.String({ description: "why the run was (not) activated" })),
  pruned: Type.Boolean({ description: "only the figures are kept: cannot be activated" }),
  category: KindFigures,
  unit: KindFigures,
  thresholdCategories: Type.Integer(),
  thresholdsSet: Type.Integer(),
  comparison: Nullable(
    Type.Object(
      {
        basis: Type.String({ description: "first | fresh-held-out | recorded" }),
        cases: Type.Integer(),
        candidate: Type.Object({ category: Type.Number(), unit: Type.Number() }),
        active: Nullable(Type.Object({ category: Type.Number(), unit: Type.Number() })),
        notWorse: Type.Boolean(),
      },
      { description: "top-1 accuracies of this run and of the pair active when it was trained" },
    ),
  ),
});

export const TrainingState = Type.Object({
  running: Type.Boolean(),
  startedAt: Nullable(Type.String()),
  trigger: Nullable(Type.String()),
  lastFinishedAt: Nullable(Type.String()),
  lastVersion: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
});

export const AutoDispatchFigures = Type.Object({
  days: Type.Integer(),
  from: Type.String(),
  dispatched: Type.Integer(),
  auto: Type.Integer(),
  share: Share,
  right: Type.Integer(),
  wrong: Type.Integer(),
  pending: Type.Integer(),
  precision: Share,
});

export const VersionsPage = Type.Object({
  items: Type.Array(ModelVersion),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  training: TrainingState,
  autoDispatch: Nullable(AutoDispatchFigures),
});

export const ModelLabel = Type.Object({
  label: Type.String({ description: "a category code, or a seat (level:kind) of the unit model" }),
  name: Nullable(Type.String()),
  precision: Type.Number(),
  recall: Type.Number(),
  f1: Type.Number(),
  support: Type.Integer({ description: "held-out cases with this label" }),
  threshold: Nullable(
    Type.Object({
      threshold: Share,
      precision: Share,
      coverage: Share,
      support: Type.Integer(),
    }),
  ),
});
