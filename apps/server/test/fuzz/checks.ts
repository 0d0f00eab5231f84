// What every fuzzed response must satisfy, and a fingerprint of the database to prove that refused
// requests changed nothing.
import { sql } from "kysely";
import type { Response as InjectResponse } from "light-my-request";
import type { TestContext } from "../harness.ts";

/** Shapes of leaked internals: stack frames, source paths, driver/SQL errors, raw exception names. */
export const LEAK_PATTERNS: RegExp[] = [
  /\n\s+at [\w.<>$]+ ?\(/,
  /\bat (?:async )?[\w.<>$]+ \([^)]*:\d+:\d+\)/,
  /\.(?:ts|js|mjs|cjs):\d+(?::\d+)?/,
  /node_modules/,
  /\/(?:work|home|root|usr|tmp)\/[\w.-]+\//,
  /relation "[^"]+" does not exist/,
  /syntax error at or near/,
  /violates (?:foreign key|unique|check|not-null|exclusion) constraint/,
  /duplicate key value/,
  /invalid input (?:syntax|value) for (?:type|enum)/,
  /out of range for type/,
  /\bSELECT\s+[\w*"., ]+\s+FROM\s+"?\w+/i,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|PostgresError|DatabaseError)\b/,
  /(?:^|["\s])Error: /,
];

export function leakIn(body: string): RegExp | null {
  return LEAK_PATTERNS.find((p) => p.test(body)) ?? null;
}

/** Problems with one response (empty when it is fine). */
export function responseProblems(url: string, res: InjectResponse): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`status ${res.statusCode}`);
  const body = res.body;
  const leak = leakIn(body);
  if (leak) problems.push(`leak ${leak} in ${body.slice(0, 300)}`);
  if (res.statusCode >= 400) {
    // dot segments are resolved: /open311/v2/tokens/../../x is not an Open311 v2 path
    const isOpen311 = `${new URL(url, "http://localhost").pathname}/`.startsWith("/open311/v2/");
    if (isOpen311 && /xml/.test(String(res.headers["content-type"] ?? ""))) {
      if (!/<errors>\s*<error>[\s\S]*<code>\d+<\/code>[\s\S]*<description>[^<]+<\/description>/.test(body)) {
        problems.push(`open311 xml error shape: ${body.slice(0, 200)}`);
      }
    } else {
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        problems.push(`error body is not JSON: ${body.slice(0, 200)}`);
      }
      if (json !== undefined) {
        if (isOpen311) {
          const ok =
            Array.isArray(json) &&
            json.length > 0 &&
            json.every((e) => typeof e?.code === "number" && typeof e?.description === "string" && e.description);
          if (!ok) problems.push(`open311 error shape: ${body.slice(0, 200)}`);
        } else {
          const e = (json as { error?: { code?: unknown; message?: unknown; messageEn?: unknown } }).error;
          const ok =
            typeof e?.code === "string" &&
            /^[A-Z0-9_]+$/.test(e.code) &&
            typeof e.message === "string" &&
            e.message.length > 0 &&
            typeof e.messageEn === "string" &&
            e.messageEn.length > 0;
          if (!ok) problems.push(`error envelope: ${body.slice(0, 200)}`);
        }
      }
    }
  }
  return problems;
}

/**
 * Tables where a refusal is legitimately recorded (audit, sessions, rate limits, one-time codes), and
 * those a background job writes after an accepted request has returned: a retrain of the routing
 * models (智能分派) stores and activates its version, with the thresholds, a few seconds later.
 */
const VOLATILE_TABLE =
  /audit|session|otp|attempt|lockout|rate_limit|login_failure|classifier_models|auto_dispatch_settings/;
/** Columns that count refusals or sign-ins rather than hold data. */
const VOLATILE_COLUMN = /^(failed_|locked_|lockout|last_login|last_seen|last_used)/;

/**
 * Installs, in this test file's own database, row triggers that count every write to a table that
 * changes a non-volatile column (a rolled-back write is rolled back with its count). Far cheaper
 * than hashing all rows after every batch, and stricter: an UPDATE that rewrites a row is a write.
 */
export async function installWriteCounters(ctx: TestContext): Promise<void> {
  // the app runs as a restricted role: triggers are the owner's business
  const { db } = ctx.handle.owner;
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`.execute(db);
  const tables = new Map<string, string[]>();
  for (const row of columns.rows) {
    if (VOLATILE_TABLE.test(row.table_name) || row.table_name === "fuzz_writes") continue;
    const volatile = tables.get(row.table_name) ?? [];
    if (VOLATILE_COLUMN.test(row.column_name)) volatile.push(row.column_name);
    tables.set(row.table_name, volatile);
  }
  await sql`create table if not exists fuzz_writes (t text primary key, n bigint not null default 0)`.execute(db);
  await sql`create or replace function fuzz_count_write() returns trigger language plpgsql security definer as $$
    begin
      insert into fuzz_writes (t, n) values (tg_table_name, 1) on conflict (t) do update set n = fuzz_writes.n + 1;
      return null;
    end $$`.execute(db);
  for (const [table, volatile] of tables) {
    const minus = volatile.map((c) => ` - '${c}'`).join("");
    await sql
      .raw(`drop trigger if exists fuzz_writes_iud on "${table}";
      create trigger fuzz_writes_iud after insert or delete on "${table}" for each row execute function fuzz_count_write();
      drop trigger if exists fuzz_writes_u on "${table}";
      create trigger fuzz_writes_u after update on "${table}" for each row
        when ((to_jsonb(old)${minus}) is distinct from (to_jsonb(new)${minus})) execute function fuzz_count_write();`)
      .execute(db);
  }
  await sql`grant select on fuzz_writes to public`.execute(db);
}

/** Writes per table so far (tables never written are absent). */
export async function fingerprint(ctx: TestContext): Promise<Record<string, string>> {
  const result = await sql<{ t: string; n: string }>`select t, n::text as n from fuzz_writes`.execute(
    ctx.handle.owner.db,
  );
  return Object.fromEntries(result.rows.map((r) => [r.t, r.n]));
}

export function diffFingerprints(a: Record<string, string>, b: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k]} → ${b[k]}`);
}
