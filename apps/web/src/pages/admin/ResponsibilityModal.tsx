// Edit one responsibility-list entry (权责清单): handler (属地 or a department kind), level, time limit.
import { DEPARTMENT_KINDS, DIVISION_LEVELS } from "@civicgrid/shared";
import type { ButtonProps } from "antd";
import { Descriptions, Form, InputNumber, Modal, Select } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../components/admin/ErrorAlert.tsx";
import { handlerLabel, label } from "../../components/admin/labels.ts";
import type { Category } from "../../components/admin/types.ts";
import { asApiError } from "../../components/admin/useFetch.ts";
import { useI18n } from "../../i18n/index.tsx";
import { type ApiError, put } from "../../lib/api.ts";

interface Values {
  handlerKind: string;
  level: string;
  limitDays: number;
}

export function ResponsibilityModal({
  category,
  onClose,
  onSaved,
}: {
  category: Category;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const r = category.responsibility;

  const submit = async (v: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      await put(`/responsibility-entries/${encodeURIComponent(category.code)}`, v);
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t("admRespEditTitle")}
      okText={t("save")}
      cancelText={t("cancel")}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "resp-save" } as ButtonProps}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: "code", label: t("admCategoryCode"), children: category.code },
          { key: "name", label: t("admCategoryName"), children: category.name },
        ]}
      />
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="resp-form"
        initialValues={{ handlerKind: r?.handlerKind, level: r?.level ?? undefined, limitDays: r?.limitDays }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="handlerKind" label={t("admHandler")} rules={[{ required: true, message: t("required") }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={["territorial", ...DEPARTMENT_KINDS].map((k) => ({ value: k, label: handlerLabel(t, k) }))}
          />
        </Form.Item>
        <Form.Item name="level" label={t("admHandlingLevel")} rules={[{ required: true, message: t("required") }]}>
          <Select options={DIVISION_LEVELS.map((l) => ({ value: l, label: label(t, "admLevel_", l) }))} />
        </Form.Item>
        <Form.Item
          name="limitDays"
          label={t("admLimitDays")}
          extra={t("admLimitDaysHint")}
          rules={[
            { required: true, message: t("required") },
            { type: "number", min: 0.5, max: 365, message: t("admLimitDaysRange") },
          ]}
        >
          <InputNumber min={0.5} max={365} step={1} suffix={t("admWorkingDaysUnit")} style={{ width: 180 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
