// How the outcome of a merged problem reaches a reporter's phone. Like the one-time codes
// (otp-sender.ts) there is no SMS gateway yet: in demo mode the message goes to the server log (the
// demo's "phone"); otherwise there is no sender and the notice waits on the hotline's call-back list.
// A city connects its gateway by adding an implementation of OutcomeSender here.
import { maskPhone } from "../lib/mask.ts";
import type { Logger } from "../logger.ts";
import type { Services } from "../services.ts";

export interface OutcomeSender {
  /** Delivers `text` to `phone`; throws when it cannot. */
  send(phone: string, text: string): Promise<void>;
}

export class LogOutcomeSender implements OutcomeSender {
  constructor(private readonly logger: Logger) {}
  async send(phone: string, text: string): Promise<void> {
    this.logger.info({ phone: maskPhone(phone), notice: "demo" }, `outcome message to ${maskPhone(phone)}: ${text}`);
  }
}

/** The sender for this server, or null when messages cannot be delivered. */
export function outcomeSenderFor(services: Pick<Services, "config" | "logger">): OutcomeSender | null {
  return services.config.CIVICGRID_DEMO ? new LogOutcomeSender(services.logger) : null;
}

/** What the message says: the case it was handled under and its public result, short. */
export function outcomeText(survivorCode: string, result: string | null): string {
  const gist = result ? `:${result.length > 60 ? `${result.slice(0, 60)}…` : result}` : "";
  return `【市域治理】您反映的问题已与${survivorCode}并案办理,现已办结${gist}`;
}
