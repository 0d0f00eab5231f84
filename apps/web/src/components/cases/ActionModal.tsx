// One case action as a modal form: validation on the client, the API's refusal shown as a readable
// message inside the form, success reported and the case reloaded by the caller. The action carries
// the version of the case on screen (If-Match): if someone changed it meanwhile the server refuses
// (CONCURRENT_UPDATE) and the form closes, says so and has the caller reload the case.
import type { CaseAction } from "@civicgrid/shared";
import { Alert, App, Button, Flex, Form, Modal } from "antd";
import { useEffect, useState } from "react";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { ApiError, get, post } from "../../lib/api.ts";
import { useLoad } from "../../lib/hooks.ts";
import { ActionFields, type ActionValues, actionBody } from "./ActionFields.tsx";
import type { CaseView } from "./caseTypes.ts";
import { DuplicateCandidates } from "./DuplicateCandidates.tsx";
import { errorText } from "./errors.ts";
import { RoutingSuggestions } from "./RoutingSuggestions.tsx";
import { type DispatchOptions, SuggestionNote } from "./UnitPickers.tsx";

interface Props {
  c: CaseView;
  action: CaseAction | null;
  onClose: () => void;
  onDone: (action: CaseAction) => void;
  /** the case changed since it was loaded: close and reload */
  onStale: () => void;
}

export function ActionModal({ c, action, onClose, onDone, onStale }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={action !== null}
      title={action ? `${t(`action_${action}` as MessageKey)} · ${c.code}` : ""}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      mask={{ closable: false }}
      footer={null}
    >
      {/* mounted per opening, so every form starts empty */}
      {action && <ActionForm c={c} action={action} onClose={onClose} onDone={onDone} onStale={onStale} />}
    </Modal>
  );
}

function ActionForm({ c, action, onClose, onDone, onStale }: Props & { action: CaseAction }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const dispatch = useLoad(action === "dispatch" ? `d:${c.id}` : null, () =>
    get<DispatchOptions>(`/cases/${c.id}/dispatch-options`),
  );
  const assign = useLoad(action === "assign" ? `a:${c.id}` : null, () =>
    get<{ units: { code: string; name: string }[] }>(`/cases/${c.id}/assign-options`),
  );

  // 智能分派: the case's category is shown (and may be corrected) in the dispatch form
  const pickedUnit = Form.useWatch("unitCode", form);
  const pickedCategory = Form.useWatch("categoryCode", form);
  useEffect(() => {
    if (action === "dispatch" && c.categoryCode) form.setFieldsValue({ categoryCode: c.categoryCode });
  }, [action, c.categoryCode, form]);

  // pre-select the routing suggestion once it is known
  useEffect(() => {
    const suggested = dispatch.data?.suggested?.unitCode;
    const offered = dispatch.data?.groups.some((g) => g.units.some((u) => u.code === suggested));
    if (suggested && offered && !form.getFieldValue("unitCode")) form.setFieldsValue({ unitCode: suggested });
  }, [dispatch.data, form]);

  const submit = async (values: ActionValues) => {
    setBusy(true);
    setError(null);
    try {
      const ifMatch: Record<string, string> = c.version === undefined ? {} : { "if-match": String(c.version) };
      const body = actionBody(action, values);
      // the category is sent only when the dispatcher changed it
      if (body.categoryCode === c.categoryCode) delete body.categoryCode;
      await post(`/cases/${c.id}/actions/${action}`, body, ifMatch);
      message.success(t("actionDone", { action: t(`action_${action}` as MessageKey) }));
      onDone(action);
    } catch (e) {
      if (e instanceof ApiError && e.body.code === "CONCURRENT_UPDATE") {
        message.warning(t("caseChangedMeanwhile"));
        onStale();
        return;
      }
      setError(errorText(e, lang, t));
    } finally {
      setBusy(false);
    }
  };

  const loadError = dispatch.error ?? assign.error;
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      data-testid={`form-${action}`}
      scrollToFirstError
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="action-error" />}
      {loadError ? (
        <Alert type="warning" showIcon title={errorText(loadError, lang, t)} style={{ marginBottom: 16 }} />
      ) : null}
      {action === "dispatch" && <DuplicateCandidates c={c} compact onChanged={() => onDone("merge")} />}
      {action === "dispatch" && <SuggestionNote opts={dispatch.data} />}
      {action === "dispatch" && (
        <RoutingSuggestions
          caseId={c.id}
          version={c.version}
          selectedCategory={pickedCategory}
          selectedUnit={pickedUnit}
          onPickCategory={(code) => form.setFieldsValue({ categoryCode: code })}
          onPickUnit={(code) => form.setFieldsValue({ unitCode: code })}
        />
      )}
      <ActionFields
        action={action}
        c={c}
        dispatch={dispatch.data}
        dispatchLoading={dispatch.loading}
        assignUnits={assign.data?.units}
        assignLoading={assign.loading}
      />
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t("cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="action-submit">
          {t("submit")}
        </Button>
      </Flex>
    </Form>
  );
}
