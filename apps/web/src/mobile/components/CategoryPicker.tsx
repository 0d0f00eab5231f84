// The category of a report: optional, picked from a bottom sheet with a search box that works offline
// (the table is on the phone) and the worker's recent choices on top.
import { RightOutlined } from "@ant-design/icons";
import { Button, Drawer, Empty, Input, Spin } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { loadCategories, type PickCategory, recentCategories, searchCategories } from "../offline/categories.ts";

const SHOWN = 80;

interface Props {
  value: PickCategory | null;
  onChange: (c: PickCategory | null) => void;
}

export function CategoryPicker({ value, onChange }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState<PickCategory[] | null>(null);
  const [recent, setRecent] = useState<PickCategory[]>([]);
  const [failed, setFailed] = useState(false);
  const [text, setText] = useState("");

  useEffect(() => {
    if (!open) return;
    let live = true;
    loadCategories()
      .then((c) => {
        if (live) setAll(c);
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    void recentCategories().then((r) => {
      if (live) setRecent(r);
    });
    return () => {
      live = false;
    };
  }, [open]);

  const found = useMemo(() => (all ? searchCategories(all, text) : []), [all, text]);
  const pick = (c: PickCategory | null) => {
    onChange(c);
    setOpen(false);
    setText("");
  };
  const option = (c: PickCategory) => (
    <button
      type="button"
      key={c.code}
      className="m-category-option"
      onClick={() => pick(c)}
      data-testid="category-option"
    >
      {c.name}
      {c.parentName && <small>{c.parentName}</small>}
    </button>
  );

  return (
    <>
      <Button
        block
        size="large"
        onClick={() => setOpen(true)}
        data-testid="category-button"
        style={{ textAlign: "left" }}
      >
        <span style={{ flex: 1, overflow: "hidden", textOverflow: "ellipsis" }}>
          {value ? value.name : t("mPickCategory")}
        </span>
        <RightOutlined />
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="bottom"
        size="85%"
        title={t("mPickCategoryTitle")}
        extra={
          value && (
            <Button type="link" onClick={() => pick(null)}>
              {t("mClearCategory")}
            </Button>
          )
        }
        styles={{ body: { padding: "8px 12px" } }}
      >
        <Input.Search
          allowClear
          size="large"
          placeholder={t("mSearchCategory")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="category-search"
          style={{ marginBottom: 8 }}
        />
        {failed && !all && <Empty description={t("mCategoriesOffline")} />}
        {!failed && !all && <Spin style={{ display: "block", margin: 24 }} />}
        {all && !text && recent.length > 0 && (
          <>
            <div className="m-muted" style={{ marginTop: 4 }}>
              {t("mRecent")}
            </div>
            {recent.map(option)}
            <div className="m-muted" style={{ marginTop: 12 }}>
              {t("mAllCategories")}
            </div>
          </>
        )}
        {all && found.slice(0, SHOWN).map(option)}
        {all && found.length > SHOWN && (
          <div className="m-muted">{t("mMoreCategories", { n: found.length - SHOWN })}</div>
        )}
        {all && found.length === 0 && <Empty description={t("mNoCategory")} />}
      </Drawer>
    </>
  );
}
