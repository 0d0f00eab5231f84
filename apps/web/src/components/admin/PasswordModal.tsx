// Shows a generated password exactly once, with a copy button: it is not stored anywhere readable.
import { useI18n } from "../../i18n/index.tsx";
import { SecretOnceModal } from "./SecretOnceModal.tsx";

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
  return (
    <SecretOnceModal
      title={t("admPasswordTitle", { username })}
      warning={t("admPasswordOnce")}
      doneLabel={t("admPasswordDone")}
      secret={password}
      testIds={{ modal: "password-modal", secret: "generated-password", done: "password-done", copy: "password-copy" }}
      onClose={onClose}
    />
  );
}
