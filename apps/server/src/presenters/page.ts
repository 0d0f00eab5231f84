// A page of a list: the use case's rows, each shaped by its presenter, with the paging figures.
export interface RowsPage<R> {
  rows: R[];
  total: number;
  page: number;
  pageSize: number;
}

export function presentPage<R, T>(result: RowsPage<R>, present: (row: R) => T) {
  return { items: result.rows.map(present), total: result.total, page: result.page, pageSize: result.pageSize };
}
