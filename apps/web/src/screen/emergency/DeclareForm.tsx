// Declaring an incident (应急指挥): type, level, title, the task broadcast to the grid workers, and
// the area, either drawn on the map (click the vertices, double-click or 完成 to close) or chosen as
// grids (click them on the map's grid layer, or tick them in the list). The map stays visible beside
// the form while the area is picked.
import { INCIDENT_LEVELS, INCIDENT_TYPES, type IncidentType } from "@civicgrid/shared";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { ApiError } from "../../lib/api.ts";
import { randomId } from "../../lib/ids.ts";
import { type DeclareIncident, incidentApi } from "../api.ts";
import type { PolygonDrawer, Vertex } from "../map/draw-polygon.ts";
import type { Picking } from "../map/picking.ts";
import { gridsOf } from "../map/scope-shapes.ts";
import type { IncidentDetail, Summary } from "../types.ts";

interface Props {
  scope: Summary["scope"];
  onPicking: (p: Picking | null) => void;
  onDeclared: (incident: IncidentDetail) => void;
  onCancel: () => void;
}

type GridItem = { code: string; name: string };

/** The grids one may pick from at the level shown: none at city level (drill down first). */
function useScopeGrids(scope: Summary["scope"]): GridItem[] | null {
  const [grids, setGrids] = useState<GridItem[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = async (): Promise<GridItem[] | null> => {
      if (scope.level === "city") return null;
      if (scope.level === "district") {
        const lists = await Promise.all(scope.children.map((c) => gridsOf("township", c.code).catch(() => [])));
        return lists.flat().map((f) => ({ code: f.properties.code, name: f.properties.name }));
      }
      const community = scope.level === "grid" ? scope.code.slice(0, 12) : scope.code;
      const level = scope.level === "township" ? "township" : "community";
      const features = await gridsOf(level, level === "township" ? scope.code : community);
      return features.map((f) => ({ code: f.properties.code, name: f.properties.name }));
    };
    load()
      .then((g) => {
        if (live) setGrids(g);
      })
      .catch(() => {
        if (live) setGrids([]);
      });
    return () => {
      live = false;
    };
  }, [scope]);
  return grids;
}

