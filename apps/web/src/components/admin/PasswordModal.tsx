// Shows a generated password exactly once, with a copy button: it is not stored anywhere readable.
import { CopyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Modal, Space, Typography } from "antd";
import { useI18n } from "../../i18n/index.tsx";

export function PasswordModal({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      message.success(t("admCopied"));
    } catch {
      message.warning(t("admCopyFailed"));
    }
  };
  return (
    <Modal
      open
      title={t("admPasswordTitle", { username })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="password-done">
          {t("admPasswordDone")}
        </Button>
      }
      data-testid="password-modal"
    >
      <Alert type="warning" showIcon title={t("admPasswordOnce")} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: "100%" }}>
        <Typography.Text
          code
          data-testid="generated-password"
          style={{ flex: 1, fontSize: 18, padding: "4px 8px", userSelect: "all" }}
        >
          {password}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="password-copy">
          {t("admCopy")}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
