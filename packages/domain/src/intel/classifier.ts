// Public surface of the text classifier (suggested category/unit for a report, auto-dispatch).
// See docs/classification.md for the method and the figures measured.

export { crossValidate, type EvaluationResult, evaluateSplit, type ScoredPrediction } from "./cross-validate.ts";
export { stratifiedFolds } from "./folds.ts";
export {
  type ClassificationMetrics,
  calibrationError,
  chooseThreshold,
  classificationMetrics,
  type LabelFigures,
  type ThresholdChoice,
} from "./metrics.ts";
export { type Prediction, parseTextModel, predictTopK, type TextModel, type TrainerKind } from "./text-model.ts";
export {
  atStoredPrecision,
  encodeTextModel,
  type StoredTextModel,
  TextModelFormatError,
  type TextModelMeta,
} from "./text-model-format.ts";
export { normaliseText, type TokenizeOptions, tokenize } from "./tokenize.ts";
export {
  type Candidate,
  DEFAULT_FEATURES,
  DEFAULT_TRAINER,
  SELECTION_GRID,
  type TrainingExample,
  type TrainOptions,
  trainTextModel,
} from "./train-text-model.ts";
