// JSON schemas of the citizens' portal API (/api/v1/public). Responses are described in full: the
// serializer drops anything not listed, a second guard against personal data leaving by accident.
import { RATINGS } from "@civicgrid/shared";
import { type TSchema, Type } from "@sinclair/typebox";
import { MAX_PHOTOS } from "../attachments/link-photos.ts";
import { PHONE_INPUT_PATTERN } from "../public/phone.ts";
import { RECEIPT_INPUT_PATTERN } from "../public/receipt.ts";

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Phone = Type.String({ pattern: PHONE_INPUT_PATTERN, description: "a mainland mobile number" });
export const Rating = Type.Union(RATINGS.map((r) => Type.Literal(r)));
export const PublicTokenHeader = Type.Object({
  "x-public-token": Type.Optional(Type.String({ maxLength: 200, description: "from POST /public/session" })),
});

export const ReceiptParams = Type.Object({ receipt: Type.String({ pattern: RECEIPT_INPUT_PATTERN }) });
export const PhotoQuery = Type.Object(
  { size: Type.Optional(Type.Union([Type.Literal("original"), Type.Literal("thumb")])) },
  { additionalProperties: false },
);

export const OtpBody = Type.Object({ phone: Phone }, { additionalProperties: false });

export const ReportBody = Type.Object(
  {
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    address: Type.Optional(
      Type.String({ maxLength: 200, description: "used to place the report when there is no point" }),
    ),
    categoryCode: Type.Optional(Type.String({ pattern: "^[A-Z0-9]{2,16}$" })),
    description: Type.String({ minLength: 1, maxLength: 2000, pattern: "\\S" }),
    name: Type.Optional(Type.String({ maxLength: 30 })),
    phone: Type.Optional(Phone),
    otpCode: Type.Optional(Type.String({ pattern: "^[0-9]{6}$" })),
    photoIds: Type.Optional(Type.Array(Type.String({ format: "uuid" }), { maxItems: MAX_PHOTOS, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const EvaluationBody = Type.Object(
  {
    rating: Rating,
    comment: Type.Optional(Type.String({ maxLength: 500 })),
    solved: Type.Optional(
      Type.Boolean({ description: "问题是否解决; when absent, any rating but unsatisfied counts as solved" }),
    ),
  },
  { additionalProperties: false },
);
export const ReopenBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, pattern: "\\S" }) },
  { additionalProperties: false },
);

const PhotoRef = Type.Object({ id: Type.String(), url: Type.String(), thumbnailUrl: Type.String() });
export const Place = Type.Object({
  district: Nullable(Type.String()),
  township: Nullable(Type.String()),
  community: Nullable(Type.String()),
});

export const Receipt = Type.Object({
  receipt: Type.String({ description: "shown once: the citizen's key to follow the report" }),
  code: Type.String(),
  status: Type.String(),
  placedBy: Nullable(Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() })),
});

export const TrackedReport = Type.Object({
  receipt: Type.String(),
  code: Type.String(),
  status: Type.String({
    description: "received | registered | handling | verifying | closed | evaluated | rejected | merged",
  }),
  category: Nullable(Type.String()),
  description: Type.String(),
  address: Nullable(Type.String()),
  place: Place,
  reportedAt: Type.String(),
  photos: Type.Array(PhotoRef),
  timeline: Type.Array(Type.Object({ step: Type.String(), at: Type.String(), unit: Nullable(Type.String()) })),
  result: Nullable(
    Type.Object({ note: Type.String(), closedAt: Nullable(Type.String()), photos: Type.Array(PhotoRef) }),
  ),
  evaluation: Nullable(
    Type.Object({ rating: Type.String(), comment: Nullable(Type.String()), at: Nullable(Type.String()) }),
  ),
  mergedInto: Nullable(
    Type.Object(
      {
        code: Type.String(),
        status: Type.String(),
        result: Nullable(Type.Object({ note: Nullable(Type.String()), closedAt: Nullable(Type.String()) })),
      },
      { description: "a merged report (并案): the case it was handled under, and its result once closed" },
    ),
  ),
  reopened: Type.Boolean(),
  canEvaluate: Type.Boolean(),
  canReopen: Type.Boolean(),
});

export const PublicResult = Type.Object({
  id: Type.String(),
  category: Nullable(Type.String()),
  place: Place,
  result: Type.String(),
  closedAt: Nullable(Type.String()),
  rating: Nullable(Type.String()),
  photos: Type.Array(PhotoRef),
});

export const PublicCategory = Type.Object({ code: Type.String(), name: Type.String(), group: Nullable(Type.String()) });

export const UploadedPhoto = Type.Object({
  id: Type.String({ format: "uuid" }),
  contentType: Type.String(),
  size: Type.Integer(),
  width: Type.Integer(),
  height: Type.Integer(),
});
