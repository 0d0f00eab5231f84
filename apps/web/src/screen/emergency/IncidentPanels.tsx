// Emergency mode's panels: the red banner over the map, the incident's task status and log (with an
// entry box and the close form for the centre directing it), the grid workers with their task state
// and the open cases inside the area.
import { type FormEvent, useEffect, useState } from "react";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { ApiError } from "../../lib/api.ts";
import { incidentApi } from "../api.ts";
import { fmtTime } from "../format.ts";
import { caseColor } from "../map/colors.ts";
import { TASK_COLORS } from "../map/incident-layer.ts";
import { Panel } from "../Panel.tsx";
import type { IncidentCase, IncidentDetail } from "../types.ts";

const ROMAN = ["", "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"];

function useElapsed(since: string): string {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(id);
  }, []);
  const s = Math.max(0, Math.floor((now - new Date(since).getTime()) / 1000));
  const hh = String(Math.floor(s / 3600)).padStart(2, "0");
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return `${hh}:${mm}:${ss}`;
}

export function IncidentBanner(props: { incident: IncidentDetail; onList: () => void; onLeave: () => void }) {
  const { incident } = props;
  const { t } = useI18n();
  const elapsed = useElapsed(incident.declaredAt);
  const closed = incident.status === "closed";
  return (
    <div className={`scr-banner ${closed ? "closed" : ""}`} data-testid="incident-banner" data-id={incident.id}>
      <span className="level">{t("scLevelShort", { n: ROMAN[incident.level] ?? incident.level })}</span>
      <span className="type">{t(`incType_${incident.type}` as MessageKey)}</span>
      <strong className="title">{incident.title}</strong>
      <span className="code">{incident.code}</span>
      <span className="state">{closed ? t("scIncidentClosed") : t("scIncidentActive", { elapsed })}</span>
      <span className="grow" />
      <button type="button" className="scr-btn" onClick={props.onList}>
        {t("scIncidentList")}
      </button>
      <button type="button" className="scr-btn" onClick={props.onLeave} data-testid="incident-leave">
        {t("scBackToNormal")}
      </button>
    </div>
  );
}

function TaskBars({ tasks }: { tasks: IncidentDetail["tasks"] }) {
  const { t } = useI18n();
  const total = tasks.total ?? tasks.sent + tasks.acknowledged + tasks.done;
  const rows = [
    { key: "sent", n: tasks.sent },
    { key: "acknowledged", n: tasks.acknowledged },
    { key: "done", n: tasks.done },
  ] as const;
  return (
    <div className="scr-tasks" data-testid="incident-tasks" data-total={total}>
      {rows.map((r) => (
        <div key={r.key} className="task" data-testid={`tasks-${r.key}`} data-value={r.n}>
          <span className="label">{t(`incTask_${r.key}`)}</span>
          <span className="bar">
            <i style={{ width: total ? `${(100 * r.n) / total}%` : 0, background: TASK_COLORS[r.key] }} />
          </span>
          <span className="n">{r.n}</span>
        </div>
      ))}
    </div>
  );
}

