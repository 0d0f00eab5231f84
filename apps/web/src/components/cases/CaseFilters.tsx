// The filter bar of the case lists: full text, status, category, division, source, date range,
// overdue. Each change goes straight to the URL (and so to the server).
import { CASE_SOURCES, CASE_STATUSES } from "@civicgrid/shared";
import { Button, Checkbox, DatePicker, Flex, Input, Select } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { type CaseFilters as Filters, hasFilters } from "../../lib/caseQuery.ts";
import { CategorySelect } from "./CategorySelect.tsx";
import { DivisionCascader } from "./DivisionCascader.tsx";

interface Props {
  value: Filters;
  onChange: (patch: Partial<Filters>) => void;
  onReset: () => void;
}

export function CaseFilters({ value, onChange, onReset }: Props) {
  const { t } = useI18n();
  // the search box keeps its own text until Enter, so typing does not reload on every key
  const [q, setQ] = useState(value.q ?? "");
  useEffect(() => setQ(value.q ?? ""), [value.q]);

  return (
    <Flex wrap gap={8} align="center" style={{ flex: "1 1 auto", minWidth: 0 }}>
      <Input.Search
        aria-label={t("searchCases")}
        placeholder={t("searchCases")}
        data-testid="filter-q"
        allowClear
        value={q}
        maxLength={100}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => onChange({ q: v.trim() || undefined })}
        style={{ width: 240 }}
      />
      <Select
        mode="multiple"
        aria-label={t("status")}
        data-testid="filter-status"
        allowClear
        maxTagCount="responsive"
        placeholder={t("status")}
        value={value.status}
        onChange={(status: string[]) => onChange({ status })}
        options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status_${s}` as MessageKey) }))}
        style={{ minWidth: 180, maxWidth: 280 }}
      />
      <CategorySelect
        value={value.categoryCode}
        onChange={(categoryCode) => onChange({ categoryCode })}
        testId="filter-category"
      />
      <DivisionCascader value={value.divisionCode} onChange={(divisionCode) => onChange({ divisionCode })} />
      <Select
        aria-label={t("source")}
        data-testid="filter-source"
        allowClear
        placeholder={t("source")}
        value={value.source}
        onChange={(source?: string) => onChange({ source })}
        options={CASE_SOURCES.map((s) => ({ value: s, label: t(`source_${s}` as MessageKey) }))}
        style={{ width: 140 }}
      />
      <DatePicker.RangePicker
        aria-label={t("reportedAt")}
        data-testid="filter-dates"
        placeholder={[t("reportedFrom"), t("reportedTo")]}
        value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
        onChange={(range) =>
          onChange({
            from: range?.[0]?.format("YYYY-MM-DD"),
            to: range?.[1]?.format("YYYY-MM-DD"),
          })
        }
        style={{ width: 260 }}
      />
      <Checkbox
        data-testid="filter-overdue"
        checked={value.overdue === true}
        onChange={(e) => onChange({ overdue: e.target.checked ? true : undefined })}
      >
        {t("onlyOverdue")}
      </Checkbox>
      {hasFilters(value) && (
        <Button type="link" onClick={onReset} data-testid="filter-reset">
          {t("reset")}
        </Button>
      )}
    </Flex>
  );
}
