// Where the problem is: tap the offline vector map or use the phone's position; the place found
// there (district · township · community) is confirmed below the map.
import { AimOutlined, EnvironmentOutlined } from "@ant-design/icons";
import { App, Button, Typography } from "antd";
import { useEffect, useState } from "react";
import { VectorMap } from "../../components/map/index.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError, get, qs } from "../../lib/api.ts";
import { placeText } from "../format.ts";
import type { PlaceNames } from "../types.ts";

export interface Point {
  lat: number;
  lng: number;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function PointPicker({ value, onChange }: { value: Point | null; onChange: (p: Point | null) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [place, setPlace] = useState<PlaceNames | null>(null);
  const [outside, setOutside] = useState(false);
  const [locating, setLocating] = useState(false);
  const [fitKey, setFitKey] = useState(0);

  // confirm the place after a short pause, keeping only the latest answer
  useEffect(() => {
    setPlace(null);
    setOutside(false);
    if (!value) return;
    let live = true;
    const timer = window.setTimeout(() => {
      get<PlaceNames>(`/public/locate${qs({ lat: value.lat, lng: value.lng })}`)
        .then((p) => live && setPlace(p))
        .catch((e: unknown) => {
          if (live && e instanceof ApiError && e.body.code === "LOCATION_OUTSIDE_CITY") setOutside(true);
        });
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [value]);

  const locateMe = () => {
    if (!navigator.geolocation) return;
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onChange({ lat: round(pos.coords.latitude), lng: round(pos.coords.longitude) });
        setFitKey((k) => k + 1);
      },
      () => {
        setLocating(false);
        message.warning(t("pLocationFailed"));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div data-testid="p-point">
      <VectorMap
        height={300}
        testId="p-map"
        marker={value}
        onMapClick={(p) => onChange({ lat: round(p.lat), lng: round(p.lng) })}
        fit={fitKey === 0 ? "districts" : "marker"}
        fitKey={fitKey}
        markerZoom={14}
      />
      <Typography.Text type="secondary" style={{ display: "block", margin: "6px 0", fontSize: 13 }}>
        {t("pMapHint")}
      </Typography.Text>
      {"geolocation" in navigator && (
        <Button icon={<AimOutlined />} loading={locating} onClick={locateMe} data-testid="p-locate-me">
          {t("pUseMyLocation")}
        </Button>
      )}
      <div className="p-place" aria-live="polite" data-testid="p-place">
        {place ? (
          <Typography.Text>
            <EnvironmentOutlined style={{ color: "#d4380d", marginInlineEnd: 6 }} />
            {t("pPlaceFound", { place: placeText(place) })}
          </Typography.Text>
        ) : outside ? (
          <Typography.Text type="danger">{t("pPlaceOutside")}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{value ? t("pLoading") : t("pNoPoint")}</Typography.Text>
        )}
      </div>
    </div>
  );
}
