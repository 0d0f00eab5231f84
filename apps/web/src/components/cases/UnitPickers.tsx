// Pickers of the action forms that need the server: the dispatch units (grouped by level, with the
// routing suggestion), the centres one level down, and a case to merge into.
import { Alert, Select, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import type { CaseSummary, Page } from "../../lib/types.ts";

export interface DispatchOptions {
  suggested: { unitCode: string; name: string; reason: { zh: string; en: string } } | null;
  groups: {
    key: string;
    label: { zh: string; en: string };
    units: { code: string; name: string; type: string; departmentKind: string | null }[];
  }[];
}

interface PickerProps {
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  id?: string;
}

/** Grouped options for the lead and assisting unit selects. */
export function dispatchSelectOptions(opts: DispatchOptions | undefined, lang: "zh" | "en") {
  return (opts?.groups ?? [])
    .filter((g) => g.units.length > 0)
    .map((g) => ({
      label: <span>{g.label[lang]}</span>,
      title: g.label[lang],
      options: g.units.map((u) => ({ value: u.code, label: u.name })),
    }));
}

export function SuggestionNote({ opts }: { opts: DispatchOptions | undefined }) {
  const { t, lang } = useI18n();
  if (!opts?.suggested) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="dispatch-suggestion"
      style={{ marginBottom: 16 }}
      title={t("suggestedUnit", { name: opts.suggested.name })}
      description={<Typography.Text type="secondary">{opts.suggested.reason[lang]}</Typography.Text>}
    />
  );
}

export function UnitSelect({
  value,
  onChange,
  id,
  options,
  multiple,
  testId,
  loading,
}: PickerProps & {
  options: ReturnType<typeof dispatchSelectOptions>;
  multiple?: boolean;
  testId: string;
  loading?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Select
      id={id}
      data-testid={testId}
      mode={multiple ? "multiple" : undefined}
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      showSearch={{ optionFilterProp: "label" }}
      allowClear={multiple}
      placeholder={t(multiple ? "chooseAssist" : "chooseUnit")}
      notFoundContent={loading ? t("loading") : t("noData")}
      style={{ width: "100%" }}
    />
  );
}

/** A case of the same list to merge this one into, searched by code, title or text. */
export function CaseSearchSelect({ value, onChange, id, excludeId }: PickerProps & { excludeId: string }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      get<Page<CaseSummary>>(`/cases${qs({ q: q.trim() || undefined, pageSize: 20, sort: "-reportedAt" })}`)
        .then((page) => {
          if (mine !== seq.current) return;
          setOptions(
            page.items.filter((c) => c.id !== excludeId).map((c) => ({ value: c.id, label: `${c.code} · ${c.title}` })),
          );
        })
        .catch(() => mine === seq.current && setOptions([]))
        .finally(() => mine === seq.current && setLoading(false));
    }, 250);
  };

  return (
    <Select
      id={id}
      data-testid="field-target"
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => open && options.length === 0 && search("")}
      placeholder={t("searchMergeTarget")}
      notFoundContent={loading ? t("loading") : t("noData")}
      style={{ width: "100%" }}
    />
  );
}
