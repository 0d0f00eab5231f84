// A division picker (区划) for forms and filters: a tree select that loads children on demand from
// GET /divisions?parentCode=, so the 1,300 divisions never load at once.
import { TreeSelect } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import type { Division } from "./types.ts";

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

const toNode = (d: Division): Node => ({
  id: d.code,
  pId: d.parentCode,
  value: d.code,
  title: d.name,
  isLeaf: d.level === "community" || d.childCount === 0,
});

export function DivisionPicker({
  value,
  onChange,
  placeholder,
  allowClear = true,
  id,
  "data-testid": testId,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  "data-testid"?: string;
}) {
  const { t } = useI18n();
  const [nodes, setNodes] = useState<Node[]>([]);

  useEffect(() => {
    get<{ items: Division[] }>("/divisions")
      .then((r) => setNodes(r.items.map(toNode)))
      .catch(() => setNodes([]));
  }, []);

  const loadData = async ({ id: parent }: { id?: string }) => {
    if (!parent || nodes.some((n) => n.pId === parent)) return;
    const r = await get<{ items: Division[] }>(`/divisions${qs({ parentCode: parent })}`);
    setNodes((prev) => [...prev, ...r.items.filter((d) => !prev.some((n) => n.id === d.code)).map(toNode)]);
  };

  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      treeDataSimpleMode
      treeData={nodes}
      loadData={(n) => loadData(n as { id?: string })}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      placeholder={placeholder ?? t("admPickDivision")}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: "title" }}
      style={{ width: "100%" }}
      styles={{ popup: { root: { maxHeight: 400, overflow: "auto" } } }}
    />
  );
}
