// 上报: a photo and a few taps. The position comes from the phone (adjustable on the map), the
// category is optional, the description may be typed or dictated through the keyboard's voice input
// (it is plain text: nothing here interferes with the input method). The report goes to the outbox
// and is sent at once when there is a network, later when there is not.
import { SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, Input } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import type { LatLng, MapOverlay } from "../../components/map/index.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError, get, qs } from "../../lib/api.ts";
import { CategoryPicker } from "../components/CategoryPicker.tsx";
import { DuplicateHint } from "../components/DuplicateHint.tsx";
import { PhotoPicker, type PickedPhoto } from "../components/PhotoPicker.tsx";
import { PointPicker } from "../components/PointPicker.tsx";
import { useCurrentPosition, useOnline } from "../hooks.ts";
import { isOnline } from "../network.ts";
import { useCachedGet } from "../offline/cached.ts";
import { type PickCategory, rememberCategory } from "../offline/categories.ts";
import { enqueue, queuedPhoto, sendQueue } from "../offline/queue.ts";
import { useSession } from "../session.tsx";
import type { MobileHome } from "../types.ts";

const MAX_DESCRIPTION = 5000;

type Place = { kind: "unknown" } | { kind: "checking" } | { kind: "inside"; text: string } | { kind: "outside" };

interface Named {
  code: string;
  name: string;
}

/** Where the point is, asked of the server while online (offline the server checks on arrival). */
function usePlace(point: LatLng | null, online: boolean): Place {
  const [place, setPlace] = useState<Place>({ kind: "unknown" });
  useEffect(() => {
    if (!point || !online) {
      setPlace({ kind: "unknown" });
      return;
    }
    let live = true;
    setPlace({ kind: "checking" });
    const timer = window.setTimeout(() => {
      get<{ grid: Named; community: Named; township: Named }>(`/locate${qs({ lat: point.lat, lng: point.lng })}`)
        .then((p) => {
          if (live) setPlace({ kind: "inside", text: `${p.township.name} ${p.community.name} · ${p.grid.name}` });
        })
        .catch((err: unknown) => {
          if (!live) return;
          setPlace(err instanceof ApiError && err.status === 422 ? { kind: "outside" } : { kind: "unknown" });
        });
    }, 400);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [point, online]);
  return place;
}

export function ReportScreen() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me } = useSession();
  const online = useOnline();
  const gps = useCurrentPosition();
  const [gpsKey, setGpsKey] = useState(0);
  const home = useCachedGet<MobileHome>("/mobile/home");
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [point, setPoint] = useState<LatLng | null>(null);
  const [touched, setTouched] = useState(false);
  const [category, setCategory] = useState<PickCategory | null>(null);
  const [description, setDescription] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const place = usePlace(point, online);

  const overlays = useMemo<MapOverlay[] | undefined>(
    () =>
      home.data?.grids.features.length
        ? [
            {
              id: "my-grids",
              data: home.data.grids,
              fit: false,
              style: { color: "#1f5fbf", weight: 2, fillOpacity: 0.06 },
            },
          ]
        : undefined,
    [home.data],
  );
  const gpsPoint = useMemo(() => (gps.pos ? { lat: gps.pos.lat, lng: gps.pos.lng } : null), [gps.pos]);
  // the map's centre counts once it was put there by the phone's position or by the worker; without a
  // map (not loadable offline) the phone's position is the point
  const chosen = point && (touched || gpsPoint) ? point : gpsPoint;

  const submit = async () => {
    const text = description.trim() || category?.name || "";
    if (!chosen) return setProblem(t("mNeedPoint"));
    if (!text) return setProblem(t("mNeedDescription"));
    if (place.kind === "outside") return setProblem(t("mOutsideCity"));
    if (!me) return;
    setBusy(true);
    setProblem(null);
    try {
      await enqueue(me.id, {
        kind: "report",
        body: {
          description: text,
          lat: chosen.lat,
          lng: chosen.lng,
          ...(category ? { categoryCode: category.code } : {}),
        },
        categoryName: category?.name,
        photos: photos.map((p) => queuedPhoto(p.blob, p.name)),
      });
      if (category) await rememberCategory(category);
      void sendQueue(me.id);
      message.success(isOnline() ? t("mReportSending") : t("mReportQueued"));
      navigate("/queue");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="m-report">
      <section className="m-card">
        <h2 className="m-card-title">{t("mPhotos")}</h2>
        <PhotoPicker value={photos} onChange={setPhotos} testId="report-photos" />
      </section>

      <section className="m-card">
        <h2 className="m-card-title">{t("mWhere")}</h2>
        <PointPicker
          gps={gpsPoint}
          gpsKey={gpsKey}
          onLocate={() => {
            gps.refresh();
            setGpsKey((n) => n + 1);
          }}
          onChange={setPoint}
          onTouched={() => setTouched(true)}
          overlays={overlays}
        />
        <div className="m-muted" style={{ marginTop: 6 }} data-testid="report-place">
          {!chosen
            ? gps.error
              ? t("mNoGpsDrag")
              : t("mLocating")
            : place.kind === "inside"
              ? place.text
              : place.kind === "outside"
                ? t("mOutsideCity")
                : place.kind === "checking"
                  ? t("mChecking")
                  : t("mPlaceOffline", { lat: chosen.lat.toFixed(5), lng: chosen.lng.toFixed(5) })}
        </div>
      </section>

      <section className="m-card">
        <h2 className="m-card-title">{t("mWhat")}</h2>
        <CategoryPicker value={category} onChange={setCategory} />
        <Input.TextArea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder={t("mDescriptionHint")}
          autoSize={{ minRows: 4, maxRows: 12 }}
          maxLength={MAX_DESCRIPTION}
          showCount
          enterKeyHint="done"
          style={{ marginTop: 10, marginBottom: 18 }}
          data-testid="report-description"
          aria-label={t("description")}
        />
      </section>

      <DuplicateHint point={chosen} text={description} categoryCode={category?.code} online={online} />
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="report-problem" />
      )}
      <Button
        type="primary"
        block
        className="m-big-button"
        icon={<SendOutlined />}
        loading={busy}
        onClick={() => void submit()}
        data-testid="report-submit"
      >
        {online ? t("mSubmit") : t("mSubmitOffline")}
      </Button>
    </div>
  );
}
