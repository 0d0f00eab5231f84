// The form fields of each case action, and the request body built from them. Field test ids are
// stable (field-<name>) so browser tests can drive every action.
import type { CaseAction } from "@civicgrid/shared";
import { RATINGS, RETURN_REASONS } from "@civicgrid/shared";
import { DatePicker, Form, Input, Radio, Select, type UploadFile } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { CategorySelect } from "./CategorySelect.tsx";
import type { CaseView, UploadedPhoto } from "./caseTypes.ts";
import { PhotoUpload, photoIds } from "./PhotoUpload.tsx";
import { CaseSearchSelect, type DispatchOptions, dispatchSelectOptions, UnitSelect } from "./UnitPickers.tsx";

export interface ActionValues {
  note?: string;
  reason?: string;
  reasonCode?: string;
  targetId?: string;
  unitCode?: string;
  assistUnitCodes?: string[];
  photos?: UploadFile<UploadedPhoto>[];
  pass?: boolean;
  rating?: string;
  comment?: string;
  /** 问题是否解决 (left out when not answered: the server then goes by the rating) */
  solved?: boolean;
  until?: Dayjs;
  approve?: boolean;
  answer?: string;
  /** dispatch: the category, as the dispatcher confirms or corrects it (智能分派) */
  categoryCode?: string;
}

const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** The JSON body of POST /cases/:id/actions/<action>; optional fields left out when empty. */
export function actionBody(action: CaseAction, v: ActionValues): Record<string, unknown> {
  const note = trimmed(v.note);
  const reason = trimmed(v.reason);
  const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined));
  switch (action) {
    case "register":
    case "accept":
      return drop({ note });
    case "reject":
    case "escalate":
    case "reopen":
      return { reason };
    case "merge":
      return drop({ targetId: v.targetId, note });
    case "dispatch":
      return drop({
        unitCode: v.unitCode,
        assistUnitCodes: v.assistUnitCodes?.length ? v.assistUnitCodes : undefined,
        note,
        categoryCode: v.categoryCode,
      });
    case "return":
      return drop({ reason, reasonCode: v.reasonCode });
    case "assign":
      return drop({ unitCode: v.unitCode, note });
    case "feedback": {
      const ids = photoIds(v.photos) ?? [];
      return drop({ note, photoIds: ids.length ? ids : undefined });
    }
    case "verify":
      return { pass: v.pass === true, note: note ?? "" };
    case "evaluate":
      return drop({ rating: v.rating, comment: trimmed(v.comment), solved: v.solved });
    case "extend-request":
      return { until: v.until?.toISOString(), reason };
    case "extend-approve":
      return drop({ approve: v.approve === true, note });
    case "supervise":
      return { note };
    case "me-too":
      return drop({ note });
    case "resolve-direct":
      return { answer: trimmed(v.answer) };
  }
}

interface Props {
  action: CaseAction;
  c: CaseView;
  dispatch?: DispatchOptions;
  dispatchLoading?: boolean;
  assignUnits?: { code: string; name: string }[];
  assignLoading?: boolean;
}

