// 智能分派 on intake: while a report is written, the three likeliest categories for its text so far
// (a pause in typing asks the server; nothing is stored). One click picks the category.
import { Button, Flex, Tooltip, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { post } from "../../lib/api.ts";
import { type CategorySuggestion, pct, TermTags } from "./RoutingSuggestions.tsx";

/** Fewer characters tell too little to suggest anything. */
const MIN_CHARS = 6;

interface Props {
  title?: string;
  description?: string;
  selected?: string;
  onPick: (code: string) => void;
}

export function CategoryHint({ title, description, selected, onPick }: Props) {
  const { t } = useI18n();
  const [items, setItems] = useState<CategorySuggestion[]>([]);
  const seq = useRef(0);
  useEffect(() => {
    const text = description?.trim() ?? "";
    const mine = ++seq.current;
    if (text.length < MIN_CHARS) {
      setItems([]);
      return;
    }
    const timer = window.setTimeout(() => {
      post<{ categories: CategorySuggestion[] }>("/cases/category-suggestions", {
        title: title?.trim() || undefined,
        description: text.slice(0, 5000),
      })
        .then((r) => mine === seq.current && setItems(r.categories))
        .catch(() => mine === seq.current && setItems([]));
    }, 400);
    return () => window.clearTimeout(timer);
  }, [title, description]);

  if (items.length === 0) return null;
  return (
    <Flex gap={6} wrap align="center" data-testid="category-hint" style={{ marginTop: -16, marginBottom: 16 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("rtIntakeHint")}
      </Typography.Text>
      {items.map((c) => (
        <Tooltip
          key={c.code}
          title={
            <span>
              {t("rtDrivenBy")} <TermTags terms={c.terms} />
            </span>
          }
        >
          <Button
            size="small"
            type={selected === c.code ? "primary" : "dashed"}
            onClick={() => onPick(c.code)}
            data-testid="category-hint-item"
            data-code={c.code}
          >
            {c.name} · {pct(c.confidence)}
          </Button>
        </Tooltip>
      ))}
    </Flex>
  );
}
