// The results wall (结果公开): recently closed reports with what was done — category, place to
// community level, result text, rating and photos. The server sends no personal data.
import { Alert, Button, Empty, Spin, Tag } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError, get, qs } from "../../lib/api.ts";
import { formatDate, placeText } from "../format.ts";
import type { PublicResult } from "../types.ts";
import { Photos, RATING_COLOUR } from "./TrackPage.tsx";

const PAGE_SIZE = 12;

interface Page {
  items: PublicResult[];
  total: number;
  page: number;
}

export function ResultsPage() {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<PublicResult[]>([]);
  const [page, setPage] = useState(0);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (next: number) => {
      setLoading(true);
      setError(null);
      get<Page>(`/public/results${qs({ page: next, pageSize: PAGE_SIZE })}`)
        .then((r) => {
          setItems((prev) => (next === 1 ? r.items : [...prev, ...r.items]));
          setTotal(r.total);
          setPage(next);
        })
        .catch((e: unknown) => setError(e instanceof ApiError ? e.text(lang) : t("unexpectedError")))
        .finally(() => setLoading(false));
    },
    [lang, t],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page once; later pages on demand
  useEffect(() => load(1), []);

  return (
    <div data-testid="p-results">
      <h1 style={{ fontSize: 20, margin: "0 0 4px" }}>{t("pResultsTitle")}</h1>
      <p className="p-muted" style={{ marginTop: 0 }}>
        {t("pResultsIntro")}
      </p>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          action={<Button onClick={() => load(page + 1)}>{t("pRetry")}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      {!loading && !error && items.length === 0 && <Empty description={t("pResultsEmpty")} />}
      <div className="p-cards">
        {items.map((r) => (
          <article key={r.id} className="p-card" data-testid="p-result-card" data-id={r.id}>
            <div className="p-card-head">
              <strong>{r.category ?? t("pUncategorised")}</strong>
              {r.rating && <Tag color={RATING_COLOUR[r.rating]}>{t(`pRating_${r.rating}`)}</Tag>}
            </div>
            <div className="p-muted">
              {placeText(r.place)} · {t("pClosedAt", { date: formatDate(r.closedAt, lang) })}
            </div>
            <p>{r.result}</p>
            <Photos photos={r.photos} />
          </article>
        ))}
      </div>
      {loading && <Spin style={{ display: "block", margin: 24 }} />}
      {!loading && items.length < total && (
        <Button block style={{ marginTop: 12 }} onClick={() => load(page + 1)} data-testid="p-results-more">
          {t("pLoadMore")}
        </Button>
      )}
    </div>
  );
}