export function ActionFields({ action, c, dispatch, dispatchLoading, assignUnits, assignLoading }: Props) {
  const { t, lang } = useI18n();
  const required = (label: MessageKey) => [
    { required: true, whitespace: true, message: t("fieldRequired", { field: t(label) }) },
  ];
  const textArea = (
    name: "note" | "reason" | "comment" | "answer",
    label: MessageKey,
    isRequired: boolean,
    max = 2000,
  ) => (
    <Form.Item name={name} label={t(label)} rules={isRequired ? required(label) : undefined}>
      <Input.TextArea data-testid={`field-${name}`} rows={3} maxLength={max} showCount />
    </Form.Item>
  );

  switch (action) {
    case "register":
    case "accept":
      return textArea("note", "note", false);
    case "reject":
    case "escalate":
    case "reopen":
      return textArea("reason", "reason", true);
    case "supervise":
      return textArea("note", "superviseNote", true);
    case "me-too":
      return textArea("note", "meTooNote", false);
    case "resolve-direct":
      return textArea("answer", "resolveAnswer", true, 4000);
    case "merge":
      return (
        <>
          <Form.Item
            name="targetId"
            label={t("mergeTarget")}
            rules={[{ required: true, message: t("fieldRequired", { field: t("mergeTarget") }) }]}
          >
            <CaseSearchSelect excludeId={c.id} />
          </Form.Item>
          {textArea("note", "note", false)}
        </>
      );
    case "dispatch": {
      const options = dispatchSelectOptions(dispatch, lang);
      return (
        <>
          <Form.Item name="categoryCode" label={t("rtDispatchCategory")}>
            <CategorySelect testId="field-category" />
          </Form.Item>
          <Form.Item
            name="unitCode"
            label={t("leadUnit")}
            rules={[{ required: true, message: t("fieldRequired", { field: t("leadUnit") }) }]}
          >
            <UnitSelect testId="field-unit" options={options} loading={dispatchLoading} />
          </Form.Item>
          <Form.Item
            name="assistUnitCodes"
            label={t("assist")}
            dependencies={["unitCode"]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v?: string[]) =>
                  v?.includes(getFieldValue("unitCode"))
                    ? Promise.reject(new Error(t("assistNotLead")))
                    : Promise.resolve(),
              }),
            ]}
          >
            <UnitSelect testId="field-assist" options={options} multiple loading={dispatchLoading} />
          </Form.Item>
          {textArea("note", "note", false)}
        </>
      );
    }
    case "assign":
      return (
        <>
          <Form.Item
            name="unitCode"
            label={t("assignTo")}
            rules={[{ required: true, message: t("fieldRequired", { field: t("assignTo") }) }]}
          >
            <UnitSelect
              testId="field-unit"
              loading={assignLoading}
              options={[
                {
                  label: <span>{t("assignTo")}</span>,
                  title: t("assignTo"),
                  options: (assignUnits ?? []).map((u) => ({ value: u.code, label: u.name })),
                },
              ]}
            />
          </Form.Item>
          {textArea("note", "note", false)}
        </>
      );
    case "return":
      return (
        <>
          <Form.Item name="reasonCode" label={t("returnReasonCode")}>
            <Select
              data-testid="field-reasonCode"
              options={RETURN_REASONS.map((r) => ({ value: r, label: t(`returnReason_${r}` as MessageKey) }))}
              placeholder={t("choose")}
              allowClear
            />
          </Form.Item>
          {textArea("reason", "returnReason", true)}
        </>
      );
    case "feedback":
      return (
        <>
          {textArea("note", "feedbackNote", true, 5000)}
          <Form.Item
            name="photos"
            label={t("photos")}
            valuePropName="value"
            extra={t("photoHint")}
            rules={[
              {
                validator: (_, files?: UploadFile[]) =>
                  files?.length && !photoIds(files as UploadFile<UploadedPhoto>[])
                    ? Promise.reject(new Error(t("photosPending")))
                    : Promise.resolve(),
              },
            ]}
          >
            <PhotoUpload testId="feedback-photos" camera />
          </Form.Item>
        </>
      );
    case "verify":
      return (
        <>
          <Form.Item
            name="pass"
            label={t("verifyResult")}
            rules={[{ required: true, message: t("fieldRequired", { field: t("verifyResult") }) }]}
          >
            <Radio.Group data-testid="field-pass">
              <Radio value={true}>
                <span data-testid="verify-pass">{t("verifyPass")}</span>
              </Radio>
              <Radio value={false}>
                <span data-testid="verify-fail">{t("verifyFail")}</span>
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item noStyle dependencies={["pass"]}>
            {({ getFieldValue }) => textArea("note", "verifyNote", getFieldValue("pass") === false)}
          </Form.Item>
        </>
      );
    case "evaluate":
      return (
        <>
          <Form.Item
            name="rating"
            label={t("rating")}
            rules={[{ required: true, message: t("fieldRequired", { field: t("rating") }) }]}
          >
            <Radio.Group data-testid="field-rating" optionType="button" buttonStyle="solid">
              {RATINGS.map((r) => (
                <Radio.Button key={r} value={r}>
                  <span data-testid={`rating-${r}`}>{t(`rating_${r}` as MessageKey)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="solved" label={t("solvedQuestion")} extra={t("solvedHint")}>
            <Radio.Group data-testid="field-solved">
              <Radio value={true}>
                <span data-testid="solved-yes">{t("solvedYes")}</span>
              </Radio>
              <Radio value={false}>
                <span data-testid="solved-no">{t("solvedNo")}</span>
              </Radio>
            </Radio.Group>
          </Form.Item>
          {textArea("comment", "ratingComment", false)}
        </>
      );
    case "extend-request": {
      const due = c.deadlines.dueAt ? dayjs(c.deadlines.dueAt) : dayjs();
      return (
        <>
          <Form.Item
            name="until"
            label={t("extendUntil")}
            extra={c.deadlines.dueAt ? t("currentDue", { at: due.format("YYYY-MM-DD HH:mm") }) : undefined}
            rules={[
              { required: true, message: t("fieldRequired", { field: t("extendUntil") }) },
              {
                validator: (_, v?: Dayjs) =>
                  v && !v.isAfter(due) ? Promise.reject(new Error(t("extendAfterDue"))) : Promise.resolve(),
              },
            ]}
          >
            <DatePicker
              data-testid="field-until"
              showTime={{ format: "HH:mm" }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(d) => d.isBefore(due, "day")}
              style={{ width: "100%" }}
            />
          </Form.Item>
          {textArea("reason", "reason", true)}
        </>
      );
    }
    case "extend-approve":
      return (
        <>
          {c.pendingExtension && (
            <p data-testid="pending-extension">
              {t("pendingExtensionText", {
                until: dayjs(c.pendingExtension.until).format("YYYY-MM-DD HH:mm"),
                reason: c.pendingExtension.reason,
              })}
            </p>
          )}
          <Form.Item
            name="approve"
            label={t("decision")}
            rules={[{ required: true, message: t("fieldRequired", { field: t("decision") }) }]}
          >
            <Radio.Group data-testid="field-approve">
              <Radio value={true}>
                <span data-testid="approve-yes">{t("approve")}</span>
              </Radio>
              <Radio value={false}>
                <span data-testid="approve-no">{t("refuse")}</span>
              </Radio>
            </Radio.Group>
          </Form.Item>
          {textArea("note", "note", false)}
        </>
      );
  }
}
