-- Rollups for the big screen (一屏指挥) and the assessment (综合评价): per-scope daily counters kept
-- up to date by a trigger on `cases`, in the case's own transaction, so the screen's figures never
-- scan `cases`. Bulk loads (demo history, bench generator) switch the trigger off with
-- `set local civicgrid.rollup_bulk = 'on'` and call `select case_rollup_rebuild()` at the end.
--
-- Every counter is a pure function of one case row, so "trigger-maintained" and "rebuilt from
-- scratch" always agree (rows whose counters all fell to zero may linger after updates; readers sum,
-- so they are harmless — compare non-zero rows only).

-- Set by the assessment (helper B): the reporter's "was it solved" at evaluation, and the working
-- days from dispatch to feedback.
alter table cases add column solved boolean;
alter table cases add column handling_work_days numeric(6,2);

-- Cohort table: every case counted on the day it was reported (Asia/Shanghai), measured as of now.
create table case_rollup (
  scope text not null check (scope in ('city', 'district', 'township', 'community', 'grid', 'unit', 'reporter')),
  scope_code text not null,
  day date not null,
  category_class text not null,
  source text not null,
  reported integer not null default 0,
  registered integer not null default 0,
  dispatched integer not null default 0,
  dispatches integer not null default 0,
  returns integer not null default 0,
  accepted_in_time integer not null default 0,
  handled integer not null default 0,
  handled_on_time integer not null default 0,
  due_to_handle integer not null default 0,
  reworked integer not null default 0,
  closed integer not null default 0,
  closed_on_time integer not null default 0,
  due_to_close integer not null default 0,
  open integer not null default 0,
  overdue_open integer not null default 0,
  overdue_ever integer not null default 0,
  evaluated integer not null default 0,
  satisfied integer not null default 0,
  basically integer not null default 0,
  unsatisfied integer not null default 0,
  solved integer not null default 0,
  handling_days_sum numeric not null default 0,
  handling_days_n integer not null default 0,
  primary key (scope, scope_code, day, category_class, source)
);

-- Flow table: closures by the day they happened (a reopened case leaves its day again).
create table case_close_rollup (
  scope text not null,
  scope_code text not null,
  day date not null,
  closed integer not null default 0,
  primary key (scope, scope_code, day)
);

-- Two narrower copies for the screen, kept by the same trigger. Measured on a synthetic 10M-case year
-- (30 classes × 8 sources × 366 days = 88k case_rollup rows for the city alone): summing the city's
-- 365-day cohort from case_rollup took ~100 ms warm and the districts' ranking ~375 ms, against the
-- screen's 100 ms budget for a whole endpoint. Without class and source a scope has one row per day
-- (366 for the city), and "open / overdue now" needs no day at all.
--
-- case_rollup summed over category_class and source: one row per scope and report day.
create table case_day_rollup (
  scope text not null,
  scope_code text not null,
  day date not null,
  reported integer not null default 0,
  registered integer not null default 0,
  dispatched integer not null default 0,
  dispatches integer not null default 0,
  returns integer not null default 0,
  accepted_in_time integer not null default 0,
  handled integer not null default 0,
  handled_on_time integer not null default 0,
  due_to_handle integer not null default 0,
  reworked integer not null default 0,
  closed integer not null default 0,
  closed_on_time integer not null default 0,
  due_to_close integer not null default 0,
  open integer not null default 0,
  overdue_open integer not null default 0,
  overdue_ever integer not null default 0,
  evaluated integer not null default 0,
  satisfied integer not null default 0,
  basically integer not null default 0,
  unsatisfied integer not null default 0,
  solved integer not null default 0,
  handling_days_sum numeric not null default 0,
  handling_days_n integer not null default 0,
  primary key (scope, scope_code, day)
);

-- Open cases now, per geographic scope and owning unit ('' before dispatch): the open and overdue
-- KPIs, the children's overdue and the "overdue by unit" chart, whatever the cases' report days.
create table case_open_rollup (
  scope text not null check (scope in ('city', 'district', 'township', 'community', 'grid')),
  scope_code text not null,
  unit_code text not null,
  open integer not null default 0,
  overdue_open integer not null default 0,
  primary key (scope, scope_code, unit_code)
);

