// The signed-in worker on the phone. Unlike the workbench, the app must open without a network: the
// last known user is kept on the device and used when /me cannot be reached (the cookie session is
// checked again as soon as the server answers; a 401 returns to the sign-in screen, the outbox kept).
// An account with TOTP signs in in two steps: the password answers a challenge, a code finishes it.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError, get, post, setUnauthenticatedHandler } from "../lib/api.ts";
import type { Me } from "../lib/types.ts";
import { isOnline, noteRequest, subscribeNetwork } from "./network.ts";
import { clearCachedReads } from "./offline/cached.ts";
import { detachPatrol } from "./patrol/recorder.ts";

const ME_KEY = "civicgrid.m.me";

interface Session {
  me: Me | null;
  loading: boolean;
  /** the user comes from the device, not from the server (no network at start) */
  offlineSession: boolean;
  /** step 1; `challenge` when the account has TOTP and a code must follow (verifyCode) */
  signIn: (username: string, password: string) => Promise<{ challenge: string } | null>;
  /** step 2: a 6-digit TOTP code or a recovery code for the challenge */
  verifyCode: (challenge: string, code: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const Ctx = createContext<Session | null>(null);

function cachedMe(): Me | null {
  try {
    const raw = localStorage.getItem(ME_KEY);
    return raw ? (JSON.parse(raw) as Me) : null;
  } catch {
    return null;
  }
}

function remember(me: Me | null) {
  if (me) localStorage.setItem(ME_KEY, JSON.stringify(me));
  else localStorage.removeItem(ME_KEY);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [offlineSession, setOfflineSession] = useState(false);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      remember(null);
      setMe(null);
    });
    get<Me>("/me")
      .then((m) => {
        noteRequest();
        remember(m);
        setMe(m);
      })
      .catch((err: unknown) => {
        noteRequest(err);
        // no network: carry on as the last user; any other answer means signed out
        const offline = err instanceof ApiError && err.status === 0;
        const cached = offline ? cachedMe() : null;
        setMe(cached);
        setOfflineSession(cached !== null);
      })
      .finally(() => setLoading(false));
  }, []);

  // started offline as the saved user: once the server answers, check the session is still valid
  useEffect(() => {
    if (!offlineSession) return;
    const check = () => {
      if (!isOnline()) return;
      get<Me>("/me")
        .then((m) => {
          remember(m);
          setMe(m);
          setOfflineSession(false);
        })
        .catch(() => {}); // a 401 signs out through the handler above; no network: wait
    };
    return subscribeNetwork(check);
  }, [offlineSession]);

  const startSession = useCallback(async () => {
    const m = await get<Me>("/me");
    // what an earlier user read on this phone is not for this one
    if (cachedMe()?.id !== m.id) await clearCachedReads();
    remember(m);
    setOfflineSession(false);
    setMe(m);
  }, []);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const res = await post<{ mfaRequired?: boolean; challenge?: string }>("/auth/login", { username, password });
      if (res.mfaRequired && res.challenge) return { challenge: res.challenge };
      await startSession();
      return null;
    },
    [startSession],
  );

  const verifyCode = useCallback(
    async (challenge: string, code: string) => {
      await post("/auth/login/totp", { challenge, code });
      await startSession();
    },
    [startSession],
  );

  const signOut = useCallback(async () => {
    await post("/auth/logout").catch(() => {});
    detachPatrol();
    remember(null);
    await clearCachedReads();
    setMe(null);
  }, []);

  const value = useMemo(
    () => ({ me, loading, offlineSession, signIn, verifyCode, signOut }),
    [me, loading, offlineSession, signIn, verifyCode, signOut],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("useSession outside SessionProvider");
  return ctx;
}
