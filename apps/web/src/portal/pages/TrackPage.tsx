// Follow a report by its receipt code: status in plain words, the steps so far (units only), the
// result once closed, and — when it is the citizen's turn — the rating or the one reopen.
import { Alert, Button, Image, Input, Spin, Tag, Timeline } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { ApiError, get } from "../../lib/api.ts";
import { cleanReceipt, formatReceipt } from "../api.ts";
import { EvaluateForm, ReopenForm } from "../components/CitizenActions.tsx";
import { formatDateTime, placeText } from "../format.ts";
import type { PhotoRef, TrackedReport } from "../types.ts";

export function Photos({ photos, testId }: { photos: PhotoRef[]; testId?: string }) {
  if (photos.length === 0) return null;
  return (
    <div className="p-photos" data-testid={testId}>
      <Image.PreviewGroup>
        {photos.map((p) => (
          <Image key={p.id} src={p.thumbnailUrl} preview={{ src: p.url }} alt="" />
        ))}
      </Image.PreviewGroup>
    </div>
  );
}

export const RATING_COLOUR = { satisfied: "green", basically: "blue", unsatisfied: "red" } as const;

function ReportView({ report, onChange }: { report: TrackedReport; onChange: (r: TrackedReport) => void }) {
  const { t, lang } = useI18n();
  const stepText = (step: string, unit: string | null) => t(`pStep_${step}` as MessageKey, { unit: unit ?? "" });
  return (
    <>
      <section className="p-section" data-testid="p-track-report">
        <div className="p-muted">{t("pStatus")}</div>
        <div className="p-status" data-testid="p-track-status" data-status={report.status}>
          {t(`pStatus_${report.status}` as MessageKey)}
        </div>
        <dl className="p-facts">
          <dt>{t("pReceiptCode")}</dt>
          <dd>{report.receipt}</dd>
          <dt>{t("pReported")}</dt>
          <dd>{formatDateTime(report.reportedAt, lang)}</dd>
          <dt>{t("pPlace")}</dt>
          <dd>{[placeText(report.place), report.address].filter(Boolean).join(" · ")}</dd>
          {report.category && (
            <>
              <dt>{t("pCategoryLabel")}</dt>
              <dd>{report.category}</dd>
            </>
          )}
          <dt>{t("pYourDescription")}</dt>
          <dd>{report.description}</dd>
        </dl>
        <Photos photos={report.photos} testId="p-track-photos" />
      </section>

      {report.mergedInto && (
        <section className="p-section" data-testid="p-track-merged">
          <h2>{t("pMergedInto")}</h2>
          <p style={{ margin: 0 }}>{t("pMergedIntoText", { code: report.mergedInto.code })}</p>
          {report.mergedInto.result ? (
            <>
              <div className="p-muted" style={{ marginTop: 8 }}>
                {t("pMergedResult")} · {formatDateTime(report.mergedInto.result.closedAt, lang)}
              </div>
              <p style={{ whiteSpace: "pre-wrap", margin: 0 }}>{report.mergedInto.result.note}</p>
            </>
          ) : (
            <div className="p-muted" style={{ marginTop: 8 }}>
              {t("pMergedPending")}
            </div>
          )}
        </section>
      )}

      {report.result && (
        <section className="p-section" data-testid="p-track-result">
          <h2>{t("pResult")}</h2>
          <p style={{ whiteSpace: "pre-wrap", margin: 0 }}>{report.result.note}</p>
          <div className="p-muted" style={{ marginTop: 6 }}>
            {formatDateTime(report.result.closedAt, lang)}
          </div>
          <Photos photos={report.result.photos} testId="p-track-result-photos" />
        </section>
      )}

      {report.evaluation && (
        <section className="p-section" data-testid="p-track-evaluation">
          <h2>{t("pEvaluation")}</h2>
          <Tag color={RATING_COLOUR[report.evaluation.rating]}>{t(`pRating_${report.evaluation.rating}`)}</Tag>
          {report.evaluation.comment && <p style={{ margin: "8px 0 0" }}>{report.evaluation.comment}</p>}
        </section>
      )}

      {report.canEvaluate && <EvaluateForm receipt={report.receipt} onDone={onChange} />}
      {report.canReopen && <ReopenForm receipt={report.receipt} onDone={onChange} />}
      {report.reopened && !report.canReopen && report.status === "evaluated" && (
        <Alert type="info" showIcon title={t("pReopenedNote")} style={{ marginBottom: 14 }} />
      )}

      <section className="p-section">
        <h2>{t("pTimeline")}</h2>
        <Timeline
          data-testid="p-track-timeline"
          items={[...report.timeline].reverse().map((s, i) => ({
            key: `${s.at}-${i}`,
            color: i === 0 ? "blue" : "gray",
            content: (
              <div data-testid="p-step" data-step={s.step}>
                <div>{stepText(s.step, s.unit)}</div>
                <div className="p-muted">{formatDateTime(s.at, lang)}</div>
              </div>
            ),
          }))}
        />
      </section>
    </>
  );
}

export function TrackPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { receipt: param } = useParams();
  const code = param ? cleanReceipt(param) : null;
  const [input, setInput] = useState(param ? formatReceipt(param.toUpperCase()) : "");
  const [report, setReport] = useState<TrackedReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    (c: string) => {
      setLoading(true);
      setError(null);
      get<TrackedReport>(`/public/reports/${c}`)
        .then(setReport)
        .catch((e: unknown) => {
          setReport(null);
          setError(e instanceof ApiError ? e.text(lang) : t("unexpectedError"));
        })
        .finally(() => setLoading(false));
    },
    [lang, t],
  );

  useEffect(() => {
    if (code) load(code);
    else setReport(null);
  }, [code, load]);

  const submit = () => {
    const c = cleanReceipt(input);
    if (!c) {
      setError(t("pTrackInvalid"));
      return;
    }
    if (c === code) load(c);
    else navigate(`/track/${c}`);
  };

  return (
    <div data-testid="p-track">
      <h1 style={{ fontSize: 20, margin: "0 0 12px" }}>{t("pTrackTitle")}</h1>
      <section className="p-section">
        <Input.Search
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onSearch={submit}
          placeholder={t("pTrackPlaceholder")}
          enterButton={<Button type="primary">{t("pTrackButton")}</Button>}
          size="large"
          maxLength={20}
          autoCapitalize="characters"
          data-testid="p-track-input"
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 10 }} data-testid="p-track-error" />}
      </section>
      {loading && !report && <Spin style={{ display: "block", margin: 32 }} />}
      {report && <ReportView report={report} onChange={setReport} />}
    </div>
  );
}