-- The top-level ancestor of a category ('' when none): the screen's and assessment's "class".
create function category_class_of(p_code text) returns text language plpgsql stable as $$
declare
  cur text := p_code;
  parent text;
  depth int := 0;
begin
  -- unknown codes and broken chains count as '' (as the rebuild's walk down from the roots does)
  while cur is not null and depth <= 16 loop
    select c.parent_code into parent from categories c where c.code = cur;
    if not found then
      return '';
    elsif parent is null then
      return cur;
    end if;
    cur := parent;
    depth := depth + 1;
  end loop;
  return '';
end $$;

-- One case's contribution to every counter, in the column order of case_rollup. The one definition:
-- the trigger turns it into an array, the rebuild sums it (a set-returning SQL function is inlined
-- into the calling query, so the rebuild evaluates each expression once per case).
create function case_rollup_counts(c cases) returns table(
  reported int,
  registered int,
  dispatched int,
  dispatches int,
  returns int,
  accepted_in_time int,
  handled int,
  handled_on_time int,
  due_to_handle int,
  reworked int,
  closed int,
  closed_on_time int,
  due_to_close int,
  open int,
  overdue_open int,
  overdue_ever int,
  evaluated int,
  satisfied int,
  basically int,
  unsatisfied int,
  solved int,
  handling_days_sum numeric,
  handling_days_n int
) language sql immutable as $$
  select
    1 as reported,
    (c.registered_at is not null)::int as registered,
    (c.dispatched_at is not null)::int as dispatched,
    (c.dispatched_at is not null)::int + c.return_count as dispatches,
    c.return_count as returns,
    (c.accepted_at is not null and (c.accept_due_at is null or c.accepted_at <= c.accept_due_at))::int as accepted_in_time,
    (c.handled_at is not null)::int as handled,
    (c.handled_at is not null and (c.due_at is null or c.handled_at <= c.due_at))::int as handled_on_time,
    (c.handled_at is not null or c.overdue_at is not null)::int as due_to_handle,
    (c.rework_count > 0)::int as reworked,
    (c.status in ('closed', 'evaluated'))::int as closed,
    (c.status in ('closed', 'evaluated') and (c.due_at is null or c.closed_at <= c.due_at))::int as closed_on_time,
    (c.status in ('closed', 'evaluated') or c.overdue_at is not null)::int as due_to_close,
    (c.status not in ('closed', 'evaluated', 'rejected', 'merged'))::int as open,
    (c.status not in ('closed', 'evaluated', 'rejected', 'merged') and c.overdue_at is not null)::int as overdue_open,
    (c.overdue_at is not null)::int as overdue_ever,
    (c.rating is not null)::int as evaluated,
    (c.rating is not distinct from 'satisfied')::int as satisfied,
    (c.rating is not distinct from 'basically')::int as basically,
    (c.rating is not distinct from 'unsatisfied')::int as unsatisfied,
    (c.rating is not null and c.solved is true)::int as solved,
    coalesce(c.handling_work_days, 0)::numeric as handling_days_sum,
    (c.handling_work_days is not null)::int as handling_days_n
$$;

-- The scopes a case counts in, in lock order (case_rollup_lock; the trigger spells the same list out).
create function case_rollup_scopes(c cases) returns table(ord int, scope text, scope_code text) language sql immutable as $$
  select * from (values
    (1, 'city', c.city_code::text),
    (2, 'district', c.district_code::text),
    (3, 'township', c.township_code::text),
    (4, 'community', c.community_code::text),
    (5, 'grid', c.grid_code::text),
    (6, 'unit', c.owner_unit_code),
    (7, 'reporter', c.reported_by::text)
  ) s(ord, scope, scope_code)
  where s.scope_code is not null
$$;

-- The upserts are plpgsql, not SQL functions: plpgsql keeps each statement's plan for the session,
-- a SQL function re-plans its INSERT on every call (up to 28 per changed case).
create function case_rollup_add(p_scope text, p_code text, p_day date, p_class text, p_source text, v numeric[])
returns void language plpgsql as $$
begin
  insert into case_rollup as r (scope, scope_code, day, category_class, source,
    reported, registered, dispatched, dispatches, returns, accepted_in_time, handled, handled_on_time,
    due_to_handle, reworked, closed, closed_on_time, due_to_close, open, overdue_open, overdue_ever,
    evaluated, satisfied, basically, unsatisfied, solved, handling_days_sum, handling_days_n)
  values (p_scope, p_code, p_day, p_class, p_source,
    v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16],
    v[17], v[18], v[19], v[20], v[21], v[22], v[23])
  on conflict (scope, scope_code, day, category_class, source) do update set
    reported = r.reported + excluded.reported,
    registered = r.registered + excluded.registered,
    dispatched = r.dispatched + excluded.dispatched,
    dispatches = r.dispatches + excluded.dispatches,
    returns = r.returns + excluded.returns,
    accepted_in_time = r.accepted_in_time + excluded.accepted_in_time,
    handled = r.handled + excluded.handled,
    handled_on_time = r.handled_on_time + excluded.handled_on_time,
    due_to_handle = r.due_to_handle + excluded.due_to_handle,
    reworked = r.reworked + excluded.reworked,
    closed = r.closed + excluded.closed,
    closed_on_time = r.closed_on_time + excluded.closed_on_time,
    due_to_close = r.due_to_close + excluded.due_to_close,
    open = r.open + excluded.open,
    overdue_open = r.overdue_open + excluded.overdue_open,
    overdue_ever = r.overdue_ever + excluded.overdue_ever,
    evaluated = r.evaluated + excluded.evaluated,
    satisfied = r.satisfied + excluded.satisfied,
    basically = r.basically + excluded.basically,
    unsatisfied = r.unsatisfied + excluded.unsatisfied,
    solved = r.solved + excluded.solved,
    handling_days_sum = r.handling_days_sum + excluded.handling_days_sum,
    handling_days_n = r.handling_days_n + excluded.handling_days_n;
