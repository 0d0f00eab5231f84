// Similar open cases nearby, best first: why each is similar (distance, shared words, category) and
// a one-key "me too" (Alt+1…5) to attach the call to it instead of creating a duplicate.
import { Button, Empty, List, Space, Spin, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { useI18n } from "../../i18n/index.tsx";
import { fmtTime } from "../../lib/format.ts";
import { StatusTag } from "../cases/StatusTag.tsx";
import type { SimilarCase } from "./types.ts";

interface Props {
  items: SimilarCase[];
  loading: boolean;
  ready: boolean;
  radiusM: number | null;
  onAttach: (index: number) => void;
}

export function SimilarCases({ items, loading, ready, radiusM, onAttach }: Props) {
  const { t } = useI18n();
  if (!ready) return <Typography.Text type="secondary">{t("hlSimilarHint")}</Typography.Text>;
  return (
    <Spin spinning={loading} size="small">
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t("hlSimilarNone", { m: radiusM ?? 500 })}
          data-testid="similar-empty"
        />
      ) : (
        <List
          size="small"
          data-testid="similar-cases"
          dataSource={items}
          renderItem={(c, i) => (
            <List.Item
              key={c.id}
              data-testid="similar-item"
              data-case-id={c.id}
              actions={[
                <Button
                  key="attach"
                  size="small"
                  onClick={() => onAttach(i)}
                  data-testid={`similar-attach-${i + 1}`}
                  title={`Alt+${i + 1}`}
                >
                  {t("hlMeToo")} <kbd className="cg-kbd">Alt+{i + 1}</kbd>
                </Button>,
              ]}
            >
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={6} wrap>
                  <span className="cg-hl-rank">{i + 1}</span>
                  <Link to={`/cases/${c.id}`} className="cg-hl-code" target="_blank">
                    {c.code}
                  </Link>
                  <StatusTag status={c.status} />
                  {c.likelyDuplicate && (
                    <Tag color="red" data-testid="similar-likely-duplicate">
                      {t("likelyDuplicate")}
                    </Tag>
                  )}
                  <Typography.Text type="secondary">{fmtTime(c.reportedAt)}</Typography.Text>
                </Space>
                <Typography.Text strong ellipsis>
                  {c.title}
                </Typography.Text>
                <Space size={4} wrap className="cg-hl-why">
                  <Tag color="blue">{t("hlDistance", { m: c.why.distanceM })}</Tag>
                  {c.why.sameCategory && <Tag color="green">{t("hlSameCategory")}</Tag>}
                  {c.why.sharedWords.slice(0, 4).map((w) => (
                    <Tag key={w} color="gold">
                      {w}
                    </Tag>
                  ))}
                  {c.meTooCount > 0 && <Tag>{t("hlMeTooCount", { n: c.meTooCount })}</Tag>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("hlScore", { s: Math.round(c.score * 100) })}
                  </Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Spin>
  );
}
