// 区划与网格: the division tree, loaded level by level; a community shows its grids on the map, a
// township all of its grids, a district frames its outline.
import { Empty, Tag, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ErrorAlert } from "../../components/admin/ErrorAlert.tsx";
import { GridMap } from "../../components/admin/GridMap.tsx";
import { label } from "../../components/admin/labels.ts";
import type { Division, FeatureCollection, GridFeature } from "../../components/admin/types.ts";
import { asApiError, useFetch } from "../../components/admin/useFetch.ts";
import { useI18n } from "../../i18n/index.tsx";
import type { ApiError } from "../../lib/api.ts";
import { get, qs } from "../../lib/api.ts";

export function DivisionsTab() {
  const { t } = useI18n();
  const [byParent, setByParent] = useState<Record<string, Division[]>>({});
  const [roots, setRoots] = useState<Division[]>([]);
  const [treeError, setTreeError] = useState<ApiError>();
  const [selected, setSelected] = useState<Division>();
  const [highlight, setHighlight] = useState<string>();
  const [expanded, setExpanded] = useState<string[]>([]);

  const loadRoots = useCallback(() => {
    setTreeError(undefined);
    get<{ items: Division[] }>("/divisions")
      .then(async (r) => {
        setRoots(r.items);
        // open the city at once: its districts are where every search starts
        const city = r.items[0];
        if (!city) return;
        const children = await get<{ items: Division[] }>(`/divisions${qs({ parentCode: city.code })}`);
        setByParent((prev) => ({ ...prev, [city.code]: children.items }));
        setExpanded([city.code]);
      })
      .catch((e: unknown) => setTreeError(asApiError(e)));
  }, []);
  useEffect(loadRoots, [loadRoots]);

  const loadChildren = async (code: string) => {
    if (byParent[code]) return;
    try {
      const r = await get<{ items: Division[] }>(`/divisions${qs({ parentCode: code })}`);
      setByParent((prev) => ({ ...prev, [code]: r.items }));
    } catch (e) {
      setTreeError(asApiError(e));
    }
  };

  // a grid picked on the map scrolls into view in the list
  useEffect(() => {
    if (highlight) document.querySelector(`[data-grid-code="${highlight}"]`)?.scrollIntoView({ block: "nearest" });
  }, [highlight]);

  const treeData = useMemo(() => {
    const build = (d: Division): DataNode => ({
      key: d.code,
      title: d.name,
      isLeaf: d.level === "community" || d.childCount === 0,
      children: byParent[d.code]?.map(build),
    });
    return roots.map(build);
  }, [roots, byParent]);

  const find = (code: string): Division | undefined =>
    roots.find((d) => d.code === code) ??
    Object.values(byParent)
      .flat()
      .find((d) => d.code === code);

  const gridPath =
    selected?.level === "community"
      ? `/geo/grids${qs({ communityCode: selected.code })}`
      : selected?.level === "township"
        ? `/geo/grids${qs({ townshipCode: selected.code })}`
        : null;
  const grids = useFetch<FeatureCollection<GridFeature>>(gridPath);
  // only grids of the current selection: the previous selection's stay in data while this one loads
  const shownGrids = gridPath && grids.dataPath === gridPath ? grids.data : undefined;

  return (
    <div>
      <ErrorAlert error={treeError} onRetry={loadRoots} />
      <div className="cg-div-layout">
        <section aria-label={t("admDivisionTree")} data-testid="division-tree" className="cg-div-tree">
          <Tree
            treeData={treeData}
            loadData={(node) => loadChildren(String(node.key))}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys.map(String))}
            onSelect={(keys) => {
              const code = keys[0] ? String(keys[0]) : undefined;
              setSelected(code ? find(code) : undefined);
              setHighlight(undefined);
            }}
            selectedKeys={selected ? [selected.code] : []}
          />
        </section>
        <section className="cg-div-map">
          <div style={{ marginBottom: 8, minHeight: 24 }} data-testid="division-selected">
            {selected ? (
              <>
                <Typography.Text strong>{selected.name}</Typography.Text>{" "}
                <Tag>{label(t, "admLevel_", selected.level)}</Tag>
                <Typography.Text type="secondary">{selected.code}</Typography.Text>
                {shownGrids ? (
                  <Typography.Text style={{ marginLeft: 12 }}>
                    {t("admGridCount", { n: shownGrids.features.length })}
                  </Typography.Text>
                ) : null}
              </>
            ) : (
              <Typography.Text type="secondary">{t("admDivisionHint")}</Typography.Text>
            )}
          </div>
          <ErrorAlert error={gridPath ? grids.error : undefined} onRetry={grids.reload} />
          <GridMap
            grids={shownGrids}
            gridsKey={gridPath ?? ""}
            focusDistrict={selected?.level === "district" ? selected.code : undefined}
            highlight={highlight}
            onPick={setHighlight}
            height="100%"
          />
        </section>
        <section aria-label={t("admGridList")} data-testid="grid-list" className="cg-div-grids">
          {shownGrids && shownGrids.features.length > 0 ? (
            <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {shownGrids.features.map((f) => (
                <li key={f.properties.code}>
                  <button
                    type="button"
                    className="cg-grid-item"
                    data-grid-code={f.properties.code}
                    aria-pressed={highlight === f.properties.code}
                    onMouseEnter={() => setHighlight(f.properties.code)}
                    onFocus={() => setHighlight(f.properties.code)}
                    onClick={() => setHighlight(f.properties.code)}
                    style={{ background: highlight === f.properties.code ? "#fff7e6" : undefined }}
                  >
                    <span>{f.properties.name}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {f.properties.code}
                    </Typography.Text>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={grids.loading && gridPath ? t("loading") : t("admNoGrids")}
            />
          )}
        </section>
      </div>
    </div>
  );
}