end $$;

create function case_close_rollup_add(p_scope text, p_code text, p_day date, p_delta int) returns void language plpgsql as $$
begin
  insert into case_close_rollup as r (scope, scope_code, day, closed) values (p_scope, p_code, p_day, p_delta)
  on conflict (scope, scope_code, day) do update set closed = r.closed + excluded.closed;
end $$;

create function case_day_rollup_add(p_scope text, p_code text, p_day date, v numeric[])
returns void language plpgsql as $$
begin
  insert into case_day_rollup as r (scope, scope_code, day,
    reported, registered, dispatched, dispatches, returns, accepted_in_time, handled, handled_on_time,
    due_to_handle, reworked, closed, closed_on_time, due_to_close, open, overdue_open, overdue_ever,
    evaluated, satisfied, basically, unsatisfied, solved, handling_days_sum, handling_days_n)
  values (p_scope, p_code, p_day,
    v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16],
    v[17], v[18], v[19], v[20], v[21], v[22], v[23])
  on conflict (scope, scope_code, day) do update set
    reported = r.reported + excluded.reported,
    registered = r.registered + excluded.registered,
    dispatched = r.dispatched + excluded.dispatched,
    dispatches = r.dispatches + excluded.dispatches,
    returns = r.returns + excluded.returns,
    accepted_in_time = r.accepted_in_time + excluded.accepted_in_time,
    handled = r.handled + excluded.handled,
    handled_on_time = r.handled_on_time + excluded.handled_on_time,
    due_to_handle = r.due_to_handle + excluded.due_to_handle,
    reworked = r.reworked + excluded.reworked,
    closed = r.closed + excluded.closed,
    closed_on_time = r.closed_on_time + excluded.closed_on_time,
    due_to_close = r.due_to_close + excluded.due_to_close,
    open = r.open + excluded.open,
    overdue_open = r.overdue_open + excluded.overdue_open,
    overdue_ever = r.overdue_ever + excluded.overdue_ever,
    evaluated = r.evaluated + excluded.evaluated,
    satisfied = r.satisfied + excluded.satisfied,
    basically = r.basically + excluded.basically,
    unsatisfied = r.unsatisfied + excluded.unsatisfied,
    solved = r.solved + excluded.solved,
    handling_days_sum = r.handling_days_sum + excluded.handling_days_sum,
    handling_days_n = r.handling_days_n + excluded.handling_days_n;
