// The division filter: a cascader loaded level by level from GET /divisions?parentCode=, starting
// at the user's own area (a township centre starts at its township's communities).
import { Cascader } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import { useAuth } from "../../lib/auth.tsx";

interface Division {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  childCount: number;
}

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

const toOption = (d: Division): Option => ({
  value: d.code,
  label: d.name,
  isLeaf: d.childCount === 0 || d.level === "community",
});

async function children(parentCode: string | undefined): Promise<Option[]> {
  const res = await get<{ items: Division[] }>(`/divisions${qs({ parentCode })}`);
  return res.items.map(toOption);
}

/** The ancestors of a 12-digit division code below `root`, from the code's own structure. */
export function divisionPath(code: string, root: string | undefined): string[] {
  const chain = [`${code.slice(0, 6)}000000`, `${code.slice(0, 9)}000`, code].filter(
    (c, i, all) => all.indexOf(c) === i && !c.endsWith("00000000"),
  );
  const start = root ? chain.indexOf(root) + 1 : 0;
  return chain.slice(Math.max(0, start));
}

export function DivisionCascader({ value, onChange }: { value?: string; onChange: (code?: string) => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const root = me?.jurisdiction.kind === "division" ? me.jurisdiction.code : undefined;
  const [options, setOptions] = useState<Option[]>([]);
  const [failed, setFailed] = useState(false);

  // load the first level, then the levels down to the value already in the URL
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per root; the value is only the start
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        let top: Option[];
        if (root && me?.jurisdiction.kind === "division" && me.jurisdiction.level === "community") {
          top = [];
        } else {
          top = root ? await children(root) : await children((await children(undefined))[0]?.value);
        }
        const path = value ? divisionPath(value, root) : [];
        let level = top;
        for (const code of path.slice(0, -1)) {
          const node = level.find((o) => o.value === code);
          if (!node || node.isLeaf) break;
          node.children = await children(code);
          level = node.children;
        }
        if (live) setOptions(top);
      } catch {
        if (live) setFailed(true);
      }
    })();
    return () => {
      live = false;
    };
  }, [root]);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target || target.children) return;
    target.children = await children(target.value).catch(() => []);
    setOptions((o) => [...o]);
  };

  // a station's or grid worker's whole area is one community: nothing to choose
  if (me?.jurisdiction.kind === "division" && me.jurisdiction.level === "community") return null;
  return (
    <Cascader
      data-testid="filter-division"
      options={options}
      loadData={(s) => void loadData(s as Option[])}
      changeOnSelect
      disabled={failed}
      value={value ? divisionPath(value, root) : undefined}
      onChange={(v) => onChange(v?.length ? String(v[v.length - 1]) : undefined)}
      placeholder={t("division")}
      style={{ minWidth: 200 }}
      allowClear
    />
  );
}
