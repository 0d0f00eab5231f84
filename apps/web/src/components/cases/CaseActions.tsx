// Exactly the actions the server says this user may take now, each a button opening its form.
import type { CaseAction } from "@civicgrid/shared";
import { Button, Typography } from "antd";
import { useState } from "react";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { ActionModal } from "./ActionModal.tsx";
import type { CaseView } from "./caseTypes.ts";

// the step that moves the loop forward is the primary button; refusals are marked as such
const FORWARD = new Set<CaseAction>([
  "register",
  "dispatch",
  "accept",
  "feedback",
  "verify",
  "evaluate",
  "extend-approve",
]);
const REFUSAL = new Set<CaseAction>(["reject", "return"]);

export function CaseActions({ c, onDone }: { c: CaseView; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const actions = c.availableActions ?? [];

  if (actions.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="no-actions">
        {t("noActions")}
      </Typography.Text>
    );
  }
  return (
    <>
      <div className="cg-actions">
        {actions.map((a) => (
          <Button
            key={a}
            type={FORWARD.has(a) ? "primary" : "default"}
            danger={REFUSAL.has(a)}
            onClick={() => setOpen(a)}
            data-testid={`action-${a}`}
          >
            {t(`action_${a}` as MessageKey)}
          </Button>
        ))}
      </div>
      <ActionModal
        c={c}
        action={open}
        onClose={() => setOpen(null)}
        onDone={() => {
          setOpen(null);
          onDone();
        }}
        onStale={() => {
          setOpen(null);
          onDone();
        }}
      />
    </>
  );
}