end $$;

create function case_open_rollup_add(p_scope text, p_code text, p_unit text, p_open int, p_overdue int)
returns void language plpgsql as $$
begin
  insert into case_open_rollup as r (scope, scope_code, unit_code, open, overdue_open)
  values (p_scope, p_code, p_unit, p_open, p_overdue)
  on conflict (scope, scope_code, unit_code) do update set
    open = r.open + excluded.open, overdue_open = r.overdue_open + excluded.overdue_open;
end $$;

-- The cohort key of a case: reported day, class, source.
create function case_rollup_day(c cases) returns date language sql immutable as $$
  select (c.reported_at at time zone 'Asia/Shanghai')::date
$$;
-- The flow key: the day it closed, or null when it does not count as closed.
create function case_close_day(c cases) returns date language sql immutable as $$
  select case when c.status in ('closed', 'evaluated') and c.closed_at is not null
    then (c.closed_at at time zone 'Asia/Shanghai')::date end
$$;

create function cases_rollup_trigger() returns trigger language plpgsql as $$
declare
  -- the scopes in lock order (city first): every writer takes the rollup's row locks in the same
  -- order, so two transactions never wait on each other in a cycle
  scopes constant text[] := array['city', 'district', 'township', 'community', 'grid', 'unit', 'reporter'];
  nc text[] := array[new.city_code::text, new.district_code::text, new.township_code::text,
    new.community_code::text, new.grid_code::text, new.owner_unit_code, new.reported_by::text];
  oc text[] := array_fill(null::text, array[7]);
  nv numeric[];
  ov numeric[];
  neg numeric[];
  delta numeric[];
  nd date := case_rollup_day(new);
  od date;
  ncls text;
  ocls text;
  ncd date := case_close_day(new);
  ocd date;
  nu text := coalesce(new.owner_unit_code, '');
  ou text;
  i int;
