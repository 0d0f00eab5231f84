// Over the map: the layer switches (case points, heat, grid workers, hotspots) and the legend of the colours.
import { useI18n } from "../../i18n/index.tsx";
import { caseColor, LEGEND } from "./colors.ts";

export type Layers = { cases: boolean; heat: boolean; workers: boolean; hotspots: boolean };

const LABELS = {
  cases: "scLayerCases",
  heat: "scLayerHeat",
  workers: "scLayerWorkers",
  hotspots: "scLayerHotspots",
} as const;

export function MapControls({ layers, onToggle }: { layers: Layers; onToggle: (key: keyof Layers) => void }) {
  const { t } = useI18n();
  return (
    <>
      <fieldset className="scr-map-layers">
        <legend className="scr-sr-only">{t("scLayers")}</legend>
        {(["cases", "heat", "workers", "hotspots"] as const).map((k) => (
          <button
            key={k}
            type="button"
            className={layers[k] ? "on" : ""}
            aria-pressed={layers[k]}
            data-testid={`layer-${k}`}
            onClick={() => onToggle(k)}
          >
            {t(LABELS[k])}
          </button>
        ))}
      </fieldset>
      <ul className="scr-legend" aria-label={t("scLegend")}>
        {LEGEND.map((l) => (
          <li key={l.key}>
            <i style={{ background: l.color }} />
            {t(`status_${l.key}`)}
          </li>
        ))}
        <li>
          <i style={{ background: caseColor("accepted", true) }} />
          {t("scOverdue")}
        </li>
        <li>
          <i className="worker" />
          {t("scWorkerOnPatrol")}
        </li>
      </ul>
    </>
  );
}
