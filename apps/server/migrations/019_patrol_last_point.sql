-- Each patrol remembers its latest point, so "who is on patrol now" (the big screen, emergency mode)
-- reads the open patrols with a recent point through one small index instead of probing every open
-- patrol's track. A statement-level trigger keeps it for every writer (the phone's points, the demo's
-- seeded and live patrols, the benchmark's generator); points may arrive late and out of order (the
-- phone's offline queue), so only a newer point moves it.
alter table patrols
  add column last_point_at timestamptz,
  add column last_lat double precision,
  add column last_lng double precision;

update patrols p set last_point_at = x.at, last_lat = x.lat, last_lng = x.lng
from (
  select distinct on (patrol_id) patrol_id, at, lat, lng from patrol_points order by patrol_id, at desc
) x
where p.id = x.patrol_id;

create index patrols_open_last_point on patrols (last_point_at desc) where ended_at is null;

create function patrol_last_point() returns trigger language plpgsql as $$
begin
  update patrols p set last_point_at = x.at, last_lat = x.lat, last_lng = x.lng
  from (
    select distinct on (patrol_id) patrol_id, at, lat, lng from new_points order by patrol_id, at desc
  ) x
  where p.id = x.patrol_id and (p.last_point_at is null or x.at >= p.last_point_at);
  return null;
end $$;

create trigger patrol_points_last_point after insert on patrol_points
  referencing new table as new_points for each statement execute function patrol_last_point();
