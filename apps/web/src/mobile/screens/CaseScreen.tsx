// One case on the phone: what was reported and what the handler did, on the map, and — when the case
// waits for my check — the verification (核查): passed or not, a note, photos taken on site. The check
// goes through the outbox like a report, so it can be made without a network.
import type { CaseAction, CaseStatus } from "@civicgrid/shared";
import { Alert, Image, Skeleton, Timeline } from "antd";
import { useParams } from "react-router-dom";
import { StatusTag } from "../../components/cases/StatusTag.tsx";
import { CaseMap } from "../../components/map/index.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { fmtTime, placeText } from "../../lib/format.ts";
import type { CaseDetail } from "../../lib/types.ts";
import { MapBoundary } from "../components/MapBoundary.tsx";
import { VerifyForm } from "../components/VerifyForm.tsx";
import { useQueue } from "../hooks.ts";
import { useCachedGet } from "../offline/cached.ts";
import { useSession } from "../session.tsx";
import { ErrorNote } from "./ErrorNote.tsx";

interface Photo {
  id: string;
  url: string;
  thumbnailUrl?: string;
  stage: string | null;
}

type CaseView = CaseDetail & { photos?: Photo[]; availableActions?: CaseAction[] };

export function CaseScreen() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const { me } = useSession();
  const found = useCachedGet<CaseView>(`/cases/${encodeURIComponent(id)}`);
  const queue = useQueue(me?.id);
  const c = found.data;
  const queuedCheck = queue.items.find(
    (i) => i.payload.kind === "verify" && i.payload.caseId === id && i.state !== "sent",
  );

  if (!c) {
    return (
      <div data-testid="m-case">
        <ErrorNote error={found.error} onRetry={found.reload} />
        {found.loading && <Skeleton active />}
      </div>
    );
  }
  const mayVerify = !found.stale && (c.availableActions ?? []).includes("verify");
  const photos = c.photos ?? [];

  return (
    <div data-testid="m-case" data-status={c.status}>
      {found.stale && (
        <Alert type="warning" showIcon title={t("mStale", { at: fmtTime(found.at) })} style={{ marginBottom: 12 }} />
      )}
      <section className="m-card">
        <h2 className="m-card-title">
          <span>{c.title}</span>
          <StatusTag status={c.status as CaseStatus} testId="m-case-status" />
        </h2>
        <div className="m-muted">
          {c.code} · {fmtTime(c.reportedAt)}
        </div>
        <p className="m-text">{c.description}</p>
        <div className="m-muted">
          {placeText(c)}
          {c.gridName ? ` · ${c.gridName}` : ""}
          {c.address ? ` · ${c.address}` : ""}
        </div>
      </section>

      {c.resultNote && (
        <section className="m-card">
          <h2 className="m-card-title">{t("mHandlerSaid")}</h2>
          <p className="m-text" style={{ margin: 0 }}>
            {c.resultNote}
          </p>
          {c.ownerUnit && <div className="m-muted">{c.ownerUnit.name}</div>}
        </section>
      )}

      {photos.length > 0 && (
        <section className="m-card">
          <h2 className="m-card-title">{t("mPhotos")}</h2>
          <div className="m-photos">
            <Image.PreviewGroup>
              {photos.map((p) => (
                <div className="m-photo" key={p.id}>
                  <Image
                    src={p.thumbnailUrl ?? p.url}
                    preview={{ src: p.url }}
                    alt={t(`mStage_${p.stage ?? "report"}` as MessageKey)}
                  />
                </div>
              ))}
            </Image.PreviewGroup>
          </div>
        </section>
      )}

      <section className="m-card">
        <MapBoundary height={200} text={t("mMapUnavailable")}>
          <CaseMap lat={c.lat} lng={c.lng} gridCode={c.gridCode} height={200} />
        </MapBoundary>
      </section>

      {queuedCheck ? (
        <Alert
          type="info"
          showIcon
          title={t("mCheckQueued")}
          style={{ marginBottom: 12 }}
          data-testid="m-check-queued"
        />
      ) : (
        mayVerify && <VerifyForm caseId={c.id} caseCode={c.code} />
      )}

      {c.events && c.events.length > 0 && (
        <section className="m-card">
          <h2 className="m-card-title">{t("timeline")}</h2>
          <Timeline
            items={[...c.events].reverse().map((e) => ({
              key: e.seq,
              content: (
                <div>
                  <b>{t(`action_${e.action}` as MessageKey)}</b> <span className="m-muted">{fmtTime(e.at)}</span>
                  <div className="m-muted">{e.actorUnit?.name}</div>
                  {e.note && <div className="m-text">{e.note}</div>}
                </div>
              ),
            }))}
          />
        </section>
      )}
    </div>
  );
}
