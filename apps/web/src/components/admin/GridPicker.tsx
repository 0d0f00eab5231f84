// Picks a grid worker's grids among those inside a unit's area (GET /admin/units/:code/grids): a
// station's community has a handful, so the first page is the whole list; typing searches a
// centre's larger area. `initial` keeps the labels of the grids already assigned.
import { Select, Spin, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";

export interface GridOption {
  code: string;
  name: string;
}

const PAGE = 100;

export function GridPicker({
  unitCode,
  value,
  onChange,
  initial = [],
  id,
  "data-testid": testId,
}: {
  unitCode?: string;
  value?: string[];
  onChange?: (codes: string[]) => void;
  initial?: GridOption[];
  id?: string;
  "data-testid"?: string;
}) {
  const { t } = useI18n();
  const [found, setFound] = useState<GridOption[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const load = (q: string, delay: number) => {
    clearTimeout(timer.current);
    if (!unitCode) return;
    // debounced, and only the latest answer is shown
    timer.current = setTimeout(() => {
      const n = ++seq.current;
      setLoading(true);
      get<{ items: GridOption[] }>(
        `/admin/units/${encodeURIComponent(unitCode)}/grids${qs({ q: q.trim(), pageSize: PAGE })}`,
      )
        .then((r) => {
          if (n === seq.current) setFound(r.items);
        })
        .catch(() => {
          if (n === seq.current) setFound([]);
        })
        .finally(() => {
          if (n === seq.current) setLoading(false);
        });
    }, delay);
  };

  // a new unit, a new area: list its grids afresh
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload only when the unit changes
  useEffect(() => {
    setFound([]);
    load("", 0);
    return () => clearTimeout(timer.current);
  }, [unitCode]);

  // the chosen grids keep their labels even when a search does not return them
  const known = new Map<string, GridOption>();
  for (const g of [...initial, ...found]) known.set(g.code, g);
  const chosen = (value ?? []).filter((c) => !found.some((g) => g.code === c));
  const options = [...chosen.map((c) => known.get(c) ?? { code: c, name: c }), ...found].map((g) => ({
    value: g.code,
    label: g.name,
    title: g.code,
  }));

  return (
    <Select
      id={id}
      data-testid={testId}
      mode="multiple"
      disabled={!unitCode}
      showSearch={{ filterOption: false, onSearch: (q) => load(q, 250) }}
      value={value ?? []}
      onChange={(v: string[]) => onChange?.(v)}
      options={options}
      optionRender={(o) => (
        <span>
          {o.label}
          <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
            {o.value}
          </Typography.Text>
        </span>
      )}
      placeholder={unitCode ? t("admGridsPick") : t("admGridsPickUnitFirst")}
      notFoundContent={loading ? <Spin size="small" /> : t("noData")}
      style={{ width: "100%" }}
    />
  );
}
