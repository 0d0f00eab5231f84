// Create an account (username, name, unit, roles, first password) or edit one (name, unit, roles).
// The roles select enforces 三员: an admin role stands alone. A grid worker also gets its grids
// (我的网格), picked among those of the unit's area; another unit means picking them again.
import { ROLES, type Role } from "@civicgrid/shared";
import type { ButtonProps } from "antd";
import { Button, Form, Input, Modal, Select, Space, Typography } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../components/admin/ErrorAlert.tsx";
import { GridPicker } from "../../components/admin/GridPicker.tsx";
import { generatePassword, isAdminRole, roleSelectable, validRoleSet } from "../../components/admin/roles.ts";
import type { AdminUser } from "../../components/admin/types.ts";
import { UnitPicker } from "../../components/admin/UnitPicker.tsx";
import { asApiError } from "../../components/admin/useFetch.ts";
import { useI18n } from "../../i18n/index.tsx";
import { type ApiError, api, post } from "../../lib/api.ts";

interface Values {
  username: string;
  displayName: string;
  unitCode?: string;
  roles: Role[];
  password: string;
  gridCodes?: string[];
}

/** as the server caps it */
const MAX_GRIDS = 50;

export function UserFormModal({
  user,
  onClose,
  onSaved,
}: {
  user: AdminUser | null;
  onClose: () => void;
  /** after a create, the password typed or generated, to show once */
  onSaved: (created?: { username: string; password: string }) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const roles = (Form.useWatch("roles", form) ?? []) as Role[];
  const unitCode = Form.useWatch("unitCode", form) as string | undefined;
  const gridWorker = roles.includes("grid_worker");

  const submit = async (v: Values) => {
    setSaving(true);
    setError(undefined);
    // sent only for a grid worker: without the role the server clears the grids
    const gridCodes = v.roles.includes("grid_worker") ? (v.gridCodes ?? []) : undefined;
    try {
      if (user) {
        await api("PATCH", `/admin/users/${encodeURIComponent(user.id)}`, {
          displayName: v.displayName.trim(),
          unitCode: v.unitCode,
          roles: v.roles,
          gridCodes,
        });
        onSaved();
      } else {
        await post("/admin/users", {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          unitCode: v.unitCode,
          roles: v.roles,
          password: v.password,
          gridCodes,
        });
        onSaved({ username: v.username.trim(), password: v.password });
      }
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  };

  const roleOptions = ROLES.map((r) => ({
    value: r,
    label: t(`role_${r}`),
    disabled: !roleSelectable(r, roles),
  }));

  return (
    <Modal
      open
      title={user ? t("admUserEditTitle", { username: user.username }) : t("admUserCreate")}
      okText={t("save")}
      cancelText={t("cancel")}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      okButtonProps={{ "data-testid": "user-save" } as ButtonProps}
    >
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="user-form"
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                unitCode: user.unitCode,
                roles: user.roles,
                gridCodes: user.gridCodes,
              }
            : { roles: [], password: generatePassword(), gridCodes: [] }
        }
        onValuesChange={(changed: Partial<Values>) => {
          // grids belong to the unit's area: another unit, another set
          if ("unitCode" in changed) form.setFieldValue("gridCodes", []);
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="username"
          label={t("username")}
          rules={[
            { required: true, message: t("required") },
            { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: t("admUsernameRule") },
          ]}
        >
          <Input disabled={!!user} autoComplete="off" autoFocus={!user} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("admDisplayName")}
          rules={[
            { required: true, whitespace: true, message: t("required") },
            { max: 50, message: t("admMaxChars", { n: 50 }) },
          ]}
        >
          <Input autoFocus={!!user} />
        </Form.Item>
        <Form.Item name="unitCode" label={t("unit")} rules={[{ required: true, message: t("required") }]}>
          <UnitPicker
            data-testid="user-form-unit"
            initial={user ? { value: user.unitCode, label: user.unitName ?? user.unitCode } : undefined}
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t("admRoles")}
          extra={<Typography.Text type="secondary">{t("admThreeAdminsRule")}</Typography.Text>}
          rules={[
            { required: true, type: "array", min: 1, message: t("admRolesRequired") },
            {
              validator: async (_, v?: Role[]) => {
                if (v && v.length > 0 && !validRoleSet(v)) throw new Error(t("admThreeAdminsViolation"));
              },
            },
          ]}
        >
          <Select
            mode="multiple"
            data-testid="user-roles"
            showSearch={{ optionFilterProp: "label" }}
            options={roleOptions}
            optionRender={(o) => (
              <span>
                {o.label}
                {isAdminRole(o.value as Role) ? (
                  <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                    {t("admAdminRoleMark")}
                  </Typography.Text>
                ) : null}
              </span>
            )}
          />
        </Form.Item>
        {gridWorker ? (
          <Form.Item
            name="gridCodes"
            label={t("admGrids")}
            extra={<Typography.Text type="secondary">{t("admGridsHint")}</Typography.Text>}
            rules={[{ type: "array", max: MAX_GRIDS, message: t("admGridsMax", { n: MAX_GRIDS }) }]}
          >
            <GridPicker data-testid="user-grids" unitCode={unitCode} initial={user?.grids} />
          </Form.Item>
        ) : null}
        {user ? null : (
          <Form.Item label={t("admInitialPassword")} required>
            <Space.Compact style={{ width: "100%" }}>
              <Form.Item
                name="password"
                noStyle
                rules={[
                  { required: true, message: t("required") },
                  { min: 12, message: t("admPasswordMin", { n: 12 }) },
                  { max: 128, message: t("admMaxChars", { n: 128 }) },
                ]}
              >
                <Input autoComplete="new-password" aria-label={t("admInitialPassword")} />
              </Form.Item>
              <Button onClick={() => form.setFieldValue("password", generatePassword())}>{t("admGenerate")}</Button>
            </Space.Compact>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
