// Which column holds which field: one select per field, pre-filled with the server's suggestion, and
// the first rows of the file so the agent can see what each column holds.
import { Select, Table, Tag, Typography } from "antd";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { type HotlineImport, IMPORT_FIELDS, type ImportField, REQUIRED_IMPORT_FIELDS } from "./types.ts";

export type Mapping = Partial<Record<ImportField, string>>;

interface Props {
  upload: HotlineImport;
  mapping: Mapping;
  onChange: (m: Mapping) => void;
}

export function ImportMapping({ upload, mapping, onChange }: Props) {
  const { t } = useI18n();
  const rows = IMPORT_FIELDS.map((field) => ({ field }));
  return (
    <div>
      <Table
        size="small"
        pagination={false}
        rowKey="field"
        data-testid="import-mapping"
        dataSource={rows}
        columns={[
          {
            title: t("hlImpField"),
            dataIndex: "field",
            width: 220,
            render: (f: ImportField) => (
              <span>
                {t(`hlField_${f}` as MessageKey)}
                {REQUIRED_IMPORT_FIELDS.includes(f) && (
                  <Tag color="red" style={{ marginInlineStart: 6 }}>
                    {t("hlRequired")}
                  </Tag>
                )}
              </span>
            ),
          },
          {
            title: t("hlImpColumn"),
            dataIndex: "field",
            key: "column",
            render: (f: ImportField) => (
              <Select
                data-testid={`map-${f}`}
                allowClear
                showSearch
                style={{ width: "100%" }}
                placeholder={t("hlImpNotInFile")}
                value={mapping[f]}
                options={upload.headers.map((h) => ({ value: h, label: h }))}
                onChange={(v?: string) => onChange({ ...mapping, [f]: v || undefined })}
              />
            ),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ display: "block", margin: "8px 0 4px" }}>
        {t("hlImpPlaceRule")}
      </Typography.Text>
      {upload.preview && upload.preview.length > 0 && (
        <Table
          size="small"
          data-testid="import-preview"
          style={{ marginTop: 12 }}
          scroll={{ x: true }}
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={upload.preview.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v])))}
          columns={upload.headers.map((h, i) => ({ title: h, dataIndex: String(i), ellipsis: true }))}
        />
      )}
    </div>
  );
}
