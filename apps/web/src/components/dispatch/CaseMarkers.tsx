// The dispatch map: the shared VectorMap as the base, the user's jurisdiction outlined and framed,
// and the cases as coloured dots with hover in both directions (row ↔ dot) and click to open.

import { AimOutlined } from "@ant-design/icons";
import { Button } from "antd";
import type * as Leaflet from "leaflet";
import { useEffect, useMemo, useRef } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { useMapHandle } from "../admin/baseMap.ts";
import { type MapOverlay, VectorMap } from "../map/index.tsx";
import { colorOf, type MapCase } from "./types.ts";

const RADIUS = 6;
const RADIUS_HIGHLIGHT = 11;

export function CaseMarkers({
  cases,
  highlight,
  onHover,
  onOpen,
  jurisdiction,
  height,
}: {
  cases: MapCase[];
  highlight: string | null;
  onHover: (id: string | null) => void;
  onOpen: (id: string) => void;
  /** outline of the user's area, framed on first show; none → the whole city */
  jurisdiction: MapOverlay | null;
  height: number | string;
}) {
  const { t } = useI18n();
  const [base, onReady] = useMapHandle();
  const dots = useRef(new Map<string, Leaflet.CircleMarker>());
  const handlers = useRef({ onHover, onOpen });
  handlers.current = { onHover, onOpen };
  const overlays = useMemo(() => (jurisdiction ? [jurisdiction] : undefined), [jurisdiction]);

  // a pane above the outlines with its own canvas, so dots always win the hit test
  const renderer = useMemo(() => {
    if (!base) return undefined;
    const { L, map } = base;
    if (!map.getPane("cg-cases")) {
      const pane = map.createPane("cg-cases");
      pane.style.zIndex = "450";
    }
    return L.canvas({ pane: "cg-cases", padding: 0.2 });
  }, [base]);

  useEffect(() => {
    if (!base || !renderer) return;
    const { L, map } = base;
    const group = L.layerGroup();
    const byId = new Map<string, Leaflet.CircleMarker>();
    for (const c of cases) {
      const dot = L.circleMarker([c.lat, c.lng], {
        renderer,
        pane: "cg-cases",
        radius: RADIUS,
        color: "#ffffff",
        weight: 1.5,
        fillColor: colorOf(c),
        fillOpacity: 0.95,
      });
      const status = t(`status_${c.status}`);
      dot.bindTooltip(`${c.code} · ${status}${c.overdue ? ` · ${t("overdue")}` : ""}<br/>${escapeHtml(c.title)}`, {
        direction: "top",
        offset: [0, -6],
      });
      dot.on("mouseover", () => handlers.current.onHover(c.id));
      dot.on("mouseout", () => handlers.current.onHover(null));
      dot.on("click", () => handlers.current.onOpen(c.id));
      dot.addTo(group);
      byId.set(c.id, dot);
    }
    group.addTo(map);
    dots.current = byId;
    return () => {
      group.remove();
      dots.current = new Map();
    };
  }, [base, renderer, cases, t]);

  // the highlighted case: a bigger dot with a dark ring, brought to the front, its label shown
  // biome-ignore lint/correctness/useExhaustiveDependencies: cases triggers a re-highlight after a redraw
  useEffect(() => {
    if (!highlight) return;
    const dot = dots.current.get(highlight);
    if (!dot) return;
    dot.setStyle({ color: "#141414", weight: 3 }).setRadius(RADIUS_HIGHLIGHT).bringToFront().openTooltip();
    return () => {
      dot.setStyle({ color: "#ffffff", weight: 1.5 }).setRadius(RADIUS).closeTooltip();
    };
  }, [highlight, cases]);

  // frame the cases that are on the map (they may cluster in a corner of a large area)
  const frameCases = () => {
    if (!base || cases.length === 0) return;
    const bounds = base.L.latLngBounds(cases.map((c) => [c.lat, c.lng] as [number, number]));
    base.map.fitBounds(bounds, { padding: [40, 40], maxZoom: 16 });
  };

  return (
    <div style={{ position: "relative", height }}>
      <VectorMap
        height={height}
        testId="dispatch-map"
        onReady={onReady}
        overlays={overlays}
        fit={overlays ? "overlays" : "districts"}
        fitKey={overlays ? "area" : "city"}
      />
      <Button
        size="small"
        icon={<AimOutlined />}
        onClick={frameCases}
        disabled={!base || cases.length === 0}
        style={{ position: "absolute", top: 10, right: 10, zIndex: 1000 }}
        data-testid="dispatch-frame-cases"
      >
        {t("admFrameCases")}
      </Button>
    </div>
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
