// One case: its fields, place on the map, photos, timeline, deadlines, units and counters, and the
// actions this user may take now.
import { ArrowLeftOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Result, Row, Skeleton, Space, Tag, Typography } from "antd";
import { Link, useNavigate, useParams } from "react-router-dom";
import { CaseActions } from "../components/cases/CaseActions.tsx";
import { CaseCounters, CaseDeadlines, CaseFields, CaseUnits } from "../components/cases/CaseDetails.tsx";
import { CasePhotos } from "../components/cases/CasePhotos.tsx";
import { CaseTimeline } from "../components/cases/CaseTimeline.tsx";
import type { CaseView } from "../components/cases/caseTypes.ts";
import { DuplicateCandidates } from "../components/cases/DuplicateCandidates.tsx";
import { OutcomeNotices } from "../components/cases/OutcomeNotices.tsx";
import "../components/cases/cases.css";
import { errorText } from "../components/cases/errors.ts";
import { StatusTag } from "../components/cases/StatusTag.tsx";
import { CaseCallers } from "../components/hotline/CaseCallers.tsx";
import { CaseMap } from "../components/map/index.tsx";
import { useI18n } from "../i18n/index.tsx";
import { ApiError, get } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { useLoad } from "../lib/hooks.ts";

/** States in which a case may still have duplicates to merge (candidates are open cases too). */
const OPEN = ["reported", "registered", "dispatched", "accepted", "returned", "handled"];

/** Roles that may see reporter data (the server's pii:unmask): they see who else called. */
const CALLER_READERS = ["hotline_agent", "city_centre", "district_centre", "township_centre"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function CasePage() {
  const { id = "" } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { me } = useAuth();
  const seesCallers = me?.roles.some((r) => CALLER_READERS.includes(r)) ?? false;
  const valid = UUID.test(id);
  const found = useLoad(valid ? id : null, () => get<CaseView>(`/cases/${id}`));
  const c = found.data?.id === id ? found.data : undefined;

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingInline: 0 }}>
      {t("back")}
    </Button>
  );

  const missing = !valid || (found.error instanceof ApiError && found.error.status === 404);
  if (missing) {
    return (
      <Result
        status="404"
        title={t("caseNotFound")}
        subTitle={t("caseNotFoundHint")}
        extra={<Link to="/cases">{t("navCases")}</Link>}
        data-testid="case-not-found"
      />
    );
  }
  if (found.error && !c) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(found.error, lang, t)}
        action={<Button onClick={found.reload}>{t("retry")}</Button>}
      />
    );
  }
  if (!c) return <Skeleton active paragraph={{ rows: 10 }} />;

  return (
    <div data-testid="case-page" data-case-id={c.id}>
      {back}
      <Card size="small" style={{ marginBottom: 16 }}>
        <div className="cg-case-head">
          <span className="cg-case-code" data-testid="case-code">
            {c.code}
          </span>
          <StatusTag status={c.status} testId="case-status" />
          {c.overdue && <Tag color="red">{t("overdue")}</Tag>}
          {!c.overdue && c.warning && <Tag color="gold">{t("warning")}</Tag>}
          {c.supervised && <Tag color="magenta">{t("supervised")}</Tag>}
          {c.counters.meToo > 0 && (
            <Tag color="geekblue" title={t("dupMeTooTitle")} data-testid="case-me-too">
              {t("dupMeToo", { n: c.counters.meToo })}
            </Tag>
          )}
          <Button
            size="small"
            type="text"
            icon={<ReloadOutlined />}
            onClick={found.reload}
            loading={found.loading}
            aria-label={t("refresh")}
            title={t("refresh")}
            style={{ marginInlineStart: "auto" }}
          />
        </div>
        <Typography.Title level={4} style={{ margin: "8px 0 12px" }} data-testid="case-title">
          {c.title}
        </Typography.Title>
        <Space orientation="vertical" size={4} style={{ width: "100%" }}>
          <Typography.Text type="secondary">{t("actions")}</Typography.Text>
          <CaseActions c={c} onDone={found.reload} />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Card size="small" title={t("caseDetails")}>
              <CaseFields c={c} />
            </Card>
            {OPEN.includes(c.status) && (
              <Card size="small" title={t("dupCandidates")} data-testid="case-duplicates">
                <DuplicateCandidates c={c} onChanged={found.reload} />
              </Card>
            )}
            {(c.mergedCases.length > 0 || c.mergedIntoId) && (
              <Card size="small" title={t("dupNotices")}>
                <OutcomeNotices caseId={c.id} version={c.version} />
              </Card>
            )}
            <Card size="small" title={t("photos")}>
              <CasePhotos photos={c.photos ?? []} />
            </Card>
            <Card size="small" title={t("timeline")}>
              <CaseTimeline events={c.events ?? []} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Card size="small" title={t("location")} styles={{ body: { padding: 8 } }}>
              <CaseMap lat={c.lat} lng={c.lng} gridCode={c.gridCode} height={280} testId="case-map" />
            </Card>
            <Card size="small" title={t("deadlines")}>
              <CaseDeadlines c={c} />
            </Card>
            <Card size="small" title={t("handlingUnits")}>
              <CaseUnits c={c} />
            </Card>
            <Card size="small" title={t("counters")}>
              <CaseCounters c={c} />
            </Card>
            {seesCallers && (
              <Card size="small" title={`${t("hlCallers")} (${c.counters.meToo})`}>
                <CaseCallers caseId={c.id} meToo={c.counters.meToo} />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </div>
  );
}
