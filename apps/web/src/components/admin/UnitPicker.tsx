// A unit picker that searches the server (GET /admin/units?q=) as the user types, since there are
// thousands of units; `initial` supplies the label of the current value before any search.

import { Select, Spin } from "antd";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import type { Unit } from "../../lib/types.ts";

interface Option {
  value: string;
  label: string;
}

export function UnitPicker({
  value,
  onChange,
  initial,
  id,
  placeholder,
  allowClear,
  "data-testid": testId,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  initial?: Option;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  "data-testid"?: string;
}) {
  const { t } = useI18n();
  const [options, setOptions] = useState<Option[]>(initial ? [initial] : []);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const search = (q: string) => {
    clearTimeout(timer.current);
    // debounced, and only the latest answer is shown
    timer.current = setTimeout(() => {
      const n = ++seq.current;
      setLoading(true);
      get<{ items: Unit[] }>(`/admin/units${qs({ q: q.trim(), pageSize: 30 })}`)
        .then((r) => {
          if (n !== seq.current) return;
          setOptions(r.items.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })));
        })
        .catch(() => {
          if (n === seq.current) setOptions([]);
        })
        .finally(() => {
          if (n === seq.current) setLoading(false);
        });
    }, 250);
  };

  // first list so the dropdown is never empty; keep the current unit's label in the options
  // biome-ignore lint/correctness/useExhaustiveDependencies: run once on mount
  useEffect(() => {
    search("");
    return () => clearTimeout(timer.current);
  }, []);
  const shown = initial && !options.some((o) => o.value === initial.value) ? [initial, ...options] : options;

  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={shown}
      placeholder={placeholder ?? t("admPickUnit")}
      allowClear={allowClear}
      notFoundContent={loading ? <Spin size="small" /> : t("noData")}
      style={{ width: "100%" }}
    />
  );
}
