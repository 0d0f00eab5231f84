// After submitting: the receipt code, large, with a copy button and the way to follow the report.
import { CheckCircleFilled, CopyOutlined } from "@ant-design/icons";
import { Alert, App, Button } from "antd";
import { Link, Navigate, useLocation } from "react-router-dom";
import { useI18n } from "../../i18n/index.tsx";
import { cleanReceipt } from "../api.ts";
import type { ReceiptAnswer } from "../types.ts";
import { RECEIPT_STORE } from "./ReportPage.tsx";

function stored(): ReceiptAnswer | null {
  try {
    return JSON.parse(sessionStorage.getItem(RECEIPT_STORE) ?? "null") as ReceiptAnswer | null;
  } catch {
    return null;
  }
}

export function ReceiptPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const location = useLocation();
  const receipt = (location.state as ReceiptAnswer | null) ?? stored();
  if (!receipt) return <Navigate to="/report" replace />;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt.receipt);
      message.success(t("pReceiptCopied"));
    } catch {
      // no clipboard (http, old browsers): the code is selectable as a whole
      window.getSelection()?.selectAllChildren(document.querySelector("[data-testid=p-receipt-code]") as Node);
    }
  };

  return (
    <section className="p-section" data-testid="p-receipt">
      <h1 style={{ fontSize: 20, margin: 0 }}>
        <CheckCircleFilled style={{ color: "#389e0d", marginInlineEnd: 8 }} />
        {t("pReceiptTitle")}
      </h1>
      <p>{t("pReceiptText")}</p>
      <div className="p-muted">{t("pReceiptCode")}</div>
      <div className="p-receipt-code" data-testid="p-receipt-code">
        {receipt.receipt}
      </div>
      <p className="p-muted" style={{ margin: 0 }}>
        {t("pReceiptCaseCode", { code: receipt.code })}
      </p>
      {receipt.placedBy && (
        <p className="p-muted" style={{ margin: "4px 0 0" }}>
          {t("pReceiptPlacedBy", { name: receipt.placedBy.name })}
        </p>
      )}
      <div className="p-actions">
        <Button icon={<CopyOutlined />} onClick={copy} data-testid="p-receipt-copy">
          {t("pReceiptCopy")}
        </Button>
        <Link to={`/track/${cleanReceipt(receipt.receipt) ?? ""}`} data-testid="p-receipt-track">
          <Button type="primary">{t("pReceiptTrack")}</Button>
        </Link>
        <Link to="/report">
          <Button>{t("pReceiptAnother")}</Button>
        </Link>
      </div>
      <Alert type="warning" showIcon title={t("pReceiptLost")} style={{ marginTop: 14 }} />
    </section>
  );
}
