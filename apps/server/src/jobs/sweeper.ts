// Runs the SLA sweep on an interval, never two at once in this process; several servers are safe
// because each batch locks its rows with SKIP LOCKED and every step is guarded by its timestamp.
import type { Services } from "../services.ts";
import { anonymiseExpiredReporters } from "./anonymise-reporters.ts";
import { AUDIT_DAILY_MS, runAuditDaily } from "./audit-daily.ts";
import { sweepDeadlines } from "./sweep-deadlines.ts";
import { sweepUnlinkedUploads } from "./sweep-unlinked-uploads.ts";

export function startSweeper(services: Services): () => void {
  const seconds = services.config.SWEEP_INTERVAL_SECONDS;
  if (seconds === 0) return () => {};
  let running = false;
  let auditDailyAt = 0; // the first tick after start runs it, then once a day
  const tick = async () => {
    if (running) return;
    running = true;
    if (Date.now() - auditDailyAt >= AUDIT_DAILY_MS) {
      auditDailyAt = Date.now();
      await runAuditDaily(services).catch((err) => services.logger.error({ err }, "daily audit purge/verify failed"));
      // personal-data retention: daily is plenty (months-long limit)
      await anonymiseExpiredReporters({ services })
        .then(
          (r) => r.cases > 0 && services.logger.info({ cases: r.cases, callers: r.callers }, "reporters anonymised"),
        )
        .catch((err) => services.logger.error({ err }, "personal-data retention failed"));
    }
    try {
      const r = await sweepDeadlines({ services });
      if (r.warned + r.overdue + r.escalated > 0) services.logger.info(r, "SLA sweep");
    } catch (err) {
      services.logger.error({ err }, "SLA sweep failed");
    }
    try {
      const uploads = await sweepUnlinkedUploads({ services });
      if (uploads.deleted > 0) services.logger.info(uploads, "unlinked uploads removed");
    } catch (err) {
      services.logger.error({ err }, "unlinked upload sweep failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
