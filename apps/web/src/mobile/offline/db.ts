// The phone's own database (IndexedDB): the outbox of reports, checks and patrol data made without a
// network (photos kept as blobs), and a small key-value store for what the app needs offline.
import { type DBSchema, type IDBPDatabase, openDB } from "idb";

export type QueueState = "waiting" | "sending" | "failed" | "sent";

export interface QueuedPhoto {
  /** the upload's Idempotency-Key, fixed when the photo was taken */
  key: string;
  name: string;
  /** dropped once the item is sent, to free the phone's storage */
  blob?: Blob;
  /** the server's id once uploaded, so a retry of the item does not upload it again */
  uploadedId?: string;
}

export interface PatrolPoint {
  at: string;
  lat: number;
  lng: number;
  accuracy?: number;
}

export interface ReportBody {
  description: string;
  lat: number;
  lng: number;
  categoryCode?: string;
}

export type QueuePayload =
  | { kind: "report"; body: ReportBody; categoryName?: string; photos: QueuedPhoto[] }
  | { kind: "verify"; caseId: string; caseCode: string; pass: boolean; note: string; photos: QueuedPhoto[] }
  | { kind: "patrol-start"; patrolKey: string; startedAt: string }
  | { kind: "patrol-points"; patrolKey: string; points: PatrolPoint[] }
  | { kind: "patrol-stop"; patrolKey: string; endedAt: string }
  // 收到 / 已完成 on an emergency task: repeating either changes nothing on the server
  | { kind: "incident-ack"; taskId: string; title: string }
  | { kind: "incident-done"; taskId: string; title: string; note: string };

export type QueueKind = QueuePayload["kind"];

export interface QueueError {
  code: string;
  message: string;
  messageEn: string;
}

export interface QueueItem {
  /** also the Idempotency-Key of the item's main request, generated once when it was made */
  id: string;
  /** the worker who made it: only their session sends it */
  userId: string;
  /** creation order (the queue is sent first in, first out) */
  seq: number;
  createdAt: string;
  state: QueueState;
  attempts: number;
  error?: QueueError;
  sentAt?: string;
  result?: { caseId?: string; caseCode?: string; status?: string };
  payload: QueuePayload;
}

interface MobileDb extends DBSchema {
  queue: { key: string; value: QueueItem; indexes: { bySeq: number } };
  kv: { key: string; value: unknown };
}

const DB_NAME = "civicgrid-mobile";
let dbOnce: Promise<IDBPDatabase<MobileDb>> | null = null;

export function mobileDb(): Promise<IDBPDatabase<MobileDb>> {
  if (!dbOnce) {
    dbOnce = openDB<MobileDb>(DB_NAME, 1, {
      upgrade(db) {
        const queue = db.createObjectStore("queue", { keyPath: "id" });
        queue.createIndex("bySeq", "seq");
        db.createObjectStore("kv");
      },
    });
  }
  return dbOnce;
}

export async function kvGet<T>(key: string): Promise<T | undefined> {
  return (await (await mobileDb()).get("kv", key)) as T | undefined;
}

export async function kvSet(key: string, value: unknown): Promise<void> {
  await (await mobileDb()).put("kv", value, key);
}

export async function kvDelete(key: string): Promise<void> {
  await (await mobileDb()).delete("kv", key);
}
