// Photos for a report: each one is uploaded as soon as it is chosen (owned by this browser's token),
// shown from the device while it goes; the form takes the ids on submit.
import { PlusOutlined } from "@ant-design/icons";
import { App, Upload, type UploadFile } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError, api } from "../../lib/api.ts";
import { withToken } from "../api.ts";
import type { UploadedPhoto } from "../types.ts";

export const MAX_PHOTOS = 9;
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ["image/jpeg", "image/png", "image/webp"];

/** The ids of the uploaded photos; undefined while one is still uploading or has failed. */
export function photoIds(files: UploadFile<UploadedPhoto>[]): string[] | undefined {
  if (files.some((f) => f.status !== "done" || !f.response?.id)) return undefined;
  return files.map((f) => f.response?.id as string);
}

export function PhotoPicker({
  value,
  onChange,
}: {
  value: UploadFile<UploadedPhoto>[];
  onChange: (files: UploadFile<UploadedPhoto>[]) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  return (
    <div data-testid="p-photos">
      <Upload<UploadedPhoto>
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp"
        multiple
        maxCount={MAX_PHOTOS}
        fileList={value}
        beforeUpload={(file) => {
          if (!TYPES.includes(file.type)) {
            message.error(t("pPhotoWrongType"));
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_BYTES) {
            message.error(t("pPhotoTooBig"));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          withToken((headers) => {
            const form = new FormData();
            form.append("file", file as Blob);
            return api<UploadedPhoto>("POST", "/public/uploads", form, headers);
          })
            .then((res) => onSuccess?.(res))
            .catch((e: unknown) => {
              const text = e instanceof ApiError ? e.text(lang) : t("unexpectedError");
              message.error(text);
              onError?.(new Error(text));
            });
        }}
        onChange={({ fileList }) => onChange(fileList)}
        showUploadList={{ showPreviewIcon: false }}
      >
        {value.length >= MAX_PHOTOS ? null : (
          <button type="button" className="p-upload-button" aria-label={t("pAddPhoto")}>
            <PlusOutlined />
            <div style={{ marginTop: 6 }}>{t("pAddPhoto")}</div>
          </button>
        )}
      </Upload>
    </div>
  );
}
