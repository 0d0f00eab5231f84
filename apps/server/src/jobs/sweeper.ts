// Runs the SLA sweep on an interval, never two at once in this process; several servers are safe
// because each batch locks its rows with SKIP LOCKED and every step is guarded by its timestamp.
import type { Services } from "../services.ts";
import { anonymiseExpiredReporters } from "./anonymise-reporters.ts";
import { AUDIT_DAILY_MS, runAuditDaily } from "./audit-daily.ts";
import { deliverOutcomeNotices } from "./deliver-outcome-notices.ts";
import { indexCaseTexts } from "./index-case-texts.ts";
import { RETRAIN_CHECK_EVERY_MS, retrainModelsIfDue } from "./retrain-models.ts";
import { ANALYSIS_EVERY_MS, sweepAnalysis } from "./sweep-analysis.ts";
import { sweepDeadlines } from "./sweep-deadlines.ts";
import { sweepUnlinkedUploads } from "./sweep-unlinked-uploads.ts";

export function startSweeper(services: Services): () => void {
  const seconds = services.config.SWEEP_INTERVAL_SECONDS;
  if (seconds === 0) return () => {};
  let running = false;
  let auditDailyAt = 0; // the first tick after start runs it, then once a day
  let analysisAt = 0; // common problems and trends (docs/analysis.md): first tick, then hourly
  let retrainAt = 0; // routing models (docs/classification.md): checked on the first tick, then hourly
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
      const notices = await deliverOutcomeNotices({ services });
      if (notices.sent + notices.shown + notices.callback + notices.failed > 0) {
        services.logger.info(notices, "outcome notices delivered");
      }
    } catch (err) {
      services.logger.error({ err }, "outcome notice delivery failed");
    }
    if (Date.now() - analysisAt >= ANALYSIS_EVERY_MS) {
      analysisAt = Date.now();
      await sweepAnalysis({ services })
        .then((r) => services.logger.info(r, "analysis sweep"))
        .catch((err) => services.logger.error({ err }, "analysis sweep failed"));
    }
    if (Date.now() - retrainAt >= RETRAIN_CHECK_EVERY_MS) {
      retrainAt = Date.now();
      // starts a run in a worker thread when one is due and returns at once
      await retrainModelsIfDue({ services })
        .then((r) => r.started && services.logger.info(r, "routing model retrain started"))
        .catch((err) => services.logger.error({ err }, "routing model retrain check failed"));
    }
    // search tokens of cases written without them (before 020, bulk loads): a share per tick
    await indexCaseTexts({ db: services.db, batchSize: 500, limit: 20_000 })
      .then((r) => r.cases > 0 && services.logger.info(r, "case texts indexed for search"))
      .catch((err) => services.logger.error({ err }, "search indexing failed"));
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
