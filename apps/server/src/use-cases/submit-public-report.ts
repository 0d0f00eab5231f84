// A citizen's report from the portal: placed by its map point or, failing that, by the community or
// township its address names; the phone kept only when its one-time code checks out; photos those
// the browser's token uploaded. The case enters the same intake as every channel (createCase, source
// `web`, no staff actor) and the citizen gets a receipt code, stored hashed, to follow it.
import { recordAudit } from "../audit/record-audit.ts";
import type { CaseRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { receiptForKey } from "../idempotency/public-receipt-key.ts";
import { consumeOtp, releaseOtp } from "../public/otp.ts";
import { isPhoneBanned, normalizePhone } from "../public/phone.ts";
import { requirePublicToken } from "../public/public-token.ts";
import { formatReceipt, hashReceipt, newReceiptCode } from "../public/receipt.ts";
import { resolveAddress } from "../public/resolve-address.ts";
import type { Services } from "../services.ts";
import { type CreateCaseInput, createCase, findCreateReplay } from "./create-case.ts";

export interface PublicReportInput {
  lat?: number;
  lng?: number;
  address?: string;
  categoryCode?: string;
  description: string;
  name?: string;
  phone?: string;
  otpCode?: string;
  photoIds?: string[];
}

export interface SubmitPublicReportOptions {
  services: Services;
  input: PublicReportInput;
  /** the browser's token (X-Public-Token); needed when photos are named */
  publicToken?: string;
  /** Idempotency-Key (needs the token): a retry gets the same case and the same receipt */
  idempotencyKey?: string;
  ip?: string | null;
}

export interface SubmittedPublicReport {
  row: CaseRow;
  /** shown once, never stored in clear */
  receipt: string;
  /** the division the address text was placed in, when there was no map point */
  placedBy: { code: string; name: string; level: string } | null;
  /** an earlier request with the same Idempotency-Key created this case */
  replayed: boolean;
}

export async function submitPublicReport({
  services,
  input,
  publicToken,
  idempotencyKey,
  ip,
}: SubmitPublicReportOptions): Promise<SubmittedPublicReport> {
  const { db, clock } = services;
  if ((input.lat === undefined) !== (input.lng === undefined)) {
    throw new AppError("VALIDATION_FAILED", {
      field: input.lat === undefined ? "lat" : "lng",
      problem: "lat and lng go together",
    });
  }
  if (input.otpCode && !input.phone)
    throw new AppError("VALIDATION_FAILED", { field: "otpCode", problem: "a code needs its phone" });
  const photoIds = input.photoIds ?? [];
  // a key belongs to the browser's token (and the receipt is derived from both), so it needs one
  const token = photoIds.length > 0 || idempotencyKey ? await requirePublicToken(services, publicToken) : undefined;

  let point: { lat: number; lng: number };
  let placedBy: SubmittedPublicReport["placedBy"] = null;
  const address = input.address?.trim() || undefined;
  if (input.lat !== undefined && input.lng !== undefined) point = { lat: input.lat, lng: input.lng };
  else if (address) {
    const resolved = await resolveAddress(services, address);
    point = { lat: resolved.lat, lng: resolved.lng };
    placedBy = resolved.division;
  } else throw new AppError("LOCATION_REQUIRED");

  const phone = input.phone ? normalizePhone(input.phone) : null;
  const name = input.name?.trim() || undefined;
  const caseInput: CreateCaseInput = {
    description: input.description,
    lat: point.lat,
    lng: point.lng,
    categoryCode: input.categoryCode,
    address,
    source: "web",
    reporter: name || phone ? { name, phone: phone ?? undefined } : undefined,
    photoIds,
  };
  // a retry is answered before its (already spent) one-time code is looked at
  if (idempotencyKey && token) {
    const replay = await findCreateReplay({
      services,
      actor: null,
      publicToken: token,
      idempotencyKey,
      input: caseInput,
    });
    if (replay)
      return { row: replay, receipt: formatReceipt(receiptForKey(token, idempotencyKey)), placedBy, replayed: true };
  }
  const phoneHash = phone ? (services.pii.phoneHash(phone) as string) : null;
  if (phoneHash && (await isPhoneBanned(db, phoneHash))) throw new AppError("PHONE_BANNED");
  if (phone && !input.otpCode) throw new AppError("OTP_REQUIRED");
  // the code is spent before the case is written; if the case is then refused, it is given back
  const otpId =
    phone && phoneHash ? await consumeOtp(db, phone, input.otpCode as string, clock.now(), phoneHash) : null;

  // 12 characters of a 31-letter alphabet (≈ 59 bits): a clash is not a practical concern, and the
  // unique hash would refuse it rather than hand out someone else's case
  const receipt = idempotencyKey && token ? receiptForKey(token, idempotencyKey) : newReceiptCode();
  let row: CaseRow;
  let replayed: boolean;
  try {
    ({ row, replayed } = await createCase({
      services,
      actor: null,
      publicToken: token,
      idempotencyKey,
      // the receipt exists exactly when the case does
      within: async (trx, created) => {
        await trx
          .insertInto("public_receipts")
          .values({ receipt_hash: hashReceipt(receipt), case_id: created.id, created_at: clock.now() })
          .execute();
      },
      input: caseInput,
    }));
  } catch (err) {
    if (otpId) await releaseOtp(db, otpId);
    throw err;
  }
  // a concurrent retry created it first: this request's code was not needed
  if (replayed) {
    if (otpId) await releaseOtp(db, otpId);
    return { row, receipt: formatReceipt(receipt), placedBy, replayed };
  }
  await recordAudit(services, {
    actor: null,
    action: "public.report",
    objectType: "case",
    objectId: row.id,
    outcome: "success",
    ip,
    detail: {
      code: row.code,
      phoneVerified: phone !== null,
      photos: photoIds.length,
      placedBy: placedBy?.code ?? null,
    },
  });
  return { row, receipt: formatReceipt(receipt), placedBy, replayed: false };
}