begin
  if current_setting('civicgrid.rollup_bulk', true) = 'on' then
    return null;
  end if;
  select array[r.reported, r.registered, r.dispatched, r.dispatches, r.returns, r.accepted_in_time, r.handled, r.handled_on_time, r.due_to_handle, r.reworked, r.closed, r.closed_on_time, r.due_to_close, r.open, r.overdue_open, r.overdue_ever, r.evaluated, r.satisfied, r.basically, r.unsatisfied, r.solved, r.handling_days_sum, r.handling_days_n]::numeric[] into nv from case_rollup_counts(new) r;
  if tg_op = 'UPDATE' then
    select array[r.reported, r.registered, r.dispatched, r.dispatches, r.returns, r.accepted_in_time, r.handled, r.handled_on_time, r.due_to_handle, r.reworked, r.closed, r.closed_on_time, r.due_to_close, r.open, r.overdue_open, r.overdue_ever, r.evaluated, r.satisfied, r.basically, r.unsatisfied, r.solved, r.handling_days_sum, r.handling_days_n]::numeric[] into ov from case_rollup_counts(old) r;
    od := case_rollup_day(old);
    ocd := case_close_day(old);
    oc := array[old.city_code::text, old.district_code::text, old.township_code::text,
      old.community_code::text, old.grid_code::text, old.owner_unit_code, old.reported_by::text];
    -- most updates (warnings, escalations, notes, versions) change no counter and no key: done
    if ov = nv and od = nd and old.source = new.source and oc is not distinct from nc
       and old.category_code is not distinct from new.category_code
       and ocd is not distinct from ncd then
      return null;
    end if;
    ncls := category_class_of(new.category_code);
    ocls := case when old.category_code is not distinct from new.category_code then ncls
      else category_class_of(old.category_code) end;
    select array_agg(-a order by k) into neg from unnest(ov) with ordinality as t(a, k);
    select array_agg(a - b order by k) into delta from unnest(nv, ov) with ordinality as t(a, b, k);
    ou := coalesce(old.owner_unit_code, '');
  else
    ncls := category_class_of(new.category_code);
  end if;

  for i in 1..7 loop
    -- cohort counters: one delta when the key stays, else minus the old and plus the new (lower key first)
    if oc[i] is not null and nc[i] is not null and oc[i] = nc[i] and od = nd and ocls = ncls and old.source = new.source then
      if delta <> array_fill(0::numeric, array[23]) then
        perform case_rollup_add(scopes[i], nc[i], nd, ncls, new.source, delta);
      end if;
    elsif oc[i] is not null and (nc[i] is null or (oc[i], od, ocls, old.source) < (nc[i], nd, ncls, new.source)) then
      perform case_rollup_add(scopes[i], oc[i], od, ocls, old.source, neg);
      if nc[i] is not null then
        perform case_rollup_add(scopes[i], nc[i], nd, ncls, new.source, nv);
      end if;
    else
      if nc[i] is not null then
        perform case_rollup_add(scopes[i], nc[i], nd, ncls, new.source, nv);
      end if;
      if oc[i] is not null then
        perform case_rollup_add(scopes[i], oc[i], od, ocls, old.source, neg);
      end if;
    end if;

    -- the same by day alone
    if oc[i] is not null and nc[i] is not null and oc[i] = nc[i] and od = nd then
      if delta <> array_fill(0::numeric, array[23]) then
        perform case_day_rollup_add(scopes[i], nc[i], nd, delta);
      end if;
    elsif oc[i] is not null and (nc[i] is null or (oc[i], od) < (nc[i], nd)) then
      perform case_day_rollup_add(scopes[i], oc[i], od, neg);
      if nc[i] is not null then
        perform case_day_rollup_add(scopes[i], nc[i], nd, nv);
      end if;
    else
      if nc[i] is not null then
        perform case_day_rollup_add(scopes[i], nc[i], nd, nv);
      end if;
      if oc[i] is not null then
        perform case_day_rollup_add(scopes[i], oc[i], od, neg);
      end if;
    end if;

    -- open now, by owning unit (geographic scopes: the first five); vector slots 14 = open, 15 = overdue
    if i <= 5 then
      if oc[i] is not null and oc[i] = nc[i] and ou = nu then
        if nv[14] <> ov[14] or nv[15] <> ov[15] then
          perform case_open_rollup_add(scopes[i], nc[i], nu, (nv[14] - ov[14])::int, (nv[15] - ov[15])::int);
        end if;
      else
        if ov[14] > 0 and (nv[14] = 0 or (oc[i], ou) < (nc[i], nu)) then
          perform case_open_rollup_add(scopes[i], oc[i], ou, -ov[14]::int, -ov[15]::int);
          if nv[14] > 0 then
            perform case_open_rollup_add(scopes[i], nc[i], nu, nv[14]::int, nv[15]::int);
          end if;
        else
          if nv[14] > 0 then
            perform case_open_rollup_add(scopes[i], nc[i], nu, nv[14]::int, nv[15]::int);
          end if;
          if ov[14] > 0 then
            perform case_open_rollup_add(scopes[i], oc[i], ou, -ov[14]::int, -ov[15]::int);
          end if;
        end if;
      end if;
    end if;

    -- closures by the day they happened
    if ocd is not null and oc[i] is not null then
      if ncd is not null and nc[i] is not null and oc[i] = nc[i] and ocd = ncd then
        continue;
      end if;
      if ncd is not null and nc[i] is not null and (nc[i], ncd) < (oc[i], ocd) then
        perform case_close_rollup_add(scopes[i], nc[i], ncd, 1);
        perform case_close_rollup_add(scopes[i], oc[i], ocd, -1);
      else
        perform case_close_rollup_add(scopes[i], oc[i], ocd, -1);
        if ncd is not null and nc[i] is not null then
          perform case_close_rollup_add(scopes[i], nc[i], ncd, 1);
        end if;
      end if;
    elsif ncd is not null and nc[i] is not null then
      perform case_close_rollup_add(scopes[i], nc[i], ncd, 1);
    end if;
  end loop;
  return null;
end $$;

-- For a transaction that changes many cases at once (the SLA sweep's batches): takes the locks on
-- every existing rollup row of those cases up front, in the trigger's global order (scope, then table,
-- then key). The trigger then finds them held; without this, a batch would lock rows case by case and
-- could deadlock with a single transition taking the same rows in the global order.
create function case_rollup_lock(ids uuid[]) returns void language plpgsql as $$
declare
  scopes constant text[] := array['city', 'district', 'township', 'community', 'grid', 'unit', 'reporter'];
  i int;
