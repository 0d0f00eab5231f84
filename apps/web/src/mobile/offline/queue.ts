// The outbox (待发送): everything the worker makes goes here first and is sent from here, online or
// not, so there is one path and nothing is lost when the network drops. Items go first in, first out
// (a patrol's points need its start); each carries keys generated when it was made, so a retry after
// a lost answer is stored once by the server. Photos are uploaded first, then the request naming them.
import { ApiError, api, post } from "../../lib/api.ts";
import { randomId } from "../../lib/ids.ts";
import { noteRequest } from "../network.ts";
import { kvGet, kvSet, mobileDb, type QueuedPhoto, type QueueError, type QueueItem, type QueuePayload } from "./db.ts";

/** Sent reports and checks stay listed this long, so the worker sees they went. */
const KEEP_SENT_MS = 3 * 86_400_000;
const patrolIdKey = (patrolKey: string) => `patrol:${patrolKey}`;

type Listener = () => void;
const listeners = new Set<Listener>();

export function subscribeQueue(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function changed() {
  for (const fn of listeners) fn();
}

let counter = 0;

/** Stores a new item (waiting) and returns it; photos get their upload keys now. */
export async function enqueue(userId: string, payload: QueuePayload): Promise<QueueItem> {
  const item: QueueItem = {
    id: randomId(),
    userId,
    seq: Date.now() * 1000 + (counter++ % 1000),
    createdAt: new Date().toISOString(),
    state: "waiting",
    attempts: 0,
    payload,
  };
  await (await mobileDb()).put("queue", item);
  changed();
  return item;
}

/** A photo for the outbox: its upload key is fixed here, once. */
export function queuedPhoto(blob: Blob, name: string): QueuedPhoto {
  return { key: randomId(), name, blob };
}

export async function listQueue(userId: string): Promise<QueueItem[]> {
  const all = await (await mobileDb()).getAllFromIndex("queue", "bySeq");
  return all.filter((i) => i.userId === userId);
}

async function patch(id: string, change: Partial<QueueItem>): Promise<QueueItem | undefined> {
  const db = await mobileDb();
  const tx = db.transaction("queue", "readwrite");
  const item = await tx.store.get(id);
  if (!item) return undefined;
  const next = { ...item, ...change };
  await tx.store.put(next);
  await tx.done;
  changed();
  return next;
}

export async function removeItem(id: string): Promise<void> {
  await (await mobileDb()).delete("queue", id);
  changed();
}

/** A failed item back in line (after the worker fixed the cause, e.g. signed in again). */
export async function retryItem(id: string): Promise<void> {
  await patch(id, { state: "waiting", error: undefined });
}

/** Drops sent items older than the keeping period. */
export async function pruneQueue(): Promise<void> {
  const db = await mobileDb();
  const limit = Date.now() - KEEP_SENT_MS;
  const all = await db.getAll("queue");
  const old = all.filter((i) => i.state === "sent" && Date.parse(i.sentAt ?? i.createdAt) < limit);
  for (const i of old) await db.delete("queue", i.id);
  if (old.length) changed();
}

/** Network down, server busy or session gone: the item waits and the queue stops for now. */
function isTransient(err: ApiError): boolean {
  return err.status === 0 || err.status === 401 || err.status === 408 || err.status === 429 || err.status >= 500;
}

function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, { code: "NETWORK", message: String(err), messageEn: String(err) });
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Sends the worker's waiting items in order. One run at a time (a call during a run asks for one more
 * pass); other tabs of the app are kept out by a Web Lock where the browser has them.
 */
export function sendQueue(userId: string): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await withLock(() => drain(userId));
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

async function withLock(fn: () => Promise<void>): Promise<void> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks?.request) await locks.request("civicgrid-mobile-queue", fn);
  else await fn();
}

