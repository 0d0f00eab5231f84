// The one INSERT … SELECT the bench generator runs per batch of days (generate-cases.ts). Every case
// is a pure function of its number n and the seed: its random draws are hashes of (n, draw), so a
// re-run with the same size, days and seed gives the same rows, and both generator connections can
// work at once. All times are epoch seconds until the final select; a step that would happen after
// `now` has not happened (null), so old cases are closed, recent ones sit at every open stage.

import { RATES } from "../src/seed/history/lifecycle.ts";
import { HOURS, hourProfile } from "../src/seed/history/time.ts";
import {
  DUPLICATE_SHARE,
  HOLD_STAGES,
  HOTLINE_TAXONOMY,
  SOURCE_MIX,
  STUCK_SHARE,
} from "../src/seed/history-generator.ts";
import { CAT_SLOTS, SPOTS, TEXT_VARIANTS } from "./generator-tables.ts";

/** The year's ratings once reopened cases are rated again (lifecycle.ts: about 88% / 9% / 3%). */
const RATING_SHARES = { satisfied: 0.88, basically: 0.09, unsatisfied: 0.03 };
/** Working days → calendar days (the seed counts working days on the real calendar; close enough here). */
const WORK_TO_CALENDAR = 7 / 5;

const num = (x: number) => (Number.isInteger(x) ? `${x}` : x.toPrecision(12));
const floats = (xs: number[]) => `array[${xs.map(num).join(",")}]::float8[]`;
const texts = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(",")}]`;

/** Lower bounds of each item's share of [0, 1): width_bucket(u, bounds) is the item's 1-based index. */
function bounds(weights: number[]): number[] {
  const total = weights.reduce((a, w) => a + w, 0);
  let acc = 0;
  return weights.map((w) => {
    const lo = acc / total;
    acc += w;
    return lo;
  });
}

/** The functions the batch uses, seeded: u(n, k) is uniform on [0, 1), lnc a clamped log-normal. */
export function benchFunctionsSql(seed: number): string {
  return `
    create function bench.u(n bigint, k int) returns float8 language sql immutable parallel safe as
      $$ select ((hashint8extended(n, k + ${seed}::bigint * 1000) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$;
    create function bench.uh(t text, k int) returns float8 language sql immutable parallel safe as
      $$ select ((hashtextextended(t, k + ${seed}::bigint * 1000) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$;
    create function bench.lnc(n bigint, k int, median float8, sigma float8, lo float8, hi float8) returns float8
      language sql immutable parallel safe as
      $$ select least(hi, greatest(lo, median * exp(sigma * sqrt(-2 * ln(1 - bench.u(n, k))) * cos(2 * pi() * bench.u(n, k + 500))))) $$;
    create function bench.case_id(n bigint) returns uuid language sql immutable parallel safe as
      $$ select md5('civicgrid-bench:${seed}:' || n)::uuid $$;`;
}

/**
 * INSERT for the days $1..$2 of bench.day ($3 = now, epoch seconds). `extra` adds the columns of
 * migration 017 (solved, handling_work_days) when they exist; `search` the search tokens of 020
 * (search-bench.ts: the fields' tokens made by the server's tokenizer, joined by text and place).
 */
export function caseBatchSql(categoryCount: number, extra: boolean, search = false): string {
  const sources = Object.keys(SOURCE_MIX);
  const sourceBounds = bounds(Object.values(SOURCE_MIX));
  const hourCase = sources
    .map((s, i) => `when ${i + 1} then width_bucket(bench.u(n, 2), ${floats(bounds(HOURS[hourProfile(s)]!))})`)
    .join(" ");
  const hotlineShare = sources.map((s) => HOTLINE_TAXONOMY[s] ?? 0);
  const holds = Object.keys(HOLD_STAGES);
  const merged = DUPLICATE_SHARE;
  const rejected = merged + RATES.reject;
  const stuck = rejected + STUCK_SHARE;
  const day = 86_400;
  return `
insert into cases (id, code, title, description, source, category_code, status, lat, lng, address_area,
  grid_code, community_code, township_code, district_code, city_code, reported_by, centre_unit_code,
  owner_unit_code, involved_unit_codes, dispatcher_unit_code, suggested_unit_code, routing_rule, routing_reason,
  limit_days, reported_at, registered_at, dispatched_at, accept_due_at, accepted_at, handled_at, closed_at,
  evaluated_at, due_at, warn_at, warned_at, overdue_at, escalation_level, next_escalation_at, rework_count,
  return_count, supervision_count, merged_into_id, rating, result_note, version, updated_at
  ${extra ? ", solved, handling_work_days" : ""}${search ? ", search_tokens" : ""})
-- every stage ends in "offset 0": it is computed once per row (a subquery pulled up into the next
-- stage would repeat its expressions wherever they are used)
with b as (
  select d.first_n + s.k - 1 as n, s.k, d.day, d.start_s, d.span_s, d.month, d.code_offset,
    width_bucket(bench.u(d.first_n + s.k - 1, 1), ${floats(sourceBounds)}) as src
  from bench.day d cross join lateral generate_series(1, d.n) s(k)
  where d.i between $1 and $2
  offset 0
), p as (
  select b.*, (${texts(sources)})[src] as source,
    -- the hour by the channel's profile (seed), the second uniform; today squeezed into the part gone
    start_s + ((case src ${hourCase} end - 1) * 3600 + floor(bench.u(n, 3) * 3600)) * span_s / ${day} as t0,
    (bench.u(n, 5) < (${floats(hotlineShare)})[src])::int as pool
  from b
  offset 0
), c as (
  select p.n, p.k, p.day, p.code_offset, p.source, p.t0,
    s.grid_code, s.community_code, s.township_code, s.district_code, s.city_code, s.lat, s.lng, s.area,
    s.centre, s.district_centre, s.reporter, k.code as category_code,
    case r.kind when 'community' then s.station when 'township' then s.centre else r.unit end as owner_unit,
    r.rule, r.reason, r.limit_days, t.title, t.description, t.result_note, t.key as text_key, s.i as spot_i,
    bench.u(p.n, 8) as uf
  from p
  join bench.spot s on s.i = floor(bench.u(p.n, 4) * ${SPOTS})::int
  join bench.cat_draw cd on cd.key = (p.month * 2 + p.pool) * ${CAT_SLOTS} + floor(bench.u(p.n, 6) * ${CAT_SLOTS})::int
  join bench.cat k on k.i = cd.cat
  join bench.route r on r.key = s.district_idx * ${categoryCount} + cd.cat
  join bench.text t on t.key = cd.cat * ${TEXT_VARIANTS} + floor(bench.u(p.n, 7) * ${TEXT_VARIANTS})::int
  offset 0
), f1 as (
  select c.*,
    case when uf < ${merged} and k > 1 then 'merged' when uf < ${rejected} then 'rejected'
      when uf < ${stuck} then 'stuck' else 'normal' end as fate,
    case when uf >= ${rejected} and uf < ${stuck}
      then (${texts(holds)})[width_bucket(bench.u(n, 9), ${floats(bounds(Object.values(HOLD_STAGES)))})] end as hold,
    -- intake: 12345 agents around the clock, the centres within hours
    t0 + case when source = 'hotline' then 180 + bench.u(n, 10) * 2220
      else bench.lnc(n, 11, 2400, 0.8, 300, 18000) end as t_in,
    limit_days::float8 * ${WORK_TO_CALENDAR * day} as window_s
  from c
  offset 0
), f2 as (
  select f1.*,
    case when fate in ('merged', 'rejected') or hold is not distinct from 'registered' then null
      else t_in + bench.lnc(n, 13, 2700, 0.9, 300, 28800) end as t_d1,
    hold is not distinct from 'returned' or (fate = 'normal' and bench.u(n, 12) < ${RATES.return}) as ret,
    t0 + window_s as due, t0 + 0.8 * window_s as warn
  from f1
  offset 0
), f3 as (
  select f2.*, case when ret then t_d1 + bench.lnc(n, 14, 7200, 1, 600, 129600) end as t_ret
  from f2
  offset 0
), f4 as (
  select f3.*,
    case when not ret then t_d1 when hold is not distinct from 'returned' then null
      else t_ret + bench.lnc(n, 15, 5400, 0.8, 600, 21600) end as t_dis
  from f3
  offset 0
), f5 as (
  -- accept: most within the hour, a few after the response limit (urgent items faster)
  select f4.*,
    case when hold is not distinct from 'dispatched' then null else t_dis + case
      when bench.u(n, 16) < 0.9 then bench.lnc(n, 17, 3000, 1, 120, 21600)
      when bench.u(n, 16) < 0.97 then (14400 + bench.u(n, 18) * 72000) * least(1, limit_days::float8 / 5)
      else (86400 + bench.u(n, 18) * 129600) * least(1, limit_days::float8 / 5) end end as t_acc
  from f4
  offset 0
), f6 as (
  -- feedback: within the limit at a share of the time left, 2% late
  select f5.*,
    case when t_acc is null or hold is not distinct from 'accepted' then null
      when bench.u(n, 19) < ${RATES.lateHandling} then greatest(t_acc + 1200, t0 + (1.02 + bench.u(n, 20) * 0.78) * window_s)
      when due - t_acc > 3600 then t_acc + greatest(1200 + bench.u(n, 21) * 4200, (due - t_acc) * case
        when bench.u(n, 23) < 0.45 then 0.03 + bench.u(n, 24) * 0.22
        when bench.u(n, 23) < 0.85 then 0.25 + bench.u(n, 24) * 0.3 else 0.55 + bench.u(n, 24) * 0.3 end)
      else t_acc + bench.lnc(n, 22, 14400, 1, 1200, 172800) end as t_hand
  from f5
  offset 0
), f7 as (
  -- verification (5% fail once: rework), then the call-back for 85%
  select f6.*, bench.u(n, 25) < ${RATES.reworkFail} as rework,
    case when hold is not distinct from 'handled' then null else t_hand + bench.lnc(n, 26, 10800, 1, 900, 172800)
      + case when bench.u(n, 25) < ${RATES.reworkFail} then (0.3 + bench.u(n, 27) * 1.2) * ${day} else 0 end end as t_close
  from f6
  offset 0
), f8 as (
  select f7.*,
    case when bench.u(n, 28) < ${RATES.evaluate} then t_close
      + bench.lnc(n, 29, case when source = 'hotline' then 72000 else 28800 end, 0.8, 1800, 259200) end as t_eval,
    case when t_in <= $3 then t_in end as rin,
    case when t_d1 <= $3 then t_d1 end as rd1,
    case when t_ret <= $3 then t_ret end as rret,
    case when t_dis <= $3 then t_dis end as rdis,
    case when t_acc <= $3 then t_acc end as racc,
    case when t_hand <= $3 then t_hand end as rhand,
    case when t_close <= $3 then t_close end as rclose,
    -- when the case left the SLA states (feedback, or rejected / merged at intake)
    case when fate in ('merged', 'rejected') then t_in else t_hand end as leave_s,
    1 + floor(bench.u(n, 31) * 59) as sweep_lag
  from f7
  offset 0
), g as (
  select f8.*,
    case when t_eval <= $3 then t_eval end as reval,
    case
      when fate in ('merged', 'rejected') then case when rin is not null then fate else 'reported' end
      when t_eval <= $3 then 'evaluated' when rclose is not null then 'closed' when rhand is not null then 'handled'
      when racc is not null then 'accepted' when rdis is not null then 'dispatched' when rret is not null then 'returned'
      when rd1 is not null then 'dispatched' when rin is not null then 'registered' else 'reported' end as status,
    coalesce(rdis, rd1) as dispatched,
    case when due + sweep_lag <= $3 and (leave_s is null or leave_s > due) then due + sweep_lag end as overdue,
    case when warn + sweep_lag <= $3 and (leave_s is null or leave_s > warn) then warn + sweep_lag end as warned
  from f8
  offset 0
), h as (
  select g.*,
    case when overdue is null then 0
      else least(2, greatest(0, floor((least(coalesce(leave_s, $3), $3) - due) / ${day})))::int end as esc,
    status in ('reported', 'registered', 'dispatched', 'accepted', 'returned') as in_sla
  from g
  offset 0
)
select bench.case_id(n), 'AS-' || to_char(day, 'YYYYMMDD') || '-' || lpad((code_offset + k)::text, 6, '0'),
  title, description, source, category_code, status, lat, lng, area,
  grid_code, community_code, township_code, district_code, city_code,
  case when source = 'grid' then reporter end, centre,
  case when dispatched is null or status = 'returned' then null else owner_unit end,
  case when dispatched is not null and owner_unit <> centre then array[centre, owner_unit] else array[centre] end,
  case when dispatched is null then null
    when source = 'hotline' and bench.u(n, 32) < 0.5 then district_centre else centre end,
  owner_unit, rule, reason, limit_days,
  to_timestamp(t0), case when fate in ('normal', 'stuck') then to_timestamp(rin) end,
  to_timestamp(dispatched), to_timestamp(dispatched + ${day}), to_timestamp(racc), to_timestamp(rhand),
  to_timestamp(rclose), to_timestamp(reval), to_timestamp(due), to_timestamp(warn), to_timestamp(warned),
  to_timestamp(overdue), esc,
  case when overdue is not null and in_sla and esc < 2 then to_timestamp(due + (esc + 1) * ${day}) end,
  (rework and rclose is not null)::int, (rret is not null)::int,
  esc + (bench.u(n, 33) < ${RATES.supervise})::int + case when fate = 'stuck' and $3 - t0 > 30 * ${day} then 3 else 0 end,
  case when status = 'merged' then bench.case_id(n - 1 - floor(bench.u(n, 34) * least(k - 1, 50))::int) end,
  case when reval is not null then (${texts(Object.keys(RATING_SHARES))})[width_bucket(bench.u(n, 30), ${floats(bounds(Object.values(RATING_SHARES)))})] end,
  case when rhand is not null then result_note end,
  (rin is not null)::int + (rd1 is not null)::int + (rret is not null)::int + (ret and rdis is not null)::int
    + (racc is not null)::int + (rhand is not null)::int + (rclose is not null)::int + (reval is not null)::int
    + (overdue is not null)::int + (warned is not null)::int + esc,
  to_timestamp(greatest(t0, rin, rd1, rret, rdis, racc, rhand, rclose, reval, overdue))
  ${
    extra
      ? `, case when reval is null then null
      else bench.u(n, 35) < case when bench.u(n, 30) < ${RATING_SHARES.satisfied} then 1
        when bench.u(n, 30) < ${RATING_SHARES.satisfied + RATING_SHARES.basically} then 0.9 else 0.2 end end,
    case when rhand is not null then least(9999.99, round(((rhand - dispatched) / ${day} / ${WORK_TO_CALENDAR})::numeric, 2)) end`
      : ""
  }${
    // the code's words as create-case writes them (search/case-document.ts: title, code, address, …)
    search
      ? `, tt.title_v || format('''as'':2A ''%s'':3A ''%s'':4A', to_char(day, 'YYYYMMDD'),
      lpad((code_offset + k)::text, 6, '0'))::tsvector || st.area_v || tt.description_v
      || case when rhand is not null then tt.result_v else ''::tsvector end`
      : ""
  }
from h${search ? " join bench.text_tokens tt on tt.key = h.text_key join bench.spot_tokens st on st.i = h.spot_i" : ""}`;
}
