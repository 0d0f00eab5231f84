// 核查 on site: passed (the case closes) or not (back to the handler, a note is required), with photos.
// Saved to the outbox with its key, so a check made offline is sent once the network is back.
import { CheckOutlined, CloseOutlined } from "@ant-design/icons";
import { Alert, App, Button, Input } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n/index.tsx";
import { isOnline } from "../network.ts";
import { enqueue, queuedPhoto, sendQueue } from "../offline/queue.ts";
import { useSession } from "../session.tsx";
import { PhotoPicker, type PickedPhoto } from "./PhotoPicker.tsx";

export function VerifyForm({ caseId, caseCode }: { caseId: string; caseCode: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [pass, setPass] = useState<boolean | null>(null);
  const [note, setNote] = useState("");
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (pass === null) return setProblem(t("mChoosePass"));
    if (!pass && !note.trim()) return setProblem(t("mFailNeedsNote"));
    if (!me) return;
    setBusy(true);
    try {
      await enqueue(me.id, {
        kind: "verify",
        caseId,
        caseCode,
        pass,
        note: note.trim(),
        photos: photos.map((p) => queuedPhoto(p.blob, p.name)),
      });
      void sendQueue(me.id);
      message.success(isOnline() ? t("mCheckSending") : t("mCheckQueued"));
      navigate("/queue");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="m-card" data-testid="verify-form">
      <h2 className="m-card-title">{t("mVerifyTitle")}</h2>
      <div className="m-choice" style={{ marginBottom: 12 }}>
        <Button
          type={pass === true ? "primary" : "default"}
          icon={<CheckOutlined />}
          onClick={() => setPass(true)}
          data-testid="verify-pass"
          aria-pressed={pass === true}
        >
          {t("mVerifyPass")}
        </Button>
        <Button
          type={pass === false ? "primary" : "default"}
          danger={pass === false}
          icon={<CloseOutlined />}
          onClick={() => setPass(false)}
          data-testid="verify-fail"
          aria-pressed={pass === false}
        >
          {t("mVerifyFail")}
        </Button>
      </div>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={pass === false ? t("mFailNoteHint") : t("mNoteHint")}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={2000}
        showCount
        data-testid="verify-note"
        aria-label={t("note")}
      />
      <div style={{ margin: "12px 0" }}>
        <PhotoPicker value={photos} onChange={setPhotos} testId="verify-photos" />
      </div>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Button
        type="primary"
        block
        className="m-big-button"
        loading={busy}
        onClick={() => void submit()}
        data-testid="verify-submit"
      >
        {t("mSubmitCheck")}
      </Button>
    </section>
  );
}
