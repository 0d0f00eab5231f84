// Where the problem is: the map follows the phone's position at first; the worker drags the map
// under the fixed pin (or taps a spot) to correct it. Works offline on the vector base map.
import { AimOutlined, EnvironmentFilled } from "@ant-design/icons";
import { Button } from "antd";
import type { Map as LeafletMap } from "leaflet";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { type LatLng, type MapOverlay, VectorMap } from "../../components/map/index.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { MapBoundary } from "./MapBoundary.tsx";

interface Props {
  /** the phone's position (the red dot), when known */
  gps: LatLng | null;
  /** asks the map to centre on the phone's position again */
  gpsKey: number;
  onLocate: () => void;
  onChange: (p: LatLng) => void;
  /** the worker moved the map by hand: the centre is now their choice */
  onTouched: () => void;
  overlays?: MapOverlay[];
  height?: number;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function PointPicker({ gps, gpsKey, onLocate, onChange, onTouched, overlays, height = 260 }: Props) {
  const { t } = useI18n();
  const map = useRef<LeafletMap | null>(null);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  const touchedRef = useRef(onTouched);
  touchedRef.current = onTouched;

  const onReady = useCallback((m: LeafletMap) => {
    map.current = m;
    // the point is the centre of the map, under the pin
    m.on("moveend", () => {
      const c = m.getCenter();
      changeRef.current({ lat: round(c.lat), lng: round(c.lng) });
    });
    m.on("dragstart", () => touchedRef.current());
  }, []);

  // a new fix (or "my position" pressed): centre on it
  // biome-ignore lint/correctness/useExhaustiveDependencies: gpsKey asks to centre again on the same fix
  useEffect(() => {
    if (gps && map.current) map.current.setView([gps.lat, gps.lng], Math.max(map.current.getZoom(), 17));
  }, [gps, gpsKey]);

  const marker = useMemo(() => gps, [gps]);
  return (
    <div className="m-map-wrap" data-testid="report-map">
      <MapBoundary height={height} text={t("mMapUnavailable")}>
        <VectorMap
          height={height}
          marker={marker}
          overlays={overlays}
          fit="marker"
          markerZoom={17}
          fitKey={gps ? `gps:${gpsKey}` : "none"}
          onReady={onReady}
          onMapClick={(p) => {
            onTouched();
            map.current?.panTo([p.lat, p.lng]);
          }}
        />
      </MapBoundary>
      <EnvironmentFilled className="m-map-pin" aria-hidden />
      <Button
        shape="circle"
        size="large"
        className="m-map-locate"
        icon={<AimOutlined />}
        onClick={onLocate}
        aria-label={t("mUseMyPosition")}
      />
    </div>
  );
}
