// Report a problem: where (map point, or an address naming the community), what (kind, description,
// photos), and optionally who (name, phone verified by a code). Submitting shows the receipt code.
import { Alert, App, Button, Form, Input, type UploadFile } from "antd";
import { useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError, post } from "../../lib/api.ts";
import { randomId } from "../../lib/ids.ts";
import { withToken } from "../api.ts";
import { CategoryField } from "../components/CategoryField.tsx";
import { PhoneField } from "../components/PhoneField.tsx";
import { PhotoPicker, photoIds } from "../components/PhotoPicker.tsx";
import { type Point, PointPicker } from "../components/PointPicker.tsx";
import type { ReceiptAnswer, UploadedPhoto } from "../types.ts";

interface Values {
  address?: string;
  categoryCode?: string;
  description: string;
  name?: string;
  phone?: string;
  otpCode?: string;
}

export const RECEIPT_STORE = "civicgrid.portal.receipt";

export function ReportPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [point, setPoint] = useState<Point | null>(null);
  const [photos, setPhotos] = useState<UploadFile<UploadedPhoto>[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const idempotencyKey = useRef<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setError(null);
    const address = values.address?.trim();
    if (!point && !address) {
      setError(t("pLocationNeeded"));
      return;
    }
    const ids = photoIds(photos);
    if (!ids) {
      message.warning(t("pPhotosPending"));
      return;
    }
    const phone = values.phone?.trim() || undefined;
    const body = {
      ...(point ?? {}),
      address: address || undefined,
      categoryCode: values.categoryCode || undefined,
      description: values.description.trim(),
      name: values.name?.trim() || undefined,
      phone,
      otpCode: phone ? values.otpCode?.trim() || undefined : undefined,
      photoIds: ids.length ? ids : undefined,
    };
    setSubmitting(true);
    try {
      // one key per report, kept across retries: a retry after a lost answer gets the same receipt
      // (a key belongs to the browser's token, so the token is always sent)
      idempotencyKey.current ??= randomId();
      const key = idempotencyKey.current;
      const receipt = await withToken((headers) =>
        post<ReceiptAnswer>("/public/reports", body, { ...headers, "Idempotency-Key": key }),
      );
      idempotencyKey.current = null;
      // kept for this tab only, so a reload of the receipt page still shows it
      sessionStorage.setItem(RECEIPT_STORE, JSON.stringify(receipt));
      navigate("/receipt", { state: receipt });
    } catch (e) {
      setError(e instanceof ApiError ? e.text(lang) : t("unexpectedError"));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="p-report-form" requiredMark={false}>
      <h1 style={{ fontSize: 20, margin: "0 0 12px" }}>{t("pReportTitle")}</h1>
      <section className="p-section">
        <h2>{t("pWhere")}</h2>
        <PointPicker value={point} onChange={setPoint} />
        <Form.Item
          name="address"
          label={t("pAddress")}
          extra={t("pAddressHint")}
          style={{ marginTop: 12, marginBottom: 0 }}
        >
          <Input maxLength={200} placeholder={t("pAddressPlaceholder")} data-testid="p-address" />
        </Form.Item>
      </section>
      <section className="p-section">
        <Form.Item name="categoryCode" label={t("pCategory")}>
          <CategoryField />
        </Form.Item>
        <Form.Item
          name="description"
          label={t("pDescription")}
          rules={[{ required: true, whitespace: true, message: t("pDescriptionRequired") }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t("pDescriptionPlaceholder")}
            data-testid="p-description"
          />
        </Form.Item>
        <Form.Item label={t("pPhotos")} style={{ marginBottom: 0 }}>
          <PhotoPicker value={photos} onChange={setPhotos} />
        </Form.Item>
      </section>
      <section className="p-section">
        <h2>{t("pContact")}</h2>
        <p className="p-muted" style={{ marginTop: 0 }}>
          {t("pContactHint")}
        </p>
        <Form.Item name="name" label={t("pName")}>
          <Input maxLength={30} placeholder={t("pNamePlaceholder")} autoComplete="name" data-testid="p-name" />
        </Form.Item>
        <PhoneField />
      </section>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="p-report-error" />}
      <Button type="primary" htmlType="submit" size="large" block loading={submitting} data-testid="p-submit">
        {submitting ? t("pSubmitting") : t("pSubmit")}
      </Button>
      <p className="p-muted" style={{ marginTop: 10 }}>
        {t("pPrivacy")}
      </p>
    </Form>
  );
}
