// Confirm "me too": the call is attached to the chosen case (its count goes up, the caller is kept on
// it) instead of becoming a new case. Enter confirms, Esc goes back.
import { Button, Descriptions, Modal } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import type { SimilarCase } from "./types.ts";

interface Props {
  target: SimilarCase | null;
  caller: { name: string; phone: string; note: string };
  busy: boolean;
  onOk: () => void;
  onCancel: () => void;
}

export function MeTooModal({ target, caller, busy, onOk, onCancel }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={target !== null}
      title={t("hlMeTooConfirm")}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t("cancel")} <kbd className="cg-kbd">Esc</kbd>
        </Button>,
        <Button key="ok" type="primary" autoFocus loading={busy} onClick={onOk} data-testid="metoo-ok">
          {t("hlMeTooDo")} <kbd className="cg-kbd">Enter</kbd>
        </Button>,
      ]}
    >
      {target && (
        <div data-testid="metoo-confirm">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("hlCase")}>
              {target.code} {target.title}
            </Descriptions.Item>
            <Descriptions.Item label={t("hlCaller")}>
              {[caller.name, caller.phone].filter(Boolean).join(" ") || "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("hlCallerWords")}>{caller.note || "—"}</Descriptions.Item>
          </Descriptions>
        </div>
      )}
    </Modal>
  );
}
