// Start-up shared by `npm start` and the tests: connect, migrate, seed an empty database, load the
// directory of places and the calendar, and build the app.
import { EventEmitter } from "node:events";
import { chainUnhashedAudit } from "./audit/chain-legacy.ts";
import type { Config } from "./config.ts";
import { ensureAppRole } from "./db/app-role.ts";
import { connectDatabase, type DbHandle } from "./db/connect.ts";
import { migrate } from "./db/migrate.ts";
import { buildApp } from "./http/app.ts";
import { loadCalendar } from "./lib/calendar.ts";
import { type Clock, systemClock } from "./lib/clock.ts";
import type { Logger } from "./logger.ts";
import { createStorage } from "./media/create-storage.ts";
import { seedDemoOpen311Client } from "./open311/seed-demo-client.ts";
import { convertClearPii } from "./pii/convert-clear.ts";
import { loadPii } from "./pii/pii.ts";
import { PlaceDirectory } from "./places/directory.ts";
import { seedDemoAccounts } from "./seed/seed-demo.ts";
import { seedDemoPatrols } from "./seed/seed-demo-patrols.ts";
import { seedDemoGridWorkers } from "./seed/seed-demo-workers.ts";
import { seedDemoGridAssignments } from "./seed/seed-grid-workers.ts";
import { seedHistory } from "./seed/seed-history.ts";
import { isSeeded, seedReference } from "./seed/seed-reference.ts";
import type { Services } from "./services.ts";
import { prepareFirstStart } from "./users/first-start.ts";

export interface PrepareResult {
  /** the generated demo password, when this start created the demo accounts without one given */
  generatedPassword: string | null;
  /** the generated key of the demo Open311 client, when this start created it without CIVICGRID_OPEN311_KEY */
  generatedOpen311Key: string | null;
  seeded: boolean;
}

/** Migrate and, on an empty database, seed the reference data and the demo accounts. Safe on every start. */
export async function prepareDatabase(handle: DbHandle, config: Config, logger: Logger): Promise<PrepareResult> {
  // migrations and seeding run as the owner; the app's own role is (re)granted right after them
  const db = handle.owner.db;
  const applied = await migrate(handle.owner.pool);
  if (applied.length) logger.info({ applied }, "migrations applied");
  if (handle.appRolePassword) await ensureAppRole(handle.owner.pool, handle.appRolePassword, logger);
  // audit rows written before 012 get their hash chain
  await chainUnhashedAudit(db, config, logger);
  // rows written before 013 hold personal data in clear: seal them (batched, idempotent)
  await convertClearPii(db, loadPii(config), logger);
  let seeded = false;
  if (!(await isSeeded(db))) {
    await seedReference(db, logger);
    seeded = true;
  }
  let generatedPassword: string | null = null;
  let generatedOpen311Key: string | null = null;
  if (config.CIVICGRID_DEMO) {
    generatedPassword = await seedDemoAccounts(db, logger, config.CIVICGRID_DEMO_PASSWORD);
    await seedDemoGridAssignments(db);
    await seedDemoGridWorkers(db, logger);
    generatedOpen311Key = await seedDemoOpen311Client(db, logger, config.CIVICGRID_OPEN311_KEY);
  } else {
    // no default accounts outside demo mode: a one-time setup code for the first system admin
    await prepareFirstStart(db, config, logger);
  }
  return { generatedPassword, generatedOpen311Key, seeded };
}

/**
 * Demo mode: a year of history ending `now`, in one transaction (all or nothing). Does nothing once
 * any case exists, so a restart after a crash mid-seed simply seeds again.
 */
export async function seedDemoHistory(handle: DbHandle, config: Config, logger: Logger, now: Date = new Date()) {
  if (!config.CIVICGRID_DEMO || config.SEED_HISTORY_CASES === 0) return null;
  const calendar = await loadCalendar(handle.owner.db);
  const pii = loadPii(config);
  const history = await seedHistory({
    db: handle.owner.db,
    logger,
    count: config.SEED_HISTORY_CASES,
    now,
    calendar,
    pii,
  });
  // a week of the per-grid workers' patrols (seed-demo-patrols.ts): once, like the cases
  const places = await PlaceDirectory.load(handle.owner.db);
  const patrols = await seedDemoPatrols({ db: handle.owner.db, logger, places, now });
  return { ...history, patrols: patrols.patrols };
}

export async function createServices(handle: DbHandle, config: Config, logger: Logger, clock: Clock = systemClock) {
  const [places, calendar] = await Promise.all([PlaceDirectory.load(handle.db), loadCalendar(handle.db)]);
  const services: Services = {
    db: handle.db,
    config,
    logger,
    clock,
    places,
    calendar,
    events: new EventEmitter(),
    storage: createStorage(config),
    pii: loadPii(config),
    status: { seeding: false },
  };
  services.events.setMaxListeners(0);
  return services;
}

export async function boot(config: Config, logger: Logger) {
  const handle = await connectDatabase(config, logger);
  const prepared = await prepareDatabase(handle, config, logger);
  const services = await createServices(handle, config, logger);
  const app = await buildApp(services);
  return { handle, services, app, prepared };
}
