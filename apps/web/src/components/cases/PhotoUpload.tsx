// Photo upload for reports and feedback: each image goes to POST /attachments as it is chosen, the
// form keeps the list and takes the ids on submit. Camera capture on tablets, preview, at most 9.
import { PlusOutlined } from "@ant-design/icons";
import { App, Image, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { api } from "../../lib/api.ts";
import type { UploadedPhoto } from "./caseTypes.ts";
import { errorText } from "./errors.ts";

export const MAX_PHOTOS = 9;
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ["image/jpeg", "image/png", "image/webp"];

interface Props {
  value?: UploadFile<UploadedPhoto>[];
  onChange?: (files: UploadFile<UploadedPhoto>[]) => void;
  /** open the rear camera directly on tablets and phones */
  camera?: boolean;
  testId?: string;
  id?: string;
}

/** The ids of the uploaded photos; undefined while one is still uploading or has failed. */
export function photoIds(files: UploadFile<UploadedPhoto>[] | undefined): string[] | undefined {
  const list = files ?? [];
  if (list.some((f) => f.status !== "done" || !f.response?.id)) return undefined;
  return list.map((f) => f.response?.id as string);
}

export function PhotoUpload({ value = [], onChange, camera, testId, id }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<string | null>(null);

  return (
    <div data-testid={testId} id={id}>
      <Upload<UploadedPhoto>
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp"
        capture={camera ? "environment" : undefined}
        multiple
        maxCount={MAX_PHOTOS}
        fileList={value}
        beforeUpload={(file) => {
          if (!TYPES.includes(file.type)) {
            message.error(t("photoWrongType"));
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_BYTES) {
            message.error(t("photoTooBig"));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const form = new FormData();
          form.append("file", file as Blob);
          api<UploadedPhoto>("POST", "/attachments", form)
            .then((res) => onSuccess?.(res))
            .catch((e: unknown) => {
              const text = errorText(e, lang, t);
              message.error(text);
              onError?.(new Error(text));
            });
        }}
        onChange={({ fileList }) =>
          onChange?.(
            fileList.map((f) =>
              // show the stored image once uploaded; failed uploads say why on hover
              f.status === "error" ? { ...f, response: undefined } : f,
            ),
          )
        }
        onPreview={(f) => setPreview(f.thumbUrl ?? f.response?.url ?? f.url ?? null)}
      >
        {value.length >= MAX_PHOTOS ? null : (
          <button type="button" className="cg-upload-button" aria-label={t("addPhoto")}>
            <PlusOutlined />
            <div style={{ marginTop: 6 }}>{t("addPhoto")}</div>
          </button>
        )}
      </Upload>
      {preview && (
        <Image
          style={{ display: "none" }}
          src={preview}
          alt=""
          preview={{ open: true, src: preview, onOpenChange: (open) => !open && setPreview(null) }}
        />
      )}
    </div>
  );
}