export function DeclareForm({ scope, onPicking, onDeclared, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [type, setType] = useState<IncidentType>("flood");
  const [level, setLevel] = useState<number>(4);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [taskText, setTaskText] = useState("");
  const [mode, setMode] = useState<"polygon" | "grids">(scope.level === "city" ? "polygon" : "grids");
  const [polygon, setPolygon] = useState<{ vertices: Vertex[]; closed: boolean }>({ vertices: [], closed: false });
  const [picked, setPicked] = useState<string[]>([]);
  const [filter, setFilter] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const drawerRef = useRef<PolygonDrawer | null>(null);
  // one key per form: a double click or a retry after a lost answer declares once
  const idempotencyKey = useRef(randomId());
  const grids = useScopeGrids(scope);

  // tell the map what is being picked; cleared when the form goes away
  useEffect(() => {
    if (mode === "polygon") {
      onPicking({
        mode,
        polygon: polygon.vertices,
        closed: polygon.closed,
        onPolygon: (vertices, closed) => setPolygon({ vertices, closed }),
        drawerRef,
      });
    } else {
      onPicking({
        mode,
        grids: picked,
        onToggleGrid: (code) => setPicked((p) => (p.includes(code) ? p.filter((c) => c !== code) : [...p, code])),
      });
    }
  }, [mode, polygon, picked, onPicking]);
  useEffect(() => () => onPicking(null), [onPicking]);

  const shown = useMemo(() => {
    const f = filter.trim();
    return (grids ?? []).filter((g) => !f || g.name.includes(f) || g.code.includes(f)).slice(0, 300);
  }, [grids, filter]);

  const areaReady = mode === "polygon" ? polygon.closed && polygon.vertices.length >= 3 : picked.length > 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!title.trim() || !taskText.trim()) return setError(t("scDeclareMissing"));
    if (!areaReady) return setError(t("scDeclareNoArea"));
    const body: DeclareIncident = {
      type,
      level,
      title: title.trim(),
      taskText: taskText.trim(),
      area:
        mode === "polygon"
          ? { polygon: polygon.vertices.map((v) => [Number(v.lng.toFixed(6)), Number(v.lat.toFixed(6))]) }
          : { gridCodes: picked },
    };
    if (description.trim()) body.description = description.trim();
    setBusy(true);
    try {
      onDeclared(await incidentApi.declare(body, idempotencyKey.current));
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="scr-declare" onSubmit={submit} data-testid="declare-form" noValidate>
      <h2>{t("scDeclareTitle")}</h2>
      <div className="row">
        <label>
          {t("scIncidentType")}
          <select value={type} onChange={(e) => setType(e.target.value as IncidentType)} data-testid="declare-type">
            {INCIDENT_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`incType_${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("scIncidentLevel")}
          <select value={level} onChange={(e) => setLevel(Number(e.target.value))} data-testid="declare-level">
            {INCIDENT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`incLevel_${l}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t("scIncidentTitle")}
        <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="declare-title" />
      </label>
      <label>
        {t("scIncidentDescription")}
        <textarea value={description} rows={2} maxLength={5000} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label>
        {t("scTaskText")}
        <textarea
          value={taskText}
          rows={3}
          maxLength={2000}
          onChange={(e) => setTaskText(e.target.value)}
          data-testid="declare-task"
        />
      </label>
      <fieldset className="scr-area">
        <legend>{t("scArea")}</legend>
        <div className="scr-seg">
          {(["polygon", "grids"] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              className={mode === m ? "on" : ""}
              onClick={() => setMode(m)}
              data-testid={`area-mode-${m}`}
            >
              {t(m === "polygon" ? "scAreaDraw" : "scAreaGrids")}
            </button>
          ))}
        </div>
        {mode === "polygon" ? (
          <div className="scr-draw">
            <p className="hint">{t("scDrawHint")}</p>
            <p data-testid="draw-status">
              {polygon.closed
                ? t("scDrawClosed", { n: polygon.vertices.length })
                : t("scDrawPoints", { n: polygon.vertices.length })}
            </p>
            <div className="buttons">
              <button
                type="button"
                className="scr-btn"
                onClick={() => drawerRef.current?.finish()}
                data-testid="draw-finish"
              >
                {t("scDrawFinish")}
              </button>
              <button type="button" className="scr-btn" onClick={() => drawerRef.current?.undo()}>
                {t("scDrawUndo")}
              </button>
              <button type="button" className="scr-btn" onClick={() => drawerRef.current?.clear()}>
                {t("scDrawClear")}
              </button>
            </div>
          </div>
        ) : grids === null ? (
          <p className="hint">{scope.level === "city" ? t("scGridsDrillFirst") : t("loading")}</p>
        ) : (
          <div className="scr-gridpick">
            <p className="hint">{t("scGridsHint", { n: picked.length })}</p>
            <input
              placeholder={t("scGridsFilter")}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              data-testid="grid-filter"
            />
            <ul data-testid="grid-list">
              {shown.map((g) => (
                <li key={g.code}>
                  <label>
                    <input
                      type="checkbox"
                      checked={picked.includes(g.code)}
                      onChange={() =>
                        setPicked((p) => (p.includes(g.code) ? p.filter((c) => c !== g.code) : [...p, g.code]))
                      }
                      data-code={g.code}
                    />
                    {g.name}
                  </label>
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
      {error && (
        <p className="scr-error" role="alert" data-testid="declare-error">
          {error}
        </p>
      )}
      <div className="buttons end">
        <button type="button" className="scr-btn" onClick={onCancel}>
          {t("cancel")}
        </button>
        <button type="submit" className="scr-btn danger" disabled={busy} data-testid="declare-submit">
          {t("scDeclareSubmit")}
        </button>
      </div>
    </form>
  );
}
