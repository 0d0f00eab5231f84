// `npm start`: the CivicGrid server on the embedded PostgreSQL (or DATABASE_URL).
import { boot, seedDemoHistory } from "./boot.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { startDemoLive } from "./jobs/demo-live.ts";
import { startSweeper } from "./jobs/sweeper.ts";
import { createLogger } from "./logger.ts";

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const started = Date.now();
  const { handle, services, app, prepared } = await boot(config, logger);
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ port: config.PORT, ms: Date.now() - started }, "CivicGrid is answering");
  // the year of demo history is generated after the server answers; it appears at once when done
  services.status.seeding = true;
  let stopSweeper = () => {};
  let stopDemoLive = () => {};
  void seedDemoHistory(handle, config, logger)
    .then((r) => r && logger.info({ ...r, msSinceStart: Date.now() - started }, "demo history ready"))
    .catch((err) => logger.error({ err }, "demo history failed"))
    .finally(() => {
      services.status.seeding = false;
      stopSweeper = startSweeper(services);
      // demo mode only (jobs/demo-live.ts): after the history, so its patrols and cases come first
      stopDemoLive = startDemoLive(services);
    });
  if (prepared.generatedPassword) {
    // printed once, on the start that created the accounts; not written to the structured log
    process.stdout.write(
      `\n  Demo accounts created (city_dispatcher, bajiazi_center, yuhua_grid01, …).\n  Password: ${prepared.generatedPassword}\n  Set CIVICGRID_DEMO_PASSWORD to choose it.\n\n`,
    );
  }
  if (prepared.generatedOpen311Key) {
    // shown once, like the password: only its hash is stored (docs/open311.md)
    process.stdout.write(
      `\n  Open311 demo client created. API key: ${prepared.generatedOpen311Key}\n  POST http://localhost:${config.PORT}/open311/v2/requests.json with api_key=<key>; set CIVICGRID_OPEN311_KEY to choose it.\n\n`,
    );
  }
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    stopSweeper();
    stopDemoLive();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
