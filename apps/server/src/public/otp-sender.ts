// How a one-time code reaches the citizen's phone. There is no SMS gateway yet: the only sender
// writes the code to the server log, and only in demo mode (CIVICGRID_DEMO), where the log is the
// demo's "phone". Outside demo mode there is no sender and the portal says codes are unavailable;
// a city connects its SMS gateway by adding an implementation of OtpSender here.

import { maskPhone } from "../lib/mask.ts";
import type { Logger } from "../logger.ts";
import type { Services } from "../services.ts";

export interface OtpSender {
  /** Delivers `code` to `phone` (11 digits); throws when it cannot. */
  send(phone: string, code: string): Promise<void>;
}

/** Demo mode: the code goes to the server log (masked phone, code in the message). */
export class LogOtpSender implements OtpSender {
  constructor(private readonly logger: Logger) {}
  async send(phone: string, code: string): Promise<void> {
    const masked = maskPhone(phone);
    this.logger.info({ phone: masked, otp: "demo" }, `OTP for ${masked}: ${code}`);
  }
}

/** The sender for this server, or null when codes cannot be delivered. */
export function otpSenderFor(services: Pick<Services, "config" | "logger">): OtpSender | null {
  return services.config.CIVICGRID_DEMO ? new LogOtpSender(services.logger) : null;
}
