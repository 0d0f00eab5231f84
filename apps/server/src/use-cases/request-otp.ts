// A one-time code for a citizen's phone: refused for barred phones, and (503) where no sender can
// deliver it; otherwise stored hashed and handed to the sender (demo mode: the server log).

import { AppError } from "../errors.ts";
import { maskPhone } from "../lib/mask.ts";
import { newOtpCode, OTP_TTL_MS, storeOtp } from "../public/otp.ts";
import { otpSenderFor } from "../public/otp-sender.ts";
import { isPhoneBanned, normalizePhone } from "../public/phone.ts";
import type { Services } from "../services.ts";

export interface RequestOtpOptions {
  services: Services;
  phone: string;
}

export async function requestOtp({ services, phone }: RequestOtpOptions) {
  const normalized = normalizePhone(phone);
  const phoneHash = services.pii.phoneHash(normalized) as string;
  if (await isPhoneBanned(services.db, phoneHash)) throw new AppError("PHONE_BANNED");
  const sender = otpSenderFor(services);
  if (!sender) {
    services.logger.warn({ phone: maskPhone(normalized) }, "OTP requested, but no SMS gateway is configured");
    throw new AppError("OTP_UNAVAILABLE");
  }
  const code = newOtpCode();
  await storeOtp(services.db, normalized, code, services.clock.now(), phoneHash);
  await sender.send(normalized, code);
  return { phone: maskPhone(normalized), expiresInSeconds: OTP_TTL_MS / 1000 };
}
