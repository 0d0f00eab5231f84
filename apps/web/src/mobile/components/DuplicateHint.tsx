// A gentle "maybe the same as …" under the phone report: open cases near the point telling a similar
// story (GET /cases/duplicates), asked after a pause in typing and only while online. It never blocks
// the report; the centre decides on the merge when it dispatches.
import { Alert } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import type { LatLng } from "../../components/map/index.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";

interface Candidate {
  id: string;
  code: string;
  title: string;
  excerpt?: string;
  why: { distanceM: number };
}

const MIN_TEXT = 4;

export function DuplicateHint(props: { point: LatLng | null; text: string; categoryCode?: string; online: boolean }) {
  const { t } = useI18n();
  const [items, setItems] = useState<Candidate[]>([]);
  const { point, text, categoryCode, online } = props;
  const lat = point?.lat;
  const lng = point?.lng;
  const query = text.trim();

  useEffect(() => {
    if (!online || lat === undefined || lng === undefined || query.length < MIN_TEXT) {
      setItems([]);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      get<{ items: Candidate[] }>(
        `/cases/duplicates${qs({ lat, lng, text: query.slice(0, 500), categoryCode, limit: 3 })}`,
      )
        .then((r) => live && setItems(r.items))
        .catch(() => live && setItems([]));
    }, 600);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [online, lat, lng, query, categoryCode]);

  if (items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="report-duplicate-hint"
      title={t("dupIntakeHint")}
      description={
        <>
          {items.map((c) => (
            <div key={c.id}>
              <Link to={`/cases/${c.id}`}>{c.code}</Link> {c.excerpt ?? c.title} ·{" "}
              {t("dupDistance", { m: c.why.distanceM })}
            </div>
          ))}
          <div className="m-muted">{t("dupIntakeHintMore")}</div>
        </>
      }
    />
  );
}