begin
  for i in 1..7 loop
    perform 1 from case_rollup r
      join (select distinct s.scope_code, case_rollup_day(c) as day, category_class_of(c.category_code) as cls, c.source
            from cases c cross join lateral case_rollup_scopes(c) s where c.id = any(ids) and s.ord = i) k
        on r.scope = scopes[i] and r.scope_code = k.scope_code and r.day = k.day and r.category_class = k.cls
          and r.source = k.source
      order by r.scope_code, r.day, r.category_class, r.source
      for update of r;
    perform 1 from case_day_rollup r
      join (select distinct s.scope_code, case_rollup_day(c) as day
            from cases c cross join lateral case_rollup_scopes(c) s where c.id = any(ids) and s.ord = i) k
        on r.scope = scopes[i] and r.scope_code = k.scope_code and r.day = k.day
      order by r.scope_code, r.day
      for update of r;
    if i <= 5 then
      perform 1 from case_open_rollup r
        join (select distinct s.scope_code, coalesce(c.owner_unit_code, '') as unit_code
              from cases c cross join lateral case_rollup_scopes(c) s where c.id = any(ids) and s.ord = i) k
          on r.scope = scopes[i] and r.scope_code = k.scope_code and r.unit_code = k.unit_code
        order by r.scope_code, r.unit_code
        for update of r;
    end if;
    perform 1 from case_close_rollup r
      join (select distinct s.scope_code, case_close_day(c) as day
            from cases c cross join lateral case_rollup_scopes(c) s where c.id = any(ids) and s.ord = i) k
        on r.scope = scopes[i] and r.scope_code = k.scope_code and r.day = k.day
      order by r.scope_code, r.day
      for update of r;
  end loop;
end $$;

create trigger cases_rollup after insert or update on cases
  for each row execute function cases_rollup_trigger();

-- Recomputes the four tables from `cases` (after a bulk load with the trigger off). Holds an exclusive
-- lock on the rollups meanwhile, so a concurrent transition waits instead of being lost. One scan of
-- `cases` per scope (7 in all, nothing materialised: a 10M-case table stays a 10M-row scan each),
-- each grouped three ways at once: by report day, class and source (case_rollup), by closing day
-- (case_close_rollup) and by owning unit (case_open_rollup). case_day_rollup is summed from
-- case_rollup at the end. Security definer: TRUNCATE is the owner's; the app role may still call it.
create function case_rollup_rebuild() returns void language plpgsql security definer set search_path = public, pg_temp as $$
declare
  scopes constant text[] := array['city', 'district', 'township', 'community', 'grid', 'unit', 'reporter'];
  cols constant text[] := array['c.city_code::text', 'c.district_code::text', 'c.township_code::text',
    'c.community_code::text', 'c.grid_code::text', 'c.owner_unit_code', 'c.reported_by::text'];
  i int;
