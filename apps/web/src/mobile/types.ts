// Shapes of the phone app's API answers (GET /mobile/home, /mobile/tasks, /mobile/patrols).
import type { FeatureCollection } from "geojson";
import type { CaseSummary } from "../lib/types.ts";

export interface PatrolView {
  id: string;
  startedAt: string;
  endedAt: string | null;
  active: boolean;
  durationSeconds: number;
  distanceM: number;
  pointCount: number;
}

export interface MobileHome {
  user: { username: string; displayName: string; unitName: string };
  community: { code: string; name: string } | null;
  grids: FeatureCollection;
  tasks: { toVerify: number; myOpen: number; overdue: number };
  patrol: PatrolView | null;
  today: { patrols: number; distanceM: number };
}

export interface MobileTask extends CaseSummary {
  lat: number;
  lng: number;
  address: string | null;
  gridName: string | null;
  excerpt: string;
  handledAt: string | null;
  resultNote: string | null;
}

export type TaskKind = "verify" | "mine";

/** An emergency task (应急任务) of GET /mobile/incident-tasks. */
export interface IncidentTask {
  id: string;
  incidentId: string;
  incidentCode: string;
  incidentStatus: string;
  type: string;
  level: number;
  title: string;
  text: string;
  /** 1 for the declaration's broadcast, 2 for the next … */
  round: number;
  status: "sent" | "acknowledged" | "done";
  gridCode: string;
  gridName: string | null;
  sentAt: string;
  ackedAt: string | null;
  doneAt: string | null;
  note: string | null;
}
