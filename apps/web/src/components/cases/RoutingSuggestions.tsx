// 智能分派 in the dispatch form: the routing models' top-3 categories and handling units for the case,
// each with its confidence and the words that drove it (small tags). One click fills the form's field;
// the units offered are those the dispatch step accepts from this centre (the server filters them).
import { Button, Flex, Space, Tag, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { get } from "../../lib/api.ts";
import { useLoad } from "../../lib/hooks.ts";
import "./cases.css";

export interface SuggestedTerm {
  term: string;
  weight: number;
}

export interface CategorySuggestion {
  code: string;
  name: string;
  confidence: number;
  terms: SuggestedTerm[];
}

export interface UnitSuggestion extends CategorySuggestion {
  seat: string;
}

export interface CaseSuggestions {
  modelVersion: number | null;
  categories: CategorySuggestion[];
  units: UnitSuggestion[];
  caseCategoryCode: string | null;
  autoDispatched: { at: string; unitCode: string | null } | null;
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The driving words of one suggestion, as small tags. */
export function TermTags({ terms }: { terms: SuggestedTerm[] }) {
  return (
    <span className="rt-terms">
      {terms.map((t) => (
        <Tag key={t.term} color="blue" data-testid="suggestion-term" style={{ marginInlineEnd: 4 }}>
          {t.term}
        </Tag>
      ))}
    </span>
  );
}

function Row<T extends CategorySuggestion>({
  label,
  items,
  selected,
  onPick,
  testId,
}: {
  label: ReactNode;
  items: T[];
  selected?: string;
  onPick: (item: T) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={8} align="flex-start" wrap style={{ marginBottom: 6 }}>
      <Typography.Text type="secondary" style={{ minWidth: 64, lineHeight: "24px" }}>
        {label}
      </Typography.Text>
      {items.length === 0 && <Typography.Text type="secondary">{t("rtNoSuggestion")}</Typography.Text>}
      <Space orientation="vertical" size={2} style={{ flex: 1, minWidth: 0 }}>
        {items.map((s) => (
          <Flex key={s.code} gap={6} align="center" wrap>
            <Tooltip title={t("rtConfidence", { p: pct(s.confidence) })}>
              <Button
                size="small"
                type={selected === s.code ? "primary" : "default"}
                onClick={() => onPick(s)}
                data-testid={testId}
                data-code={s.code}
              >
                {s.name} · {pct(s.confidence)}
              </Button>
            </Tooltip>
            <TermTags terms={s.terms} />
          </Flex>
        ))}
      </Space>
    </Flex>
  );
}

interface Props {
  caseId: string;
  version?: number;
  selectedCategory?: string;
  selectedUnit?: string;
  onPickCategory: (code: string) => void;
  onPickUnit: (code: string) => void;
}

export function RoutingSuggestions({
  caseId,
  version,
  selectedCategory,
  selectedUnit,
  onPickCategory,
  onPickUnit,
}: Props) {
  const { t } = useI18n();
  const loaded = useLoad(`${caseId}:${version ?? ""}`, () => get<CaseSuggestions>(`/cases/${caseId}/suggestions`));
  const s = loaded.data;
  // no model yet, or the request failed: the form works as before, without suggestions
  if (!s || s.modelVersion === null) return null;
  return (
    <div className="rt-suggestions" data-testid="routing-suggestions" data-model-version={s.modelVersion}>
      <Flex justify="space-between" style={{ marginBottom: 6 }}>
        <Typography.Text strong>
          {t("rtSuggestions")}{" "}
          <Typography.Text type="secondary" style={{ fontWeight: "normal", fontSize: 12 }}>
            {t("rtModelVersion", { v: s.modelVersion })} · {t("rtPickHint")} · {t("rtTermsHint")}
          </Typography.Text>
        </Typography.Text>
        {s.autoDispatched && <Tag color="purple">{t("rtAutoDispatched")}</Tag>}
      </Flex>
      <Row
        label={t("rtCategories")}
        items={s.categories}
        selected={selectedCategory}
        onPick={(c) => onPickCategory(c.code)}
        testId="suggested-category"
      />
      <Row
        label={t("rtUnits")}
        items={s.units}
        selected={selectedUnit}
        onPick={(u) => onPickUnit(u.code)}
        testId="suggested-unit"
      />
    </div>
  );
}
