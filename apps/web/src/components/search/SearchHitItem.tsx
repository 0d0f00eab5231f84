// One search result: the marked title linking to the case, its code, status, place and time, a
// snippet of the description or note around the match, and where the query matched.
import type { CaseSource } from "@civicgrid/shared";
import { Flex, Tag } from "antd";
import { Link } from "react-router-dom";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { useCategoryNames } from "../../lib/categories.ts";
import { fmtTime, placeText } from "../../lib/format.ts";
import type { SearchHit } from "../../lib/searchQuery.ts";
import { StatusTag } from "../cases/StatusTag.tsx";
import { Marked } from "./Marked.tsx";

export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const { t } = useI18n();
  const categories = useCategoryNames();
  const { title, address, snippet, matchedIn } = hit.highlight;
  return (
    <article className="cg-hit" data-testid="search-hit" data-code={hit.code}>
      <Flex align="center" gap={8} wrap>
        <Link to={`/cases/${hit.id}`} className="cg-hit-title" data-testid="search-hit-link">
          <Marked text={title.text} ranges={title.ranges} />
        </Link>
        <StatusTag status={hit.status} />
        {hit.overdue && <Tag color="red">{t("bucket_overdue")}</Tag>}
      </Flex>
      <div className="cg-hit-snippet" data-testid="search-snippet">
        {snippet.field === "note" && <Tag>{t("searchFromNote")}</Tag>}
        {snippet.cutStart && "…"}
        <Marked text={snippet.text} ranges={snippet.ranges} />
        {snippet.cutEnd && "…"}
      </div>
      <Flex gap={12} wrap className="cg-hit-meta">
        <span>{hit.code}</span>
        <span>{fmtTime(hit.reportedAt)}</span>
        <span>{address ? <Marked text={address.text} ranges={address.ranges} /> : placeText(hit)}</span>
        {hit.categoryCode && <span>{categories.get(hit.categoryCode) ?? hit.categoryCode}</span>}
        <span>{t(`source_${hit.source as CaseSource}` as MessageKey)}</span>
        <span>
          {t("searchMatchedIn")}
          {matchedIn.map((f) => t(`searchField_${f}` as MessageKey)).join(" · ")}
        </span>
      </Flex>
    </article>
  );
}