async function drain(userId: string): Promise<void> {
  const items = (await listQueue(userId)).filter((i) => i.state === "waiting" || i.state === "sending");
  for (const queued of items) {
    const item = await patch(queued.id, { state: "sending", attempts: queued.attempts + 1 });
    if (!item) continue; // deleted meanwhile
    try {
      const result = await send(item);
      noteRequest();
      if (item.payload.kind.startsWith("patrol-")) {
        // patrol data is shown from the server once sent; keeping it would flood the list
        await removeItem(item.id);
      } else {
        await patch(item.id, {
          state: "sent",
          sentAt: new Date().toISOString(),
          error: undefined,
          result,
          payload: withoutBlobs(item.payload),
        });
      }
    } catch (err) {
      const e = asApiError(err);
      noteRequest(e);
      const error: QueueError = { code: e.body.code, message: e.body.message, messageEn: e.body.messageEn };
      if (isTransient(e)) {
        await patch(item.id, { state: "waiting", error });
        return; // keep the order: what comes after waits too
      }
      await patch(item.id, { state: "failed", error });
    }
  }
}

function withoutBlobs(p: QueuePayload): QueuePayload {
  return "photos" in p ? { ...p, photos: p.photos.map(({ blob: _b, ...rest }) => rest) } : p;
}

type SendResult = QueueItem["result"];

async function send(item: QueueItem): Promise<SendResult> {
  const p = item.payload;
  const key = { "Idempotency-Key": item.id };
  switch (p.kind) {
    case "report": {
      const photoIds = await uploadPhotos(item, p.photos);
      const body = { ...p.body, source: "grid", ...(photoIds.length ? { photoIds } : {}) };
      const c = await post<{ id: string; code: string; status: string }>("/cases", body, key);
      return { caseId: c.id, caseCode: c.code, status: c.status };
    }
    case "verify": {
      const photoIds = await uploadPhotos(item, p.photos);
      const body = { pass: p.pass, note: p.note, ...(photoIds.length ? { photoIds } : {}) };
      const c = await post<{ id: string; code: string; status: string }>(
        `/cases/${p.caseId}/actions/verify`,
        body,
        key,
      );
      return { caseId: c.id, caseCode: c.code, status: c.status };
    }
    case "patrol-start": {
      const patrol = await post<{ id: string }>(
        "/mobile/patrols",
        { startedAt: p.startedAt },
        { "Idempotency-Key": p.patrolKey },
      );
      await kvSet(patrolIdKey(p.patrolKey), patrol.id);
      return {};
    }
    case "patrol-points":
      await post(`/mobile/patrols/${await patrolIdOf(p.patrolKey)}/points`, { points: p.points });
      return {};
    case "patrol-stop":
      await post(`/mobile/patrols/${await patrolIdOf(p.patrolKey)}/stop`, { endedAt: p.endedAt });
      return {};
    case "incident-ack": {
      const task = await post<{ status: string }>(`/mobile/incident-tasks/${p.taskId}/ack`, {});
      return { status: task.status };
    }
    case "incident-done": {
      const task = await post<{ status: string }>(`/mobile/incident-tasks/${p.taskId}/done`, {
        ...(p.note ? { note: p.note } : {}),
      });
      return { status: task.status };
    }
  }
}

async function patrolIdOf(patrolKey: string): Promise<string> {
  const id = await kvGet<string>(patrolIdKey(patrolKey));
  if (!id) {
    // its start was refused (listed as failed above): these points have nowhere to go
    throw new ApiError(422, {
      code: "PATROL_NOT_STARTED",
      message: "巡查未能开始,轨迹无法保存",
      messageEn: "The patrol could not be started; its track cannot be saved",
    });
  }
  return id;
}

/** Uploads the item's photos not uploaded yet, each with its own key; returns all their ids. */
async function uploadPhotos(item: QueueItem, photos: QueuedPhoto[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, photo] of photos.entries()) {
    if (!photo.uploadedId) {
      if (!photo.blob) throw new ApiError(422, { code: "PHOTO_LOST", message: "照片已丢失", messageEn: "Photo lost" });
      const form = new FormData();
      form.append("file", photo.blob, photo.name);
      const uploaded = await api<{ id: string }>("POST", "/attachments", form, { "Idempotency-Key": photo.key });
      photo.uploadedId = uploaded.id;
      // remember it: a retry of the item after a later failure does not upload it again
      const updated = [...photos];
      updated[i] = photo;
      await patch(item.id, { payload: { ...item.payload, photos: updated } as QueuePayload });
    }
    ids.push(photo.uploadedId as string);
  }
  return ids;
}
