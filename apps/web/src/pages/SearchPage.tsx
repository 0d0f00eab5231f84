// 智能搜索: results of GET /api/v1/search for the query in the URL, ranked by relevance and time,
// with the matches marked, the case list's filters and paging (as deep as the server ranks).
import { CASE_SOURCES, CASE_STATUSES } from "@civicgrid/shared";
import { Alert, Button, Card, DatePicker, Empty, Flex, Input, Pagination, Select, Spin, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { CategorySelect } from "../components/cases/CategorySelect.tsx";
import { DivisionCascader } from "../components/cases/DivisionCascader.tsx";
import { errorText } from "../components/cases/errors.ts";
import { SearchHitItem } from "../components/search/SearchHitItem.tsx";
import "../components/search/search.css";
import { type MessageKey, useI18n } from "../i18n/index.tsx";
import { get, qs } from "../lib/api.ts";
import { useLoad } from "../lib/hooks.ts";
import {
  apiSearchQuery,
  type SearchPage as Results,
  readSearch,
  SEARCH_PAGE_SIZE,
  SEARCH_POOL,
  type SearchState,
  writeSearch,
} from "../lib/searchQuery.ts";

export function SearchPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const state = readSearch(params);
  const query = state.q.trim() ? qs(apiSearchQuery(state)) : null;
  const results = useLoad(query, () => get<Results>(`/search${query}`));
  const [q, setQ] = useState(state.q);
  useEffect(() => setQ(state.q), [state.q]);

  // any change but the page starts again from the first page
  const update = (patch: Partial<SearchState>) => setParams(writeSearch({ ...state, page: 1, ...patch }));
  const data = results.data;
  const shown = data ? Math.min(data.total, SEARCH_POOL) : 0;

  return (
    <div>
      <Typography.Title level={4} style={{ margin: "0 0 12px" }}>
        {t("navSearch")}
      </Typography.Title>
      <Card size="small" className="cg-list-card">
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label={t("searchBoxLabel")}
            placeholder={t("searchBoxPlaceholder")}
            data-testid="search-q"
            enterButton
            allowClear
            maxLength={100}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => update({ q: v.trim() })}
            style={{ maxWidth: 640 }}
          />
          <Typography.Text type="secondary">{t("searchPageHint")}</Typography.Text>
          <Flex wrap gap={8} align="center">
            <Select
              mode="multiple"
              aria-label={t("status")}
              data-testid="search-status"
              allowClear
              maxTagCount="responsive"
              placeholder={t("status")}
              value={state.status}
              onChange={(status: string[]) => update({ status })}
              options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status_${s}` as MessageKey) }))}
              style={{ minWidth: 180, maxWidth: 280 }}
            />
            <CategorySelect
              value={state.categoryCode}
              onChange={(categoryCode) => update({ categoryCode })}
              testId="search-category"
            />
            <DivisionCascader value={state.divisionCode} onChange={(divisionCode) => update({ divisionCode })} />
            <Select
              aria-label={t("source")}
              data-testid="search-source"
              allowClear
              placeholder={t("source")}
              value={state.source}
              onChange={(source?: string) => update({ source })}
              options={CASE_SOURCES.map((s) => ({ value: s, label: t(`source_${s}` as MessageKey) }))}
              style={{ width: 140 }}
            />
            <DatePicker.RangePicker
              aria-label={t("reportedAt")}
              placeholder={[t("reportedFrom"), t("reportedTo")]}
              value={state.from && state.to ? [dayjs(state.from), dayjs(state.to)] : null}
              onChange={(range) =>
                update({ from: range?.[0]?.format("YYYY-MM-DD"), to: range?.[1]?.format("YYYY-MM-DD") })
              }
              style={{ width: 260 }}
            />
          </Flex>
        </Flex>
        {!query ? (
          <Empty description={t("searchEmptyQuery")} />
        ) : results.error ? (
          <Alert
            type="error"
            showIcon
            title={errorText(results.error, lang, t)}
            action={<Button onClick={results.reload}>{t("retry")}</Button>}
          />
        ) : (
          <Spin spinning={results.loading}>
            {data && (
              <Typography.Text type="secondary" data-testid="search-total">
                {data.totalCapped
                  ? t("searchResultsCapped", { n: data.total, shown: SEARCH_POOL })
                  : t("searchResultsTotal", { n: data.total })}
              </Typography.Text>
            )}
            {data && data.items.length === 0 ? (
              <Empty description={t("searchNoResults")} />
            ) : (
              <div className="cg-hits" data-testid="search-results">
                {data?.items.map((hit) => (
                  <SearchHitItem key={hit.id} hit={hit} />
                ))}
              </div>
            )}
            {data && shown > SEARCH_PAGE_SIZE && (
              <Pagination
                current={data.page}
                pageSize={SEARCH_PAGE_SIZE}
                total={shown}
                showSizeChanger={false}
                onChange={(page) => setParams(writeSearch({ ...state, page }))}
                style={{ marginTop: 12 }}
              />
            )}
          </Spin>
        )}
      </Card>
    </div>
  );
}
