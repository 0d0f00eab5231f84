// Shows a secret exactly once (a generated password, an API key), with a copy button: the server
// keeps only a digest, so this is the only time anyone can read it.
import { CopyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Modal, Space, Typography } from "antd";
import { useI18n } from "../../i18n/index.tsx";

interface Props {
  title: string;
  /** the warning that it will not be shown again */
  warning: string;
  doneLabel: string;
  secret: string;
  /** test ids: `${testId}-modal`, the secret itself, `${testId}-done` and `${testId}-copy` */
  testIds: { modal: string; secret: string; done: string; copy?: string };
  /** long secrets (keys) wrap and use a smaller font */
  long?: boolean;
  onClose: () => void;
}

export function SecretOnceModal({ title, warning, doneLabel, secret, testIds, long, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      message.success(t("admCopied"));
    } catch {
      message.warning(t("admCopyFailed"));
    }
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid={testIds.done}>
          {doneLabel}
        </Button>
      }
      data-testid={testIds.modal}
    >
      <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: "100%" }}>
        <Typography.Text
          code
          data-testid={testIds.secret}
          style={{
            flex: 1,
            fontSize: long ? 15 : 18,
            padding: "4px 8px",
            userSelect: "all",
            ...(long ? { wordBreak: "break-all" as const } : {}),
          }}
        >
          {secret}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid={testIds.copy}>
          {t("admCopy")}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
