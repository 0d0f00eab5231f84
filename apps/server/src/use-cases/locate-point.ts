import type { Services } from "../services.ts";
import { locateOrFail } from "./create-case.ts";

/** Grid, community, township, district and city of a point, with names. */
export function locatePoint({ services, lat, lng }: { services: Services; lat: number; lng: number }) {
  const { places } = services;
  const place = locateOrFail(services, lat, lng);
  const named = (code: string) => ({ code, name: places.division(code)?.name ?? code });
  return {
    grid: { code: place.grid, name: places.gridName(place.grid) ?? place.grid },
    community: named(place.community),
    township: named(place.township),
    district: named(place.district),
    city: named(place.city),
  };
}
