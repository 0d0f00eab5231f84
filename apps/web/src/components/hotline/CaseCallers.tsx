// The further callers of a case (附议来电), for roles that may see reporter data: masked, and each
// revealed on its own with a reason (POST /cases/:id/callers/:callerId/reveal, audited).
import { EyeOutlined } from "@ant-design/icons";
import { Button, List, Space, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import { fmtTime } from "../../lib/format.ts";
import { useLoad } from "../../lib/hooks.ts";
import type { Page } from "../../lib/types.ts";
import { RevealDialog, useMayReveal } from "../cases/RevealDialog.tsx";
import type { CaseCaller } from "./types.ts";

export function CaseCallers({ caseId, meToo }: { caseId: string; meToo: number }) {
  const { t } = useI18n();
  const found = useLoad(`${caseId}:${meToo}`, () =>
    get<Page<CaseCaller>>(`/cases/${caseId}/callers${qs({ pageSize: 50 })}`),
  );
  const items = found.data?.items ?? [];
  if (items.length === 0) {
    return <Typography.Text type="secondary">{found.loading ? t("loading") : t("hlNoCallers")}</Typography.Text>;
  }
  return (
    <List
      size="small"
      data-testid="case-callers"
      dataSource={items}
      footer={found.data && found.data.total > items.length ? t("hlMoreCallers", { n: found.data.total }) : undefined}
      renderItem={(c) => (
        <List.Item key={c.id} data-testid="case-caller">
          <Space orientation="vertical" size={0}>
            <Space size={8} wrap>
              <CallerContact caseId={caseId} caller={c} />
              <Typography.Text type="secondary">{fmtTime(c.at)}</Typography.Text>
            </Space>
            {c.note && <Typography.Text>{c.note}</Typography.Text>}
            {c.takenBy && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("hlTakenBy", { name: c.takenBy })}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

interface Contact {
  name: string | null;
  phone: string | null;
}

/** One caller's name and phone: masked until revealed with a reason by a role with pii:unmask. */
function CallerContact({ caseId, caller }: { caseId: string; caller: CaseCaller }) {
  const { t } = useI18n();
  const allowed = useMayReveal();
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<Contact | null>(null);
  const shown = revealed ?? caller;
  return (
    <>
      <Typography.Text strong data-testid="caller-name">
        {shown.name || t("hlAnonymous")}
      </Typography.Text>
      {shown.phone && (
        <Typography.Text data-testid="caller-phone" copyable={revealed?.phone ? { text: revealed.phone } : false}>
          {shown.phone}
        </Typography.Text>
      )}
      {allowed && !revealed && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="reveal-caller">
          {t("hlRevealCaller")}
        </Button>
      )}
      <RevealDialog<Contact>
        open={open}
        title={t("hlRevealCaller")}
        hint={t("hlRevealCallerHint")}
        path={`/cases/${caseId}/callers/${caller.id}/reveal`}
        onRevealed={setRevealed}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
