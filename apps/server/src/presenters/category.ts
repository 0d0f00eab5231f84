interface CategoryRow {
  code: string;
  name: string;
  kind: string;
  parent_code: string | null;
  handler_kind: string | null;
  level: string | null;
  limit_days: string | number | null;
  territorial: boolean | null;
}

export function presentCategory(row: CategoryRow) {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentCode: row.parent_code,
    responsibility: row.handler_kind
      ? {
          handlerKind: row.handler_kind,
          level: row.level,
          limitDays: Number(row.limit_days),
          territorial: row.territorial,
        }
      : null,
  };
}

export function presentResponsibility(row: {
  category_code: string;
  handler_kind: string;
  level: string;
  limit_days: string | number;
  territorial: boolean;
  updated_at: Date;
}) {
  return {
    categoryCode: row.category_code,
    handlerKind: row.handler_kind,
    level: row.level,
    limitDays: Number(row.limit_days),
    territorial: row.territorial,
    updatedAt: row.updated_at.toISOString(),
  };
}
