// The case's event timeline: what was done, by which unit and role, when, the note, and the status
// before → after. Oldest first, as the loop is read.
import { Tag, Timeline, Typography } from "antd";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { fmtTime } from "../../lib/format.ts";
import type { CaseEvent } from "../../lib/types.ts";
import { StatusTag } from "./StatusTag.tsx";

const RED = new Set(["reject", "return", "overdue", "auto-escalate", "reopen"]);
const AMBER = new Set(["warn", "supervise", "escalate", "extend-request"]);
const GREEN = new Set(["evaluate"]);

// a passed verification closes the case; a failed one sends it back to handling (rework)
const verifyPassed = (e: CaseEvent) => e.toStatus === "closed";

function colour(e: CaseEvent): string {
  if (e.action === "verify") return verifyPassed(e) ? "green" : "red";
  if (RED.has(e.action)) return "red";
  if (AMBER.has(e.action)) return "orange";
  if (GREEN.has(e.action) || e.toStatus === "closed") return "green";
  return "blue";
}

/** The facts of an event worth a tag: verification result, rating, return reason, new deadline. */
function EventFacts({ e }: { e: CaseEvent }) {
  const { t } = useI18n();
  const input = (e.data?.input ?? {}) as {
    rating?: string;
    reasonCode?: string;
    until?: string;
    approve?: boolean;
    photoIds?: string[];
  };
  const facts: { key: string; text: string; color?: string }[] = [];
  if (e.action === "verify") {
    const pass = verifyPassed(e);
    facts.push({ key: "v", text: t(pass ? "verifyPass" : "verifyFail"), color: pass ? "green" : "red" });
  }
  if (input.rating) facts.push({ key: "r", text: t(`rating_${input.rating}` as MessageKey) });
  if (input.reasonCode) facts.push({ key: "c", text: t(`returnReason_${input.reasonCode}` as MessageKey) });
  if (input.until) facts.push({ key: "u", text: t("extendUntilAt", { at: fmtTime(input.until) }) });
  if (e.action === "extend-approve")
    facts.push({ key: "a", text: t(input.approve ? "approve" : "refuse"), color: input.approve ? "green" : "red" });
  if (input.photoIds?.length) facts.push({ key: "p", text: t("photoCount", { n: input.photoIds.length }) });
  if (facts.length === 0) return null;
  return (
    <div style={{ marginTop: 4 }}>
      {facts.map((f) => (
        <Tag key={f.key} color={f.color}>
          {f.text}
        </Tag>
      ))}
    </div>
  );
}

export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const { t } = useI18n();
  if (events.length === 0) return <Typography.Text type="secondary">{t("noData")}</Typography.Text>;
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <Timeline
      data-testid="case-timeline"
      items={sorted.map((e) => {
        const who = e.actorUnit
          ? `${e.actorUnit.name}${e.actorRole ? ` · ${t(`role_${e.actorRole}` as MessageKey)}` : ""}`
          : e.actorRole === "citizen"
            ? t("role_citizen") // the reporter on the citizens' portal: no unit, no account
            : t("systemActor");
        const changed = e.fromStatus && e.fromStatus !== e.toStatus;
        return {
          key: e.seq,
          color: colour(e),
          content: (
            <div data-testid="timeline-event" data-action={e.action}>
              <Typography.Text strong>{t(`action_${e.action}` as MessageKey)}</Typography.Text>
              {changed && e.fromStatus ? (
                <span style={{ marginInlineStart: 8 }}>
                  <StatusTag status={e.fromStatus} /> <span aria-hidden>→</span>{" "}
                  <span className="cg-sr-only">{t("becomes")}</span>
                  <StatusTag status={e.toStatus} />
                </span>
              ) : null}
              <div className="cg-event-meta">
                {fmtTime(e.at)} · {who}
              </div>
              {e.note && <div className="cg-event-note">{e.note}</div>}
              <EventFacts e={e} />
            </div>
          ),
        };
      })}
    />
  );
}
