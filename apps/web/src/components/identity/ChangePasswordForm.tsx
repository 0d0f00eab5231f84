// "Change my password": the current one, the new one twice. Used on 账号安全 and on the screen an
// admin account sees first when its password was set by another admin.
import { App, Button, Form, Input } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError, post } from "../../lib/api.ts";

export function ChangePasswordForm({
  currentLabel,
  onChanged,
}: {
  /** the label of the current-password field (defaults to 当前密码) */
  currentLabel?: string;
  onChanged?: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();

  const changePassword = async (v: { currentPassword: string; newPassword: string }) => {
    try {
      await post("/me/password", { currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      message.success(t("idPasswordChanged"));
      onChanged?.();
    } catch (err) {
      message.error(err instanceof ApiError ? err.text(lang) : String(err));
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={changePassword}
      requiredMark={false}
      style={{ maxWidth: 360 }}
      data-testid="change-password-form"
    >
      <Form.Item
        name="currentPassword"
        label={currentLabel ?? t("idCurrentPassword")}
        rules={[{ required: true, message: t("required") }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t("idNewPassword")}
        extra={t("idPasswordRule")}
        rules={[{ required: true, min: 12, message: t("idPasswordRule") }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t("idConfirmPassword")}
        dependencies={["newPassword"]}
        rules={[
          { required: true, message: t("required") },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              v === getFieldValue("newPassword")
                ? Promise.resolve()
                : Promise.reject(new Error(t("idPasswordMismatch"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t("idChangePassword")}
      </Button>
    </Form>
  );
}
