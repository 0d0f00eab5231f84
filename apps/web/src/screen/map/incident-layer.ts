// An incident on the map: its drawn area (if any) and its grids outlined in red, the open cases in
// them and the grid workers coloured by the state of their task; the map is framed on the area.
import type { FeatureCollection } from "geojson";
import L from "leaflet";
import type { useI18n } from "../../i18n/index.tsx";
import { incidentApi } from "../api.ts";
import type { CasePoint, IncidentDetail } from "../types.ts";
import { caseColor } from "./colors.ts";

type T = ReturnType<typeof useI18n>["t"];

export const TASK_COLORS: Record<string, string> = {
  sent: "#faad14",
  acknowledged: "#40a9ff",
  done: "#52c41a",
};

const AREA = { color: "#ff4d4f", weight: 2.5, fillColor: "#ff4d4f", fillOpacity: 0.1, dashArray: "8 5" };

/** An incident's grids never change: fetched once per incident and page. */
const gridCache = new Map<string, Promise<FeatureCollection | null>>();
function gridsOf(id: string): Promise<FeatureCollection | null> {
  let hit = gridCache.get(id);
  if (!hit) {
    hit = incidentApi.grids(id).catch(() => {
      gridCache.delete(id);
      return null;
    });
    gridCache.set(id, hit);
  }
  return hit;
}

export class IncidentLayer {
  private readonly group = L.featureGroup();
  private live = true;

  constructor(
    private readonly map: L.Map,
    incident: IncidentDetail,
    t: T,
    onCase: (p: CasePoint) => void,
    /** frame the map on the area: the first time this incident is shown, not on each refresh */
    fit: boolean,
  ) {
    const frame = L.latLngBounds([]);
    const polygon = incident.area.polygon;
    if (polygon && polygon.length >= 3) {
      const shape = L.polygon(
        polygon.map(([lng, lat]) => [lat, lng] as L.LatLngTuple),
        { ...AREA, pane: "scr-incident", interactive: false },
      ).addTo(this.group);
      frame.extend(shape.getBounds());
    }
    for (const c of incident.cases) {
      const point: CasePoint = {
        id: c.id,
        code: c.code,
        lat: c.lat,
        lng: c.lng,
        status: c.status,
        overdue: Boolean(c.overdue),
        categoryName: c.categoryName ?? null,
        reportedAt: "",
      };
      L.circleMarker([c.lat, c.lng], {
        pane: "scr-incident",
        radius: 6,
        color: "#fff",
        weight: 1.5,
        fillColor: caseColor(c.status, Boolean(c.overdue)),
        fillOpacity: 1,
      })
        .bindTooltip(`${c.code} ${c.categoryName ?? ""}`, { className: "scr-tip" })
        .on("click", () => onCase(point))
        .addTo(this.group);
      frame.extend([c.lat, c.lng]);
    }
    for (const w of incident.workers) {
      if (w.lat === null || w.lng === null) continue; // never patrolled: listed, not placed
      const status = w.taskStatus ?? "sent";
      L.circleMarker([w.lat, w.lng], {
        pane: "scr-incident",
        radius: 7,
        color: "#ffffff",
        weight: 2,
        fillColor: TASK_COLORS[status] ?? TASK_COLORS.sent,
        fillOpacity: 1,
      })
        .bindTooltip(`${w.name ?? ""} · ${t(`incTask_${status}` as Parameters<T>[0])}`, { className: "scr-tip" })
        .addTo(this.group);
    }
    this.group.addTo(map);
    if (fit && frame.isValid()) map.fitBounds(frame, { padding: [40, 40], maxZoom: 16, animate: false });
    // the grids of the area, outlined once their shapes arrive; framed on them when nothing was drawn
    gridsOf(incident.id).then((fc) => {
      if (!this.live || !fc?.features.length) return;
      const grids = L.geoJSON(fc as FeatureCollection, {
        pane: "scr-incident",
        interactive: false,
        style: {
          color: "#ff7875",
          weight: 1.2,
          fillColor: "#ff4d4f",
          fillOpacity: 0.3,
          className: "scr-incident-grid",
        },
      }).addTo(this.group);
      grids.bringToBack();
      if (fit && !polygon)
        map.fitBounds(grids.getBounds().extend(frame), { padding: [40, 40], maxZoom: 16, animate: false });
    });
  }

  remove(): void {
    this.live = false;
    this.group.remove();
  }
}