begin
  lock table case_rollup, case_day_rollup, case_open_rollup, case_close_rollup in access exclusive mode;
  truncate case_rollup, case_day_rollup, case_open_rollup, case_close_rollup;
  perform set_config('work_mem', '256MB', true);
  for i in 1..7 loop
    execute format($q$
      with recursive up(code, class_code) as (
        select code, code from categories where parent_code is null
        union all
        select ch.code, up.class_code from categories ch join up on ch.parent_code = up.code
      ),
      facts as (
        select %1$s as scope_code, case_rollup_day(c) as day, coalesce(up.class_code, '') as category_class,
          c.source, case_close_day(c) as close_day, coalesce(c.owner_unit_code, '') as unit_code, r.*
        from cases c left join up on up.code = c.category_code cross join lateral case_rollup_counts(c) r
        where %1$s is not null
      ),
      agg as (
        -- grouping(): 3 = (day, class, source), 29 = (close_day), 30 = (unit_code)
        select scope_code, day, category_class, source, close_day, unit_code, count(*) as n,
          grouping(day, category_class, source, close_day, unit_code) as g,
          sum(reported) as reported, sum(registered) as registered, sum(dispatched) as dispatched, sum(dispatches) as dispatches,
          sum(returns) as returns, sum(accepted_in_time) as accepted_in_time, sum(handled) as handled, sum(handled_on_time) as handled_on_time,
          sum(due_to_handle) as due_to_handle, sum(reworked) as reworked, sum(closed) as closed, sum(closed_on_time) as closed_on_time,
          sum(due_to_close) as due_to_close, sum(open) as open, sum(overdue_open) as overdue_open, sum(overdue_ever) as overdue_ever,
          sum(evaluated) as evaluated, sum(satisfied) as satisfied, sum(basically) as basically, sum(unsatisfied) as unsatisfied,
          sum(solved) as solved, sum(handling_days_sum) as handling_days_sum, sum(handling_days_n) as handling_days_n
        from facts
        group by grouping sets ((scope_code, day, category_class, source), (scope_code, close_day), (scope_code, unit_code))
      ),
      cohort as (
        insert into case_rollup (scope, scope_code, day, category_class, source,
          reported, registered, dispatched, dispatches, returns, accepted_in_time, handled, handled_on_time,
          due_to_handle, reworked, closed, closed_on_time, due_to_close, open, overdue_open, overdue_ever,
          evaluated, satisfied, basically, unsatisfied, solved, handling_days_sum, handling_days_n)
        select %2$L, scope_code, day, category_class, source,
          reported, registered, dispatched, dispatches, returns, accepted_in_time,
          handled, handled_on_time, due_to_handle, reworked, closed, closed_on_time,
          due_to_close, open, overdue_open, overdue_ever, evaluated, satisfied,
          basically, unsatisfied, solved, handling_days_sum, handling_days_n
        from agg where g = 3
      ),
      flow as (
        insert into case_close_rollup (scope, scope_code, day, closed)
        select %2$L, scope_code, close_day, n from agg where g = 29 and close_day is not null
      ),
      open_now as (
        insert into case_open_rollup (scope, scope_code, unit_code, open, overdue_open)
        select %2$L, scope_code, unit_code, open, overdue_open from agg where g = 30 and open > 0 and %3$L
      )
      select 1
    $q$, cols[i], scopes[i], i <= 5);
  end loop;
  insert into case_day_rollup (scope, scope_code, day,
    reported, registered, dispatched, dispatches, returns, accepted_in_time, handled, handled_on_time,
    due_to_handle, reworked, closed, closed_on_time, due_to_close, open, overdue_open, overdue_ever,
    evaluated, satisfied, basically, unsatisfied, solved, handling_days_sum, handling_days_n)
  select scope, scope_code, day,
    sum(reported), sum(registered), sum(dispatched), sum(dispatches), sum(returns), sum(accepted_in_time),
    sum(handled), sum(handled_on_time), sum(due_to_handle), sum(reworked), sum(closed), sum(closed_on_time),
    sum(due_to_close), sum(open), sum(overdue_open), sum(overdue_ever), sum(evaluated), sum(satisfied),
    sum(basically), sum(unsatisfied), sum(solved), sum(handling_days_sum), sum(handling_days_n)
  from case_rollup
  group by scope, scope_code, day;
  analyze case_rollup;
  analyze case_day_rollup;
  analyze case_open_rollup;
  analyze case_close_rollup;
end $$;

-- The heat map: every grid's reports over the last days, read by day (index-only) rather than per grid.
create index case_day_rollup_by_day on case_day_rollup (scope, day, scope_code) include (reported);

-- The screen's map (stats/live-queries.ts): open cases of a division, and the newest ones city-wide
-- (cases_open_point, 007, serves boxes) …
create index cases_open_division on cases (district_code, township_code, community_code, grid_code, reported_at desc)
  where status in ('reported', 'registered', 'dispatched', 'accepted', 'returned', 'handled');
create index cases_open_recent on cases (reported_at desc)
  where status in ('reported', 'registered', 'dispatched', 'accepted', 'returned', 'handled');
-- … and the ones closed in the last 24 hours, counted per division from the index alone
create index cases_closed_recent on cases (closed_at desc)
  include (city_code, district_code, township_code, community_code, grid_code)
  where status in ('closed', 'evaluated');

-- Existing cases (a database migrated with history): count them once.
select case_rollup_rebuild();
