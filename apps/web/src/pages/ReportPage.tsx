// 上报问题: a quick report for staff — a photo, a point on the map, a few words. Grid workers come
// first (tablet camera, one column); hotline agents also record the caller.
import type { Role } from "@civicgrid/shared";
import { SUBMITTABLE_SOURCES } from "@civicgrid/shared";
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Typography, type UploadFile } from "antd";
import { useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { CategoryHint } from "../components/cases/CategoryHint.tsx";
import { CategorySelect } from "../components/cases/CategorySelect.tsx";
import type { CaseView, UploadedPhoto } from "../components/cases/caseTypes.ts";
import "../components/cases/cases.css";
import { errorText } from "../components/cases/errors.ts";
import { LocationPicker } from "../components/cases/LocationPicker.tsx";
import { MAX_PHOTOS, PhotoUpload, photoIds } from "../components/cases/PhotoUpload.tsx";
import { type MessageKey, useI18n } from "../i18n/index.tsx";
import { post } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";
import { randomId } from "../lib/ids.ts";

interface ReportValues {
  photos?: UploadFile<UploadedPhoto>[];
  lat?: number;
  lng?: number;
  address?: string;
  categoryCode?: string;
  description: string;
  title?: string;
  source: string;
  reporterName?: string;
  reporterPhone?: string;
  reporterIdNumber?: string;
}

function defaultSource(roles: readonly Role[]): string {
  if (roles.includes("grid_worker")) return "grid";
  if (roles.includes("hotline_agent")) return "hotline";
  return "web";
}

const trimmed = (s?: string) => (s?.trim() ? s.trim() : undefined);

export function ReportPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportValues>();
  const source = Form.useWatch("source", form);
  // 智能分派: the category suggested for the text typed so far
  const typedTitle = Form.useWatch("title", form);
  const typedDescription = Form.useWatch("description", form);
  const pickedCategory = Form.useWatch("categoryCode", form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // one key per filled-in form: a retry after a lost answer does not create a second case
  const key = useRef(randomId());

  const submit = async (v: ReportValues) => {
    const ids = photoIds(v.photos) ?? [];
    const reporter =
      v.source === "hotline" && (trimmed(v.reporterName) || trimmed(v.reporterPhone) || trimmed(v.reporterIdNumber))
        ? { name: trimmed(v.reporterName), phone: trimmed(v.reporterPhone), idNumber: trimmed(v.reporterIdNumber) }
        : undefined;
    const body = Object.fromEntries(
      Object.entries({
        description: v.description.trim(),
        lat: v.lat,
        lng: v.lng,
        title: trimmed(v.title),
        categoryCode: v.categoryCode,
        address: trimmed(v.address),
        source: v.source,
        reporter,
        photoIds: ids.length ? ids : undefined,
      }).filter(([, x]) => x !== undefined),
    );
    setBusy(true);
    setError(null);
    try {
      const created = await post<CaseView>("/cases", body, { "Idempotency-Key": key.current });
      message.success(t("reportDone", { code: created.code }));
      key.current = randomId();
      navigate(`/cases/${created.id}`);
    } catch (e) {
      setError(errorText(e, lang, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Typography.Title level={4} style={{ margin: "0 0 12px" }}>
        {t("navReport")}
      </Typography.Title>
      <Form<ReportValues>
        form={form}
        layout="vertical"
        initialValues={{ source: defaultSource(me?.roles ?? []), photos: [] }}
        onFinish={(v) => void submit(v)}
        scrollToFirstError
        data-testid="report-form"
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t("location")}>
              <LocationPicker form={form} />
              <Form.Item name="address" label={t("addressOptional")} style={{ marginTop: 8, marginBottom: 0 }}>
                <Input data-testid="report-address" maxLength={300} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t("problem")}>
              <Form.Item
                name="photos"
                label={t("photos")}
                extra={t("photoHintMax", { n: MAX_PHOTOS })}
                rules={[
                  {
                    validator: (_, files?: UploadFile<UploadedPhoto>[]) =>
                      files?.length && !photoIds(files)
                        ? Promise.reject(new Error(t("photosPending")))
                        : Promise.resolve(),
                  },
                ]}
              >
                <PhotoUpload camera testId="report-photos" />
              </Form.Item>
              <Form.Item
                name="description"
                label={t("description")}
                rules={[{ required: true, whitespace: true, message: t("fieldRequired", { field: t("description") }) }]}
              >
                <Input.TextArea
                  data-testid="report-description"
                  rows={4}
                  maxLength={5000}
                  showCount
                  placeholder={t("descriptionPlaceholder")}
                />
              </Form.Item>
              <Form.Item name="categoryCode" label={t("categoryOptional")}>
                <CategorySelect testId="report-category" placeholder={t("categoryAuto")} />
              </Form.Item>
              <CategoryHint
                title={typedTitle}
                description={typedDescription}
                selected={pickedCategory}
                onPick={(code) => form.setFieldsValue({ categoryCode: code })}
              />
              <Form.Item name="title" label={t("titleOptional")}>
                <Input data-testid="report-title" maxLength={200} placeholder={t("titlePlaceholder")} />
              </Form.Item>
              <Form.Item name="source" label={t("source")} rules={[{ required: true }]}>
                <Select
                  data-testid="report-source"
                  options={SUBMITTABLE_SOURCES.map((s) => ({ value: s, label: t(`source_${s}` as MessageKey) }))}
                />
              </Form.Item>
              {source === "hotline" && (
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name="reporterName" label={t("reporterName")}>
                      <Input data-testid="report-reporter-name" maxLength={50} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="reporterPhone"
                      label={t("reporterPhone")}
                      rules={[{ pattern: /^\+?[0-9][0-9 -]{4,19}$/, message: t("phoneInvalid") }]}
                    >
                      <Input data-testid="report-reporter-phone" inputMode="tel" maxLength={20} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    {/* optional; the server checks the check digit and stores it sealed */}
                    <Form.Item
                      name="reporterIdNumber"
                      label={t("reporterIdNumber")}
                      rules={[{ pattern: /^[0-9]{17}[0-9Xx]$/, message: t("idNumberInvalid") }]}
                    >
                      <Input data-testid="report-reporter-id" maxLength={18} autoComplete="off" />
                    </Form.Item>
                  </Col>
                </Row>
              )}
              {error && (
                <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="report-error" />
              )}
              <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="report-submit">
                {t("submitReport")}
              </Button>
            </Card>
          </Col>
        </Row>
      </Form>
    </div>
  );
}
