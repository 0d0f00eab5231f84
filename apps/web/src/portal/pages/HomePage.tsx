// The portal's home: three plain choices (report, track, results) and where to turn in an emergency.
import { CameraOutlined, FileSearchOutlined, TrophyOutlined } from "@ant-design/icons";
import { Alert } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";

function Choice(props: { to: string; icon: ReactNode; title: MessageKey; text: MessageKey; id: string }) {
  const { t } = useI18n();
  return (
    <Link to={props.to} className="p-choice" data-testid={`p-home-${props.id}`}>
      <span className="p-choice-icon" aria-hidden>
        {props.icon}
      </span>
      <span>
        <strong>{t(props.title)}</strong>
        <span className="p-muted">{t(props.text)}</span>
      </span>
    </Link>
  );
}

export function HomePage() {
  const { t } = useI18n();
  return (
    <div data-testid="p-home">
      <p className="p-tagline">{t("pSiteTagline")}</p>
      <div className="p-choices">
        <Choice to="/report" id="report" icon={<CameraOutlined />} title="pHomeReportTitle" text="pHomeReportText" />
        <Choice to="/track" id="track" icon={<FileSearchOutlined />} title="pHomeTrackTitle" text="pHomeTrackText" />
        <Choice
          to="/results"
          id="results"
          icon={<TrophyOutlined />}
          title="pHomeResultsTitle"
          text="pHomeResultsText"
        />
      </div>
      <Alert type="info" showIcon title={t("pHomeNote")} style={{ marginTop: 16 }} />
    </div>
  );
}
