// What every use case gets: the database, the directory of places and units, the calendar, a clock.

import type { EventEmitter } from "node:events";
import type { WorkCalendar } from "@civicgrid/domain";
import type { Config } from "./config.ts";
import type { Db } from "./db/connect.ts";
import type { Clock } from "./lib/clock.ts";
import type { Logger } from "./logger.ts";
import type { MediaStorage } from "./media/storage.ts";
import type { Pii } from "./pii/pii.ts";
import type { PlaceDirectory } from "./places/directory.ts";

export interface CaseChange {
  caseId: string;
  code: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  at: Date;
}

export interface Services {
  db: Db;
  config: Config;
  logger: Logger;
  clock: Clock;
  places: PlaceDirectory;
  calendar: WorkCalendar;
  /** emits "case" with a CaseChange after each committed transition (live screens, notifications) */
  events: EventEmitter;
  /** photo bytes (originals and thumbnails): a folder under DATA_DIR or an S3-compatible bucket */
  storage: MediaStorage;
  /** personal data: sealing, opening and the phone search hash (keys from env or DATA_DIR/keys) */
  pii: Pii;
  /** start-up state shown by /healthz */
  status: { seeding: boolean };
}
