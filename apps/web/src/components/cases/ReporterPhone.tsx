// The reporter's phone: masked by the server; hotline agents and centres may see the reporter's full
// details (name, phone, ID number, exact address) after giving a reason (POST
// /cases/:id/reporter/reveal, audited with that reason).

import { EyeOutlined } from "@ant-design/icons";
import { Button, Space, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { RevealDialog, useMayReveal } from "./RevealDialog.tsx";

interface Revealed {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
}

export function ReporterPhone({ caseId, masked }: { caseId: string; masked: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const full = revealed?.phone ?? null;
  const allowed = useMayReveal();

  return (
    <Space size={8} wrap>
      <Typography.Text data-testid="reporter-phone" copyable={full ? { text: full } : false}>
        {full ?? masked}
      </Typography.Text>
      {revealed && (
        <Typography.Text type="secondary" data-testid="reporter-revealed">
          {[
            revealed.name && `${t("reporterName")}: ${revealed.name}`,
            revealed.idNumber && `${t("reporterIdNumber")}: ${revealed.idNumber}`,
            revealed.address && `${t("exactAddress")}: ${revealed.address}`,
          ]
            .filter(Boolean)
            .join(" · ")}
        </Typography.Text>
      )}
      {allowed && !revealed && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="reveal-phone">
          {t("revealPhone")}
        </Button>
      )}
      <RevealDialog<Revealed>
        open={open}
        title={t("revealPhone")}
        hint={t("revealPhoneHint")}
        path={`/cases/${caseId}/reporter/reveal`}
        onRevealed={setRevealed}
        onClose={() => setOpen(false)}
      />
    </Space>
  );
}
