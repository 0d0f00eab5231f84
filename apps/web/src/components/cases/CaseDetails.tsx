// The case's fields, grouped: what and where; who handles it; deadlines; counters.
import type { CaseSource } from "@civicgrid/shared";
import { Descriptions, type DescriptionsProps, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { useCategoryNames } from "../../lib/categories.ts";
import { fmtTime } from "../../lib/format.ts";
import { useNow } from "../../lib/hooks.ts";
import type { CaseView } from "./caseTypes.ts";
import { ReporterPhone } from "./ReporterPhone.tsx";
import { TimeLeftText } from "./StatusTag.tsx";

const COLUMNS = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 };

export function CaseFields({ c }: { c: CaseView }) {
  const { t } = useI18n();
  const names = useCategoryNames();
  const category = c.categoryCode
    ? (c.categoryName ?? names.get(c.categoryCode) ?? c.categoryCode)
    : t("uncategorised");
  const items: NonNullable<DescriptionsProps["items"]> = [
    {
      key: "description",
      label: t("description"),
      span: "filled",
      children: <div className="cg-description">{c.description}</div>,
    },
    { key: "category", label: t("category"), children: category },
    { key: "source", label: t("source"), children: t(`source_${c.source as CaseSource}` as MessageKey) },
    { key: "district", label: t("district"), children: c.districtName ?? "—" },
    { key: "township", label: t("township"), children: c.townshipName ?? "—" },
    { key: "community", label: t("community"), children: c.communityName ?? "—" },
    { key: "grid", label: t("grid"), children: c.gridName ? `${c.gridName} (${c.gridCode})` : c.gridCode },
    { key: "address", label: t("address"), children: c.address ?? "—" },
    { key: "coords", label: t("coordinates"), children: `${c.lat.toFixed(6)}, ${c.lng.toFixed(6)}` },
    { key: "reportedAt", label: t("reportedAt"), children: fmtTime(c.reportedAt) },
    { key: "updatedAt", label: t("updatedAt"), children: fmtTime(c.updatedAt) },
  ];
  if (c.reporter) {
    items.push({ key: "reporterName", label: t("reporterName"), children: c.reporter.name ?? "—" });
    items.push({
      key: "reporterPhone",
      label: t("reporterPhone"),
      children: c.reporter.phone ? <ReporterPhone caseId={c.id} masked={c.reporter.phone} /> : "—",
    });
    if (c.reporter.idNumber)
      items.push({ key: "reporterIdNumber", label: t("reporterIdNumber"), children: c.reporter.idNumber });
  }
  if (c.resultNote) items.push({ key: "result", label: t("result"), span: "filled", children: c.resultNote });
  if (c.lastReturnReason)
    items.push({ key: "lastReturn", label: t("lastReturnReason"), span: "filled", children: c.lastReturnReason });
  if (c.rating)
    items.push({
      key: "rating",
      label: t("rating"),
      span: "filled",
      children: (
        <Space wrap>
          <Tag color={c.rating === "unsatisfied" ? "red" : "green"}>{t(`rating_${c.rating}` as MessageKey)}</Tag>
          {typeof c.solved === "boolean" && (
            <Tag color={c.solved ? "green" : "orange"}>{t(c.solved ? "solvedYes" : "solvedNo")}</Tag>
          )}
          {c.ratingComment}
        </Space>
      ),
    });
  return (
    <Descriptions size="small" bordered column={COLUMNS} items={items} styles={{ label: { whiteSpace: "nowrap" } }} />
  );
}

export function CaseUnits({ c }: { c: CaseView }) {
  const { t, lang } = useI18n();
  const items: NonNullable<DescriptionsProps["items"]> = [
    { key: "centre", label: t("centre"), children: c.centreUnit?.name ?? "—" },
    { key: "dispatcher", label: t("dispatcherUnit"), children: c.dispatcherUnit?.name ?? "—" },
    { key: "owner", label: t("owner"), children: <span data-testid="case-owner">{c.ownerUnit?.name ?? "—"}</span> },
    {
      key: "assist",
      label: t("assist"),
      children: c.assistUnits.length ? (
        <Space size={[4, 4]} wrap>
          {c.assistUnits.map((u) => (
            <Tag key={u.code}>{u.name}</Tag>
          ))}
        </Space>
      ) : (
        "—"
      ),
    },
    {
      key: "suggested",
      label: t("routingSuggestion"),
      children: c.suggestedUnit ? (
        <div>
          <div>{c.suggestedUnit.name}</div>
          {c.routing && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.routing.reason[lang]}
            </Typography.Text>
          )}
        </div>
      ) : (
        "—"
      ),
    },
  ];
  if (c.mergedCases.length)
    items.push({
      key: "merged",
      label: t("mergedCases"),
      children: (
        <Space size={[8, 4]} wrap>
          {c.mergedCases.map((m) => (
            <Link key={m.id} to={`/cases/${m.id}`}>
              {m.code}
            </Link>
          ))}
        </Space>
      ),
    });
  if (c.mergedIntoId)
    items.push({
      key: "mergedInto",
      label: t("mergedInto"),
      children: <Link to={`/cases/${c.mergedIntoId}`}>{t("openCase")}</Link>,
    });
  return <Descriptions size="small" column={1} items={items} styles={{ label: { whiteSpace: "nowrap" } }} />;
}

export function CaseDeadlines({ c }: { c: CaseView }) {
  const { t } = useI18n();
  const now = useNow();
  const d = c.deadlines;
  const items: NonNullable<DescriptionsProps["items"]> = [
    {
      key: "left",
      label: t("timeLeft"),
      children: (
        <span data-testid="case-time-left">
          <TimeLeftText c={c} now={now} />
        </span>
      ),
    },
    { key: "due", label: t("dueAt"), children: fmtTime(d.dueAt) },
    { key: "warn", label: t("warnAt"), children: fmtTime(d.warnAt) },
    { key: "accept", label: t("acceptBy"), children: fmtTime(d.acceptBy) },
    {
      key: "limit",
      label: t("limitDays"),
      children: d.limitDays === null ? "—" : t("workingDays", { n: d.limitDays }),
    },
  ];
  if (c.pendingExtension)
    items.push({
      key: "pending",
      label: t("pendingExtension"),
      children: (
        <span>
          {fmtTime(c.pendingExtension.until)} · {c.pendingExtension.reason}
        </span>
      ),
    });
  return <Descriptions size="small" column={1} items={items} styles={{ label: { whiteSpace: "nowrap" } }} />;
}

export function CaseCounters({ c }: { c: CaseView }) {
  const { t } = useI18n();
  const k = c.counters;
  const list: [MessageKey, number][] = [
    ["rework", k.rework],
    ["returns", k.returns],
    ["reopens", k.reopens],
    ["supervisions", k.supervisions],
    ["extensions", k.extensions],
    ["meToo", k.meToo],
    ["escalationLevel", k.escalationLevel],
  ];
  return (
    <div className="cg-counters" data-testid="case-counters">
      {list.map(([label, n]) => (
        <div key={label} className={`cg-counter ${n > 0 ? "is-set" : ""}`}>
          <div className="cg-counter-n">{n}</div>
          <div className="cg-counter-label">{t(label)}</div>
        </div>
      ))}
    </div>
  );
}
