// What every fuzzed response must satisfy, and a fingerprint of the database to prove that refused
// requests changed nothing.
import { type RawBuilder, sql } from "kysely";
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
    // the router resolves dot segments: /open311/v2/tokens/../../../x is not an Open311 path
    const isOpen311 = `${new URL(url, "http://localhost").pathname}/`.startsWith("/open311/");
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

/** Tables where a refusal is legitimately recorded (audit, sessions, rate limits, one-time codes). */
const VOLATILE_TABLE = /audit|session|otp|attempt|lockout|rate_limit|login_failure/;
/** Columns that count refusals or sign-ins rather than hold data. */
const VOLATILE_COLUMN = /^(failed_|locked_|lockout|last_login|last_seen|last_used)/;

let cachedQuery: { db: unknown; text: ReturnType<typeof sql<{ t: string; n: string; h: string | null }>> } | null =
  null;

/** Per-table row count and an order-independent hash of every row (volatile tables and columns
 * left out), in one query so that it can run after every small batch. */
export async function fingerprint(ctx: TestContext): Promise<Record<string, string>> {
  const { db } = ctx.services;
  if (cachedQuery?.db !== db) {
    const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select c.table_name, c.column_name, c.data_type from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`.execute(db);
    const byTable = new Map<string, RawBuilder<unknown>[]>();
    for (const row of columns.rows) {
      if (VOLATILE_TABLE.test(row.table_name) || VOLATILE_COLUMN.test(row.column_name)) continue;
      // large values (grid outlines, file bytes) by their stored size: hashing them each batch is slow
      const col = ["jsonb", "bytea"].includes(row.data_type)
        ? sql`pg_column_size(${sql.ref(row.column_name)})`
        : sql.ref(row.column_name);
      byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), col]);
    }
    const parts = [...byTable].map(
      ([table, cols]) => sql`select ${table}::text as t, count(*)::text as n,
        sum(hashtextextended(row(${sql.join(cols)})::text, 7))::text as h
        from ${sql.table(table)}`,
    );
    cachedQuery = { db, text: sql<{ t: string; n: string; h: string | null }>`${sql.join(parts, sql` union all `)}` };
  }
  const result = await cachedQuery.text.execute(db);
  return Object.fromEntries(result.rows.map((r) => [r.t, `${r.n}:${r.h ?? "-"}`]));
}

export function diffFingerprints(a: Record<string, string>, b: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k]} → ${b[k]}`);
}
