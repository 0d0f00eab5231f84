// The centre inbox's banner of trend alerts (趋势预警): live, not yet dismissed, strongest first; a
// click opens them on the analysis page. Shown only to roles that may see alerts; nothing when none.
import { RiseOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n/index.tsx";
import { useAuth } from "../../lib/auth.tsx";
import { useLoad, useNow } from "../../lib/hooks.ts";
import { pagesFor } from "../../lib/menu.ts";
import { analysisApi } from "./api.ts";
import { one } from "./format.ts";

export function TrendBanner() {
  const { t } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const allowed = me ? pagesFor(me.roles).includes("analysis") : false;
  // alerts change with the hourly sweep: every five minutes is plenty
  const tick = useNow(5 * 60_000);
  const trends = useLoad(allowed ? `trends:${tick}` : null, () =>
    analysisApi.alerts({ kind: "trend", active: true, status: ["open", "acknowledged", "tasked"], pageSize: 5 }),
  );
  const items = trends.data?.items ?? [];
  if (!allowed || items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<RiseOutlined />}
      style={{ marginBottom: 12 }}
      data-testid="trend-banner"
      title={t("anTrendBanner", { n: trends.data?.total ?? items.length })}
      description={
        <Space orientation="vertical" size={0}>
          {items.map((a) => (
            <Typography.Link key={a.id} onClick={() => navigate(`/analysis?tab=trends&alert=${a.id}`)}>
              {t("anTrendItem", {
                place: a.placeName,
                category: a.category.name,
                observed: a.observed,
                expected: one(a.expected),
              })}
            </Typography.Link>
          ))}
        </Space>
      }
      action={
        <Button size="small" onClick={() => navigate("/analysis?tab=trends")}>
          {t("anView")}
        </Button>
      }
    />
  );
}
