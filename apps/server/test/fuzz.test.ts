// Property-based fuzzing of every route in the app's own OpenAPI document (plus /healthz), as an
// anonymous caller, with junk credentials, and as a grid worker, a centre dispatcher and the system
// admin (by bearer token or session cookie). Every response: no 5xx, no leaked internals, the error
// envelope (Open311: its own); and a batch in which every unsafe request was refused leaves the
// database's fingerprint unchanged. FUZZ_SEED reproduces a run; FUZZ_RUNS sets the request count.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { diffFingerprints, fingerprint, installWriteCounters, responseProblems } from "./fuzz/checks.ts";
import { type CallerKind, type GeneratedRequest, operationsOf, requestArb } from "./fuzz/requests.ts";
import type { Pool } from "./fuzz/values.ts";
import { createTestContext, type TestContext } from "./harness.ts";

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const TOTAL = Number(process.env.FUZZ_RUNS ?? 10_500);
const BATCH = 16;
const PARALLEL = 4;
const CALLERS: Record<Exclude<CallerKind, "anonymous" | "junk">, string> = {
  grid: "yuhua_grid01",
  centre: "bajiazi_center",
  sysadmin: "sysadmin",
};

let ctx: TestContext;
let pool: Pool;
const tokens = new Map<CallerKind, string>();

async function buildPool(): Promise<Pool> {
  const { db } = ctx.services;
  const grid = await ctx.login("yuhua_grid01");
  const point = await pointIn(ctx, YUHUA);
  const category = await categoryRoutedTo(ctx, "territorial", "community");
  const made = await report(ctx, grid, {
    description: "fuzz target",
    ...point,
    categoryCode: category.code,
    source: "grid",
  });
  const cases = await db.selectFrom("cases").select("id").orderBy("reported_at", "desc").limit(3).execute();
  // only users that are not fuzz callers: the admin may deactivate or reset them
  const users = await db
    .selectFrom("users")
    .select("id")
    .where("username", "not in", [...Object.values(CALLERS), "secadmin", "auditor"])
    .limit(2)
    .execute();
  const units = await db
    .selectFrom("units")
    .select("code")
    .where("code", "not like", "210303003%")
    .where("code", "not like", "210303003003%")
    .where("type", "=", "community_station")
    .limit(2)
    .execute();
  const grids = await db.selectFrom("grids").select("code").limit(2).execute();
  const cats = await db.selectFrom("categories").select("code").limit(2).execute();
  return {
    uuids: [
      made.json().id,
      ...cases.map((c) => c.id),
      ...users.map((u) => u.id),
      "00000000-0000-4000-8000-000000000000",
    ],
    codes: [
      ...units.map((u) => u.code),
      ...grids.map((g) => g.code),
      ...cats.map((c) => c.code),
      YUHUA,
      "2026",
      "xml",
      "json",
    ],
    strings: ["tiedong_center", "nobody", "井盖破损", "json", "xml", category.code],
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  for (const [kind, username] of Object.entries(CALLERS)) tokens.set(kind as CallerKind, await ctx.login(username));
  pool = await buildPool();
  await installWriteCounters(ctx);
});
afterAll(async () => ctx?.close());

/** The inject options for a generated request, with the caller's credentials. */
function withCaller(req: GeneratedRequest) {
  const token = tokens.get(req.caller);
  // signing a fuzz caller out, or failing its password 5 times, would end the run early
  const risky = req.op.path.endsWith("/auth/logout") || req.op.path.endsWith("/auth/login");
  if (!token || risky) return req.inject;
  const credentials = req.viaCookie ? { cookie: `cg_session=${token}` } : { authorization: `Bearer ${token}` };
  return { ...req.inject, headers: { ...(req.inject.headers ?? {}), ...credentials } };
}

function describeRequest(req: GeneratedRequest): string {
  const { method, url, headers, payload } = req.inject;
  const body =
    typeof payload === "string" ? payload.slice(0, 300) : payload ? `<${(payload as Buffer).length} bytes>` : "";
  return `${req.caller}${req.viaCookie ? " (cookie)" : ""} ${method} ${url}\n  headers ${JSON.stringify(headers).slice(0, 300)}\n  body ${body}`;
}

describe("fuzzing every endpoint", () => {
  it(`${TOTAL} generated requests: no 5xx, no leaks, error envelopes, refused batches change nothing`, async () => {
    const ops = operationsOf(ctx.app.swagger() as never);
    expect(ops.length).toBeGreaterThan(80);
    const arb = requestArb(ops, pool);
    const failures: string[] = [];
    const statusCounts = new Map<number, number>();
    const hitOps = new Set<string>();
    let sent = 0;
    let checkedBatches = 0;
    let fingerprintMs = 0;
    const opMs = new Map<string, number>();
    let before = await fingerprint(ctx);
    for (let batch = 0; sent < TOTAL && failures.length < 10; batch++) {
      const requests = fc.sample(arb, { seed: SEED + batch, numRuns: Math.min(BATCH, TOTAL - sent) });
      let unsafeAccepted = false;
      // a few requests at a time, as browsers would send them
      const results = [];
      for (let i = 0; i < requests.length; i += PARALLEL) {
        const slice = requests.slice(i, i + PARALLEL);
        results.push(
          ...(await Promise.all(
            slice.map(async (req) => {
              const t1 = performance.now();
              const res = await ctx.app.inject(withCaller(req));
              const key = `${req.op.method} ${req.op.path}`;
              opMs.set(key, (opMs.get(key) ?? 0) + performance.now() - t1);
              return { req, res };
            }),
          )),
        );
      }
      for (const { req, res } of results) {
        sent++;
        statusCounts.set(res.statusCode, (statusCounts.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode < 400) hitOps.add(`${req.op.method} ${req.op.path}`);
        if (req.op.method !== "GET" && res.statusCode < 400) unsafeAccepted = true;
        for (const p of responseProblems(req.inject.url as string, res)) {
          failures.push(`seed ${SEED} batch ${batch}: ${p}\n  ${describeRequest(req)}`);
        }
      }
      const t0 = performance.now();
      const after = await fingerprint(ctx);
      fingerprintMs += performance.now() - t0;
      if (!unsafeAccepted) {
        checkedBatches++;
        const diff = diffFingerprints(before, after);
        if (diff.length) {
          failures.push(
            `seed ${SEED} batch ${batch}: refused requests changed ${diff.join("; ")}\n${requests.map(describeRequest).join("\n")}`,
          );
        }
      }
      before = after;
    }
    const statuses = [...statusCounts].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`);
    console.info(
      `fuzz: seed ${SEED}, ${sent} requests over ${ops.length} operations, ${checkedBatches} all-refused batches compared; ` +
        `statuses ${statuses.join(" ")}; ${hitOps.size} operations answered < 400; fingerprints ${Math.round(fingerprintMs)} ms`,
    );
    if (process.env.FUZZ_PROFILE)
      console.info(
        [...opMs]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .map(([k, v]) => `${k} ${Math.round(v)}ms`)
          .join("\n"),
      );
    if (failures.length) console.error(`fuzz failures (FUZZ_SEED=${SEED}):\n${failures.join("\n\n")}`);
    expect(failures, `FUZZ_SEED=${SEED}`).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(Math.min(TOTAL, 10_000));
  }, 600_000);
});
