// The search box in the workbench header: Enter opens the results page (/search?q=…).
import { Input } from "antd";
import { useEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n/index.tsx";

export function HeaderSearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  const [q, setQ] = useState(current);
  // the results page's own box may change the query: follow it
  useEffect(() => setQ(current), [current]);
  return (
    <Input.Search
      aria-label={t("searchBoxLabel")}
      placeholder={t("searchBoxPlaceholder")}
      data-testid="header-search"
      allowClear
      maxLength={100}
      value={q}
      onChange={(e) => setQ(e.target.value)}
      onSearch={(value) => {
        const text = value.trim();
        if (text) navigate(`/search?${new URLSearchParams({ q: text })}`);
      }}
      style={{ maxWidth: 360, minWidth: 160, flex: "1 1 240px" }}
    />
  );
}
