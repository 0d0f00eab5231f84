// The list half of the dispatch centre: one row per case, a link to the case page; hovering or
// focusing a row highlights its dot on the map, and a dot hovered on the map scrolls its row into view.
import { Empty, Pagination, Spin, Tag, Typography } from "antd";
import { useEffect, useRef } from "react";
import { Link } from "react-router-dom";
import { useI18n } from "../../i18n/index.tsx";
import { fmtTime, placeText } from "../../lib/format.ts";
import type { CaseSummary } from "../../lib/types.ts";
import { StatusTag, TimeLeftText } from "../cases/StatusTag.tsx";
import { colorOf } from "./types.ts";

export function DispatchList({
  items,
  total,
  page,
  pageSize,
  loading,
  now,
  highlight,
  highlightFromMap,
  onHover,
  onPage,
}: {
  items: CaseSummary[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  now: number;
  highlight: string | null;
  /** true when the highlight came from the map, so the row should scroll into view */
  highlightFromMap: boolean;
  onHover: (id: string | null) => void;
  onPage: (page: number, pageSize: number) => void;
}) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!highlight || !highlightFromMap) return;
    box.current
      ?.querySelector(`[data-case-id="${CSS.escape(highlight)}"]`)
      ?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [highlight, highlightFromMap]);

  return (
    <div className="cg-dispatch-list-wrap">
      <div ref={box} className="cg-dispatch-list" data-testid="dispatch-list" aria-busy={loading}>
        {items.length === 0 ? (
          loading ? (
            <Spin style={{ display: "block", margin: 48 }} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("admDispatchEmpty")} style={{ marginTop: 48 }} />
          )
        ) : (
          <ul>
            {items.map((c) => (
              <li key={c.id}>
                <Link
                  to={`/cases/${c.id}`}
                  className={`cg-dispatch-row${highlight === c.id ? " is-highlighted" : ""}`}
                  data-case-id={c.id}
                  data-testid="dispatch-row"
                  onMouseEnter={() => onHover(c.id)}
                  onMouseLeave={() => onHover(null)}
                  onFocus={() => onHover(c.id)}
                  onBlur={() => onHover(null)}
                >
                  <span className="cg-dispatch-dot" style={{ background: colorOf(c) }} aria-hidden />
                  <span className="cg-dispatch-main">
                    <span className="cg-dispatch-title">{c.title}</span>
                    <Typography.Text type="secondary" className="cg-dispatch-meta">
                      {c.code} · {placeText(c)} · {t(`source_${c.source}` as "source_grid")}
                    </Typography.Text>
                  </span>
                  <span className="cg-dispatch-side">
                    <StatusTag status={c.status} />
                    {(c.meTooCount ?? 0) > 0 && (
                      <Tag color="geekblue" title={t("dupMeTooTitle")}>
                        {t("dupMeToo", { n: c.meTooCount ?? 0 })}
                      </Tag>
                    )}
                    <span className="cg-dispatch-meta">{fmtTime(c.reportedAt)}</span>
                    <span className="cg-dispatch-meta">
                      <TimeLeftText c={c} now={now} />
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      <Pagination
        size="small"
        current={page}
        pageSize={pageSize}
        total={total}
        showSizeChanger={false}
        showTotal={(n) => t("admTotalN", { n })}
        onChange={onPage}
        style={{ padding: "8px 0 0", textAlign: "right" }}
      />
    </div>
  );
}
