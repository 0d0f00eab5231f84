// The further callers of a case (附议来电), for roles that may see reporter data: phones masked.
import { List, Space, Typography } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import { fmtTime } from "../../lib/format.ts";
import { useLoad } from "../../lib/hooks.ts";
import type { Page } from "../../lib/types.ts";
import type { CaseCaller } from "./types.ts";

export function CaseCallers({ caseId, meToo }: { caseId: string; meToo: number }) {
  const { t } = useI18n();
  const found = useLoad(`${caseId}:${meToo}`, () =>
    get<Page<CaseCaller>>(`/cases/${caseId}/callers${qs({ pageSize: 50 })}`),
  );
  const items = found.data?.items ?? [];
  if (items.length === 0) {
    return <Typography.Text type="secondary">{found.loading ? t("loading") : t("hlNoCallers")}</Typography.Text>;
  }
  return (
    <List
      size="small"
      data-testid="case-callers"
      dataSource={items}
      footer={found.data && found.data.total > items.length ? t("hlMoreCallers", { n: found.data.total }) : undefined}
      renderItem={(c) => (
        <List.Item key={c.id} data-testid="case-caller">
          <Space orientation="vertical" size={0}>
            <Space size={8} wrap>
              <Typography.Text strong>{c.name || t("hlAnonymous")}</Typography.Text>
              {c.phone && <Typography.Text>{c.phone}</Typography.Text>}
              <Typography.Text type="secondary">{fmtTime(c.at)}</Typography.Text>
            </Space>
            {c.note && <Typography.Text>{c.note}</Typography.Text>}
            {c.takenBy && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("hlTakenBy", { name: c.takenBy })}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
