import type { TablePaginationConfig } from "antd";
import type { useI18n } from "../../i18n/index.tsx";

/** Server-side paging of an admin table: the current page and size, the total, and the change handler. */
export function tablePagination(
  t: ReturnType<typeof useI18n>["t"],
  page: number,
  pageSize: number,
  total: number,
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return { current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t("admTotalN", { n }), onChange };
}
