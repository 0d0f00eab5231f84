// The citizen's two steps on a closed report: rate it, and — if not satisfied — have it handled
// again once. Both answer with the report as it now stands.
import { Alert, Button, Form, Input, Radio } from "antd";
import { useRef, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError, post } from "../../lib/api.ts";
import { randomId } from "../../lib/ids.ts";
import { cleanReceipt } from "../api.ts";
import type { Rating, TrackedReport } from "../types.ts";

const RATINGS: Rating[] = ["satisfied", "basically", "unsatisfied"];

function useSubmit(receipt: string, path: "evaluation" | "reopen", onDone: (r: TrackedReport) => void) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // kept until it succeeds: a retry after a lost answer is not taken as a second evaluation
  const key = useRef<string | null>(null);
  const submit = async (body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      key.current ??= randomId();
      const headers = { "Idempotency-Key": key.current };
      onDone(await post<TrackedReport>(`/public/reports/${cleanReceipt(receipt)}/${path}`, body, headers));
      key.current = null;
    } catch (e) {
      setError(e instanceof ApiError ? e.text(lang) : t("unexpectedError"));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

export function EvaluateForm({ receipt, onDone }: { receipt: string; onDone: (r: TrackedReport) => void }) {
  const { t } = useI18n();
  const { busy, error, submit } = useSubmit(receipt, "evaluation", onDone);
  return (
    <section className="p-section" data-testid="p-evaluate">
      <h2>{t("pEvaluateTitle")}</h2>
      <Form
        layout="vertical"
        requiredMark={false}
        onFinish={(v: { rating: Rating; comment?: string; solved?: boolean }) =>
          submit({ rating: v.rating, solved: v.solved, comment: v.comment?.trim() || undefined })
        }
      >
        <Form.Item name="rating" rules={[{ required: true, message: t("pEvaluateTitle") }]}>
          <Radio.Group data-testid="p-rating">
            {RATINGS.map((r) => (
              <Radio.Button key={r} value={r} data-testid={`p-rating-${r}`}>
                {t(`pRating_${r}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="solved" label={t("pSolvedQuestion")}>
          <Radio.Group data-testid="p-solved">
            <Radio value={true} data-testid="p-solved-yes">
              {t("pSolvedYes")}
            </Radio>
            <Radio value={false} data-testid="p-solved-no">
              {t("pSolvedNo")}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="comment" label={t("pComment")}>
          <Input.TextArea rows={2} maxLength={500} data-testid="p-comment" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="p-evaluate-submit">
          {t("pEvaluateSubmit")}
        </Button>
      </Form>
    </section>
  );
}

export function ReopenForm({ receipt, onDone }: { receipt: string; onDone: (r: TrackedReport) => void }) {
  const { t } = useI18n();
  const { busy, error, submit } = useSubmit(receipt, "reopen", onDone);
  return (
    <section className="p-section" data-testid="p-reopen">
      <h2>{t("pReopenTitle")}</h2>
      <p className="p-muted" style={{ marginTop: 0 }}>
        {t("pReopenText")}
      </p>
      <Form
        layout="vertical"
        requiredMark={false}
        onFinish={(v: { reason: string }) => submit({ reason: v.reason.trim() })}
      >
        <Form.Item
          name="reason"
          label={t("pReopenReason")}
          rules={[{ required: true, whitespace: true, message: t("pReopenReasonRequired") }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="p-reopen-reason" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button danger htmlType="submit" loading={busy} data-testid="p-reopen-submit">
          {t("pReopenSubmit")}
        </Button>
      </Form>
    </section>
  );
}
