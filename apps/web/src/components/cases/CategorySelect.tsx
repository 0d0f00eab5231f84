// A category picker with server-side search (leaf categories of the responsibility list).
import { Select } from "antd";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { type Category, searchCategories, useCategoryNames } from "../../lib/categories.ts";

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
  id?: string;
}

export function CategorySelect({ value, onChange, placeholder, style, testId, id }: Props) {
  const { t } = useI18n();
  const names = useCategoryNames();
  const [options, setOptions] = useState<Category[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    // wait for a pause in typing; only the latest answer is shown
    timer.current = window.setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      searchCategories(q)
        .then((items) => {
          if (mine === seq.current) setOptions(items);
        })
        .catch(() => {
          if (mine === seq.current) setOptions([]);
        })
        .finally(() => {
          if (mine === seq.current) setLoading(false);
        });
    }, 250);
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const opts = options.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));
  if (value && !options.some((c) => c.code === value)) {
    opts.unshift({ value, label: names.get(value) ?? value });
  }

  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      value={value}
      placeholder={placeholder ?? t("category")}
      loading={loading}
      options={opts}
      onOpenChange={(open) => {
        if (open && options.length === 0) search("");
      }}
      onChange={(v) => onChange?.(v ?? undefined)}
      notFoundContent={loading ? t("loading") : t("noData")}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={320}
    />
  );
}
