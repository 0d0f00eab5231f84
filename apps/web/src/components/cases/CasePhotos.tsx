// The case's photos by stage (as reported, after handling, at the verification on site): thumbnails, with a shared preview of the originals.
import { Image, Typography } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import type { CasePhoto } from "./caseTypes.ts";

const STAGE_LABEL = { report: "photosReport", feedback: "photosFeedback", verify: "photosVerify" } as const;

export function CasePhotos({ photos }: { photos: CasePhoto[] }) {
  const { t } = useI18n();
  if (photos.length === 0) return <Typography.Text type="secondary">{t("noPhotos")}</Typography.Text>;
  const stages = (["report", "feedback", "verify"] as const)
    .map((stage) => ({ stage, list: photos.filter((p) => p.stage === stage) }))
    .filter((s) => s.list.length > 0);
  return (
    <Image.PreviewGroup>
      {stages.map(({ stage, list }) => (
        <div key={stage} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ display: "block", marginBottom: 4 }}>
            {t(STAGE_LABEL[stage])}
          </Typography.Text>
          <div className="cg-photos" data-testid={`photos-${stage}`}>
            {list.map((p) => (
              // the list shows the thumbnail; the preview opens the original
              <Image
                key={p.id}
                src={p.thumbnailUrl ?? p.url}
                preview={{ src: p.url }}
                width={104}
                height={104}
                style={{ objectFit: "cover" }}
                alt={t("photo")}
              />
            ))}
          </div>
        </div>
      ))}
    </Image.PreviewGroup>
  );
}
