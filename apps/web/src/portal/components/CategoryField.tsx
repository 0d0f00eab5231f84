// The kind of problem, optional: a search over the categories citizens may choose.
import { Select } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import type { PublicCategory } from "../types.ts";

export function CategoryField({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<PublicCategory[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = window.setTimeout(() => {
      get<{ items: PublicCategory[] }>(`/public/categories${qs({ q, limit: 30 })}`)
        .then((r) => live && setOptions(r.items))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q]);

  return (
    <Select
      id={id}
      data-testid="p-category"
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={loading}
      placeholder={t("pCategoryPlaceholder")}
      options={options.map((c) => ({ value: c.code, label: c.group ? `${c.name} · ${c.group}` : c.name }))}
      notFoundContent={loading ? t("pLoading") : undefined}
    />
  );
}
