// The shared maps. Both are lazy: Leaflet (and its CSS) loads only when a map is first shown, so
// importing from here never adds Leaflet to a page's own bundle.
//   <VectorMap …/>  the district outlines of Anshan as a base, plus overlays, points and a marker
//   <CaseMap …/>    one case: its point and its grid outline
import { lazy, Suspense } from "react";
import { useI18n } from "../../i18n/index.tsx";
import "./map.css";
import type { CaseMapProps, VectorMapProps } from "./types.ts";

export type { CaseMapProps, LatLng, MapOverlay, MapPoint, VectorMapProps } from "./types.ts";

const VectorMapLazy = lazy(() => import("./VectorMapImpl.tsx").then((m) => ({ default: m.VectorMapImpl })));
const CaseMapLazy = lazy(() => import("./CaseMapImpl.tsx").then((m) => ({ default: m.CaseMapImpl })));

function Placeholder({ height, testId }: { height: number | string; testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="cg-map cg-map-placeholder" style={{ height }} data-testid={testId}>
      {t("mapLoading")}
    </div>
  );
}

export function VectorMap(props: VectorMapProps) {
  return (
    <Suspense fallback={<Placeholder height={props.height ?? 360} />}>
      <VectorMapLazy {...props} />
    </Suspense>
  );
}

export function CaseMap(props: CaseMapProps) {
  return (
    <Suspense fallback={<Placeholder height={props.height ?? 300} />}>
      <CaseMapLazy {...props} />
    </Suspense>
  );
}
