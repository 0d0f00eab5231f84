// The body of every reveal of personal data (a case's reporter, one "me too" caller): a reason.
import { Type } from "@sinclair/typebox";
import { MIN_REVEAL_REASON } from "../use-cases/reveal-reporter-phone.ts";

export const RevealBody = Type.Object(
  { reason: Type.String({ minLength: MIN_REVEAL_REASON, maxLength: 500, pattern: "\\S" }) },
  { additionalProperties: false },
);
