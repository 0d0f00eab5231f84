// Demo live activity, the case part: a new report by a grid worker on patrol, through the real
// create-case use case, and one or two cases moved a step on through the real perform-case-action
// use case by a user who may take that step (the grid worker of the grid, the reporter, the handling
// unit's or a coordinating centre's staff), so the screen's live stream shows what a city's day shows.
import { availableActions } from "@civicgrid/domain";
import type { CaseAction, CaseStatus, Rating, Role } from "@civicgrid/shared";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { factsFor, snapshotOf } from "../cases/facts.ts";
import type { CaseRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { Rng } from "../seed/history/random.ts";
import { HistoryTexts } from "../seed/history/texts.ts";
import type { CaseTexts } from "../seed/history/types.ts";
import { pointInGrid } from "../seed/patrol-walk.ts";
import { readSeedJson } from "../seed/seed-data.ts";
import type { Services } from "../services.ts";
import { createCase } from "../use-cases/create-case.ts";
import { performCaseAction } from "../use-cases/perform-case-action.ts";
import type { DemoWorker } from "./demo-live-patrols.ts";

/** The step that moves a case on from each status, and who is asked first. */
const FORWARD: Partial<Record<CaseStatus, CaseAction>> = {
  reported: "register",
  registered: "dispatch",
  dispatched: "accept",
  accepted: "feedback",
  handled: "verify",
  closed: "evaluate",
};
const FEEDBACK_NOTES = [
  "已安排人员到场处置,问题已整改完毕。",
  "经现场处理,已恢复正常,附处置说明。",
  "已协调相关责任单位完成整改。",
  "已组织清理,现场恢复整洁。",
];
const VERIFY_NOTES = ["现场核查,已处置到位。", "经回访核实,问题已解决。", "网格员复核,整改完成。"];
const RATINGS: Rating[] = ["satisfied", "satisfied", "satisfied", "basically"];

/** The seed's case texts (categories, templates), loaded once. */
export async function loadDemoTexts(services: Services): Promise<HistoryTexts> {
  const categories = await services.db
    .selectFrom("categories")
    .select(["code", "name", "kind", "parent_code"])
    .where("active", "=", true)
    .execute();
  return new HistoryTexts(
    readSeedJson<CaseTexts>("case-texts.json"),
    categories.map((c) => ({ code: c.code, name: c.name, kind: c.kind, parentCode: c.parent_code })),
  );
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: string[];
  unit_code: string;
}

/** A user as a use case sees them; null when the unit is unknown (a unit created after start). */
export function actorOf(services: Services, u: UserRow): Actor | null {
  const unit = services.places.unit(u.unit_code);
  if (!unit) return null;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles as Role[],
    unit,
    sessionId: "demo-live",
  };
}

/** A grid worker reports a problem where they stand (or somewhere in their grid). */
export async function reportDemoCase(
  services: Services,
  texts: HistoryTexts,
  worker: DemoWorker,
  at: { lat: number; lng: number } | null,
  rng: Rng,
): Promise<CaseRow | null> {
  const actor = actorOf(services, {
    id: worker.userId,
    username: worker.username,
    display_name: worker.displayName,
    roles: ["grid_worker"],
    unit_code: worker.unitCode,
  });
  const box = services.places.gridBounds([worker.gridCode]);
  const spot =
    at ?? (box && pointInGrid(rng, worker.gridCode, box, (lat, lng) => services.places.locate(lat, lng)?.grid ?? null));
  if (!actor || !spot) return null;
  const place = services.places.placeOfGrid(worker.gridCode);
  const communityName = place ? (services.places.division(place.community)?.name ?? "") : "";
  const month = new Date(services.clock.now().getTime() + 8 * 3_600_000).getUTCMonth();
  const category = texts.drawCategory(rng, month, false);
  const { title, description } = texts.caseText(rng, category, texts.vars(rng, communityName));
  const { row } = await createCase({
    services,
    actor,
    input: { source: "grid", title, description, categoryCode: category.categoryCode, lat: spot.lat, lng: spot.lng },
  });
  return row;
}

export interface Advanced {
  caseId: string;
  action: CaseAction;
  from: CaseStatus;
  to: CaseStatus;
  by: string;
}

/** Moves up to `count` random cases one step on; cases nobody here may move are passed over. */
export async function advanceDemoCases(
  services: Services,
  count: number,
  rng: Rng,
  /** cases left alone this time (the one just reported waits for the next tick) */
  skip: readonly string[] = [],
): Promise<Advanced[]> {
  const { db, places } = services;
  const candidates = await sql<CaseRow>`
    select * from cases
     where (status in ('reported', 'registered', 'dispatched', 'accepted', 'handled')
        or (status = 'closed' and rating is null and reported_by is not null))
       and not (id = any(${[...skip]}::uuid[]))
     -- new reports are registered first, as a centre does (and auto-dispatch gets its turn)
     order by (status = 'reported') desc, random() limit 30`.execute(db);
  const done: Advanced[] = [];
  for (const row of candidates.rows) {
    if (done.length >= count) break;
    const action = FORWARD[row.status as CaseStatus];
    if (!action || (action === "dispatch" && !row.suggested_unit_code)) continue;
    const place = places.placeOfGrid(row.grid_code);
    const units = [row.owner_unit_code, row.centre_unit_code]
      .concat(place ? [place.township, place.district, place.city].map((d) => places.centreOf(d)) : [])
      .filter((u): u is string => !!u);
    const users = await db
      .selectFrom("users")
      .select(["id", "username", "display_name", "roles", "unit_code"])
      .where("active", "=", true)
      .where((eb) =>
        eb.or([
          eb("unit_code", "in", units),
          eb("username", "=", `gw${row.grid_code.trim()}`),
          ...(row.reported_by ? [eb("id", "=", row.reported_by)] : []),
        ]),
      )
      .limit(40)
      .execute();
    // the grid's worker checks on site and the reporter rates; then the nearest unit up the chain
    const rank = (u: UserRow) =>
      u.username === `gw${row.grid_code.trim()}` ? -2 : u.id === row.reported_by ? -1 : units.indexOf(u.unit_code);
    users.sort((a, b) => rank(a) - rank(b));
    for (const u of users) {
      const actor = actorOf(services, u);
      if (!actor || !availableActions(snapshotOf(row), factsFor(actor, row, places)).includes(action)) continue;
      try {
        const updated = await performCaseAction({
          services,
          actor,
          caseId: row.id,
          action,
          body: bodyFor(action, row, rng),
        });
        done.push({
          caseId: row.id,
          action,
          from: row.status as CaseStatus,
          to: updated.status as CaseStatus,
          by: u.username,
        });
      } catch (err) {
        // a case someone else moved meanwhile, a unit out of reach: pass it over
        if (!(err instanceof AppError)) throw err;
        services.logger.debug({ caseId: row.id, action, code: err.code }, "demo live: step skipped");
      }
      break;
    }
  }
  return done;
}

function bodyFor(action: CaseAction, row: CaseRow, rng: Rng): Record<string, unknown> {
  switch (action) {
    case "dispatch":
      return { unitCode: row.suggested_unit_code };
    case "feedback":
      return { note: rng.pick(FEEDBACK_NOTES) };
    case "verify":
      return { pass: true, note: rng.pick(VERIFY_NOTES) };
    case "evaluate":
      return { rating: rng.pick(RATINGS), solved: true };
    default:
      return {};
  }
}
