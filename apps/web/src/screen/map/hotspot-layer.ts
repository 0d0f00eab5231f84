// Hotspots on the screen's map: a pulsing ring at each hotspot's grid or community (HTML markers:
// there are a few dozen at most, and a CSS animation needs DOM elements, not canvas circles).
import L from "leaflet";
import type { ScreenAlert } from "../types.ts";

export function hotspotLayer(alerts: readonly ScreenAlert[], label: (a: ScreenAlert) => string): L.LayerGroup {
  const group = L.layerGroup();
  for (const a of alerts) {
    if (a.kind !== "hotspot" || !a.location) continue;
    const icon = L.divIcon({
      className: `scr-hotspot ${a.status}`,
      html: `<i></i><b>${a.observed}</b>`,
      iconSize: [34, 34],
      iconAnchor: [17, 17],
    });
    L.marker([a.location.lat, a.location.lng], { icon, pane: "scr-hotspots", keyboard: false })
      .bindTooltip(label(a), { className: "scr-tip", direction: "top", offset: [0, -14] })
      .addTo(group);
  }
  return group;
}
