// Create a unit (name, type, division, department kind) or rename one; errors stay in the modal.
import { DEPARTMENT_KINDS, UNIT_TYPES } from "@civicgrid/shared";
import type { ButtonProps } from "antd";
import { App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { DivisionPicker } from "../../components/admin/DivisionPicker.tsx";
import { LEVELS_FOR_TYPE, levelOfCode } from "../../components/admin/divisionLevel.ts";
import { ErrorAlert } from "../../components/admin/ErrorAlert.tsx";
import { label } from "../../components/admin/labels.ts";
import { asApiError } from "../../components/admin/useFetch.ts";
import { useI18n } from "../../i18n/index.tsx";
import { type ApiError, api, post } from "../../lib/api.ts";
import type { Unit } from "../../lib/types.ts";

interface Values {
  name: string;
  type?: string;
  divisionCode?: string;
  departmentKind?: string;
}

// the admin unit is seeded once; every other type may be created
const CREATABLE = UNIT_TYPES.filter((u) => u !== "admin");

export function UnitFormModal({
  unit,
  onClose,
  onSaved,
}: {
  unit: Unit | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const type = Form.useWatch("type", form);

  const submit = async (v: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      if (unit) await api("PATCH", `/admin/units/${encodeURIComponent(unit.code)}`, { name: v.name.trim() });
      else
        await post("/admin/units", {
          name: v.name.trim(),
          type: v.type,
          divisionCode: v.divisionCode,
          ...(v.type === "department" ? { departmentKind: v.departmentKind } : {}),
        });
      message.success(t("admSaved"));
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
      title={unit ? t("admUnitRenameTitle", { code: unit.code }) : t("admUnitCreate")}
      okText={t("save")}
      cancelText={t("cancel")}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "unit-save" } as ButtonProps}
    >
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ name: unit?.name ?? "" }}
        onFinish={(v) => void submit(v)}
        data-testid="unit-form"
      >
        <Form.Item
          name="name"
          label={t("admUnitName")}
          rules={[
            { required: true, whitespace: true, message: t("required") },
            { max: 100, message: t("admMaxChars", { n: 100 }) },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
        {unit ? null : (
          <>
            <Form.Item name="type" label={t("admUnitType")} rules={[{ required: true, message: t("required") }]}>
              <Select options={CREATABLE.map((u) => ({ value: u, label: label(t, "admUnitType_", u) }))} />
            </Form.Item>
            <Form.Item
              name="divisionCode"
              label={t("admDivision")}
              dependencies={["type"]}
              rules={[
                { required: true, message: t("required") },
                {
                  validator: async (_, code?: string) => {
                    const allowed = type ? LEVELS_FOR_TYPE[type] : undefined;
                    if (!code || !allowed || allowed.includes(levelOfCode(code))) return;
                    throw new Error(
                      t("admDivisionLevelMismatch", {
                        levels: allowed.map((l) => label(t, "admLevel_", l)).join(" / "),
                      }),
                    );
                  },
                },
              ]}
            >
              <DivisionPicker />
            </Form.Item>
            {type === "department" ? (
              <Form.Item
                name="departmentKind"
                label={t("admDepartmentKind")}
                rules={[{ required: true, message: t("required") }]}
              >
                <Select
                  showSearch={{ optionFilterProp: "label" }}
                  options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: label(t, "admDeptKind_", k) }))}
                />
              </Form.Item>
            ) : null}
          </>
        )}
      </Form>
    </Modal>
  );
}
