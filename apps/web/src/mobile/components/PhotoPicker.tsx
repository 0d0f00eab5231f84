// Photos for a report or a check: the camera or the gallery, several at once, kept as blobs (they go
// into the outbox with the report). Big phone pictures are scaled down on the phone first: smaller
// uploads on a weak network, and the server re-encodes them anyway.
import { CameraOutlined, CloseOutlined, PictureOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useEffect, useRef } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { randomId } from "../../lib/ids.ts";

export const MAX_PHOTOS = 9;
const MAX_BYTES = 10 * 1024 * 1024;
/** Pictures above this size or edge are scaled down to the edge as JPEG. */
const SHRINK_ABOVE_BYTES = 1_500_000;
const MAX_EDGE = 2048;

export interface PickedPhoto {
  id: string;
  blob: Blob;
  name: string;
  url: string;
}

async function shrink(file: File): Promise<Blob> {
  if (file.size <= SHRINK_ABOVE_BYTES || typeof createImageBitmap !== "function") return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, "image/jpeg", 0.85));
    return blob && blob.size < file.size ? blob : file;
  } catch {
    return file; // not decodable here: let the server judge it
  }
}

interface Props {
  value: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  testId?: string;
}

export function PhotoPicker({ value, onChange, testId }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);
  const latest = useRef(value);
  latest.current = value;

  // the previews' object URLs live as long as the picker
  useEffect(
    () => () => {
      for (const p of latest.current) URL.revokeObjectURL(p.url);
    },
    [],
  );

  const add = async (files: FileList | null) => {
    const chosen = [...(files ?? [])];
    const images = chosen.filter((f) => f.type.startsWith("image/"));
    if (images.length < chosen.length) message.warning(t("mPhotoNotImage"));
    const room = MAX_PHOTOS - latest.current.length;
    if (images.length > room) message.warning(t("mPhotoMax", { n: MAX_PHOTOS }));
    const added: PickedPhoto[] = [];
    for (const file of images.slice(0, Math.max(0, room))) {
      const blob = await shrink(file);
      if (blob.size > MAX_BYTES) {
        message.error(t("mPhotoTooBig"));
        continue;
      }
      const name = blob === file ? file.name || "photo.jpg" : `${file.name.replace(/\.[^.]*$/, "") || "photo"}.jpg`;
      added.push({ id: randomId(), blob, name, url: URL.createObjectURL(blob) });
    }
    if (added.length) onChange([...latest.current, ...added]);
  };

  const remove = (id: string) => {
    const gone = value.find((p) => p.id === id);
    if (gone) URL.revokeObjectURL(gone.url);
    onChange(value.filter((p) => p.id !== id));
  };

  const input = (ref: React.RefObject<HTMLInputElement | null>, capture: boolean, id: string) => (
    <input
      ref={ref}
      type="file"
      accept="image/*"
      multiple
      capture={capture ? "environment" : undefined}
      className="m-visually-hidden"
      data-testid={id}
      tabIndex={-1}
      onChange={(e) => {
        void add(e.target.files);
        e.target.value = ""; // the same picture may be chosen again after removing it
      }}
    />
  );

  return (
    <div className="m-photos" data-testid={testId} data-count={value.length}>
      {value.map((p) => (
        <div className="m-photo" key={p.id} data-testid="picked-photo">
          <img src={p.url} alt={p.name} />
          <Button
            size="small"
            shape="circle"
            className="m-photo-remove"
            icon={<CloseOutlined />}
            aria-label={t("mRemovePhoto")}
            onClick={() => remove(p.id)}
          />
        </div>
      ))}
      {value.length < MAX_PHOTOS && (
        <>
          <button type="button" className="m-photo-add" onClick={() => camera.current?.click()}>
            <CameraOutlined />
            {t("mTakePhoto")}
          </button>
          <button type="button" className="m-photo-add" onClick={() => gallery.current?.click()}>
            <PictureOutlined />
            {t("mFromGallery")}
          </button>
        </>
      )}
      {input(camera, true, "photo-camera-input")}
      {input(gallery, false, "photo-gallery-input")}
    </div>
  );
}
