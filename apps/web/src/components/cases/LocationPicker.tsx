// Where the problem is: click the map, type the coordinates, or use the device position; the
// place found there (grid, community, township, district) is shown as it changes.
import { AimOutlined, EnvironmentOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Form, type FormInstance, InputNumber, Typography } from "antd";
import type { FeatureCollection } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import { useAuth } from "../../lib/auth.tsx";
import { useLocate } from "../../lib/useLocate.ts";
import { type MapOverlay, VectorMap } from "../map/index.tsx";

export type { Located } from "../../lib/useLocate.ts";

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The user's own community or township, where the map starts. */
function useArea(): { level: "community" | "township"; code: string } | null {
  const { me } = useAuth();
  const j = me?.jurisdiction;
  if (j?.kind !== "division" || (j.level !== "community" && j.level !== "township")) return null;
  return { level: j.level, code: j.code };
}

/** Grid outlines of a community or township (GET /geo/grids?…); null until there are some. */
function useGrids(query: string | null): FeatureCollection | null {
  const [grids, setGrids] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    if (!query) return;
    let live = true;
    get<FeatureCollection>(`/geo/grids${query}`)
      .then((fc) => {
        if (live && fc.features?.length) setGrids(fc);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [query]);
  return grids;
}

export function LocationPicker({ form }: { form: FormInstance }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const lat = Form.useWatch<number | null>("lat", form);
  const lng = Form.useWatch<number | null>("lng", form);
  const [fitKey, setFitKey] = useState(0);
  const home = useArea();
  const area = useGrids(home ? qs({ [`${home.level}Code`]: home.code }) : null);
  const { located, problem: locateError } = useLocate(lat ?? undefined, lng ?? undefined);
  const [locating, setLocating] = useState(false);
  const has = typeof lat === "number" && typeof lng === "number";
  // the grids around a point outside the user's own area, so a zoomed-in map is not blank
  const inArea = home && located && located[home.level].code === home.code;
  const near = useGrids(located && !inArea ? qs({ communityCode: located.community.code }) : null);
  const overlays = useMemo<MapOverlay[] | undefined>(() => {
    const tooltip = (p: Record<string, unknown>) => (typeof p.name === "string" ? p.name : null);
    const list: MapOverlay[] = [];
    if (area) list.push({ id: "area", data: area, style: { color: "#1f5fbf", weight: 1, fillOpacity: 0.04 }, tooltip });
    if (near && !inArea)
      list.push({
        id: "near",
        data: near,
        fit: false,
        style: { color: "#8193ad", weight: 1, fillOpacity: 0 },
        tooltip,
      });
    return list.length ? list : undefined;
  }, [area, near, inArea]);
  const marker = useMemo(() => (has ? { lat: lat as number, lng: lng as number } : null), [has, lat, lng]);

  const setPoint = (p: { lat: number; lng: number }, frame: boolean) => {
    form.setFieldsValue({ lat: round(p.lat), lng: round(p.lng) });
    void form.validateFields(["lat", "lng"]).catch(() => {});
    if (frame) setFitKey((k) => k + 1);
  };

  const locateMe = () => {
    if (!navigator.geolocation) return;
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setPoint({ lat: pos.coords.latitude, lng: pos.coords.longitude }, true);
      },
      () => {
        setLocating(false);
        message.warning(t("geolocationFailed"));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const coord = (name: "lat" | "lng", min: number, max: number) => (
    <Form.Item
      name={name}
      label={t(name === "lat" ? "latitude" : "longitude")}
      rules={[{ required: true, message: t("locationRequired") }]}
      style={{ marginBottom: 8, flex: "1 1 150px" }}
    >
      <InputNumber
        data-testid={`report-${name}`}
        min={min}
        max={max}
        step={0.0001}
        precision={6}
        style={{ width: "100%" }}
        onChange={() => setFitKey((k) => k + 1)}
      />
    </Form.Item>
  );

  return (
    <div>
      <VectorMap
        height={340}
        testId="report-map"
        marker={marker}
        onMapClick={(p) => setPoint(p, false)}
        overlays={overlays}
        // first the user's own area; then wherever typed coordinates or the device position point
        fit={fitKey === 0 ? "overlays" : "marker"}
        fitKey={fitKey === 0 ? `area:${area ? 1 : 0}` : `point:${fitKey}`}
        markerZoom={15}
      />
      <Typography.Text type="secondary" style={{ display: "block", margin: "6px 0 8px", fontSize: 12 }}>
        {t("mapClickHint")}
      </Typography.Text>
      <Flex gap={8} wrap align="flex-end">
        {coord("lat", -90, 90)}
        {coord("lng", -180, 180)}
        {"geolocation" in navigator && (
          <Form.Item style={{ marginBottom: 8 }}>
            <Button icon={<AimOutlined />} loading={locating} onClick={locateMe} data-testid="report-geolocate">
              {t("useMyPosition")}
            </Button>
          </Form.Item>
        )}
      </Flex>
      <div className="cg-located" aria-live="polite" data-testid="report-located">
        {located ? (
          <Typography.Text>
            <EnvironmentOutlined style={{ color: "#d4380d", marginInlineEnd: 6 }} />
            {[located.district.name, located.township.name, located.community.name, located.grid.name].join(" / ")}
          </Typography.Text>
        ) : locateError ? (
          <Alert type="warning" showIcon title={locateError} />
        ) : (
          <Typography.Text type="secondary">{has ? t("locating") : t("noLocationYet")}</Typography.Text>
        )}
      </div>
    </div>
  );
}
