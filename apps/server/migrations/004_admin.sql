-- Units become editable by the system admin (POST/PATCH /admin/units): the database keeps the
-- organisation's shape even if a future code path skips the checks in the domain
-- (packages/domain/src/access/organisation.ts).

-- each unit type sits at its division level; departments at city or district
alter table units add constraint units_type_level check (
  case type
    when 'city_centre' then level = 'city'
    when 'district_centre' then level = 'district'
    when 'township_centre' then level = 'township'
    when 'community_station' then level = 'community'
    when 'department' then level in ('city', 'district')
    else level = 'city'
  end
);

-- one governance centre or work station per division (directory.centreOf relies on it)
create unique index units_one_centre_per_division on units(division_code)
  where type in ('city_centre', 'district_centre', 'township_centre', 'community_station');

-- the admin's account list filters by role
create index users_roles on users using gin(roles);