function useAction(onDone: () => void) {
  const { lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      onDone();
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

interface CommandProps {
  incident: IncidentDetail;
  /** the viewer holds incident:declare (the server also says whether this incident is theirs to direct) */
  canCommand: boolean;
  onChanged: () => void;
  onClosed: () => void;
}

export function IncidentCommand(props: CommandProps) {
  const { incident, onChanged } = props;
  const { t, lang } = useI18n();
  const [entry, setEntry] = useState("");
  const [closing, setClosing] = useState(false);
  const [summary, setSummary] = useState("");
  const action = useAction(onChanged);
  const directs = props.canCommand && incident.canDirect !== false && incident.status === "active";

  const addLog = async (e: FormEvent) => {
    e.preventDefault();
    const text = entry.trim();
    if (!text) return;
    if (await action.run(() => incidentApi.log(incident.id, text))) setEntry("");
  };
  const rebroadcast = () => {
    const text = entry.trim();
    if (text) void action.run(() => incidentApi.rebroadcast(incident.id, text)).then((ok) => ok && setEntry(""));
  };
  const close = async (e: FormEvent) => {
    e.preventDefault();
    const text = summary.trim();
    if (!text) return;
    if (await action.run(() => incidentApi.close(incident.id, text))) {
      setClosing(false);
      props.onClosed();
    }
  };

  return (
    <>
      <Panel title={t("scIncidentInfo")} className="fixed-auto" testId="incident-info">
        <dl className="scr-facts">
          <dt>{t("scIncidentType")}</dt>
          <dd>{t(`incType_${incident.type}` as MessageKey)}</dd>
          <dt>{t("scIncidentLevel")}</dt>
          <dd>{t(`incLevel_${incident.level}` as MessageKey)}</dd>
          <dt>{t("scDeclaredBy")}</dt>
          <dd>
            {incident.declaredBy?.unitName ?? ""} {incident.declaredBy?.name ?? ""} ·{" "}
            {fmtTime(incident.declaredAt, lang)}
          </dd>
          <dt>{t("scArea")}</dt>
          <dd>{t("scAreaGridsN", { n: incident.area.gridCodes.length })}</dd>
          {incident.description && (
            <>
              <dt>{t("scIncidentDescription")}</dt>
              <dd>{incident.description}</dd>
            </>
          )}
          {incident.summary && (
            <>
              <dt>{t("scCloseSummary")}</dt>
              <dd>{incident.summary}</dd>
            </>
          )}
        </dl>
        <TaskBars tasks={incident.tasks} />
      </Panel>
      <Panel title={t("scIncidentLog")} className="grow" testId="incident-log">
        <ol className="scr-log">
          {incident.log.map((l, i) => (
            <li key={l.id ?? `${l.at}-${i}`} data-kind={l.kind}>
              <time>{fmtTime(l.at, lang)}</time>
              <span className="kind">{t(`scLog_${l.kind}` as MessageKey)}</span>
              <span className="text">{l.text}</span>
              <span className="who">{l.actorName ?? l.unitName ?? ""}</span>
            </li>
          ))}
        </ol>
        {directs && !closing && (
          <form className="scr-log-form" onSubmit={addLog}>
            <input
              value={entry}
              maxLength={2000}
              onChange={(e) => setEntry(e.target.value)}
              placeholder={t("scLogPlaceholder")}
              data-testid="incident-log-input"
            />
            <button type="submit" className="scr-btn" disabled={action.busy} data-testid="incident-log-add">
              {t("scLogAdd")}
            </button>
            <button type="button" className="scr-btn" disabled={action.busy} onClick={rebroadcast}>
              {t("scRebroadcast")}
            </button>
            <button
              type="button"
              className="scr-btn danger"
              onClick={() => setClosing(true)}
              data-testid="incident-close"
            >
              {t("scCloseIncident")}
            </button>
          </form>
        )}
        {closing && (
          <form className="scr-log-form" onSubmit={close} data-testid="incident-close-form">
            <input
              value={summary}
              maxLength={5000}
              onChange={(e) => setSummary(e.target.value)}
              placeholder={t("scCloseSummaryPlaceholder")}
              data-testid="incident-close-summary"
            />
            <button type="submit" className="scr-btn danger" disabled={action.busy} data-testid="incident-close-submit">
              {t("scCloseConfirm")}
            </button>
            <button type="button" className="scr-btn" onClick={() => setClosing(false)}>
              {t("cancel")}
            </button>
          </form>
        )}
        {action.error && (
          <p className="scr-error" role="alert">
            {action.error}
          </p>
        )}
      </Panel>
    </>
  );
}

export function IncidentPeople(props: { incident: IncidentDetail; onCase: (c: IncidentCase) => void }) {
  const { incident } = props;
  const { t, lang } = useI18n();
  return (
    <>
      <Panel
        title={t("scIncidentWorkers")}
        extra={<span className="scr-count">{incident.workerTotal ?? incident.workers.length}</span>}
        className="grow"
        testId="incident-workers"
      >
        {incident.workers.length === 0 ? (
          <div className="scr-empty">{t("scNoWorkers")}</div>
        ) : (
          <ul className="scr-list">
            {incident.workers.map((w) => (
              <li key={`${w.userId}-${w.gridCode}`} data-status={w.taskStatus ?? ""}>
                <i style={{ background: TASK_COLORS[w.taskStatus ?? "sent"] }} />
                <span className="name">{w.name ?? "—"}</span>
                <span className="grid">{w.gridName ?? w.gridCode}</span>
                <span className="state">{w.taskStatus ? t(`incTask_${w.taskStatus}`) : "—"}</span>
                <span className="seen">{w.lastSeenAt ? fmtTime(w.lastSeenAt, lang) : t("scNotSeen")}</span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel
        title={t("scIncidentCases")}
        extra={<span className="scr-count">{incident.caseTotal ?? incident.cases.length}</span>}
        className="grow"
        testId="incident-cases"
      >
        {incident.cases.length === 0 ? (
          <div className="scr-empty">{t("scNoCases")}</div>
        ) : (
          <ul className="scr-list">
            {incident.cases.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => props.onCase(c)}>
                  <i style={{ background: caseColor(c.status, Boolean(c.overdue)) }} />
                  <span className="name">{c.code}</span>
                  <span className="grid">{c.categoryName ?? c.title ?? ""}</span>
                  <span className="state">{t(`status_${c.status}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
