// The signed-in user: loaded from /me at start, set by the sign-in page, cleared on sign-out or 401.
// Signing in may need a second step (a TOTP code for a challenge); a 401 SESSION_EXPIRED leaves a
// notice for the sign-in page. An enrolment-only session has me.mfaEnrolmentRequired set.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { get, post, setUnauthenticatedHandler } from "./api.ts";
import type { Me } from "./types.ts";

export type SignInStep = { done: true } | { done: false; challenge: string };

interface Auth {
  me: Me | null;
  loading: boolean;
  /** "expired" after the server said SESSION_EXPIRED, until the next sign-in */
  notice: "expired" | null;
  signIn: (username: string, password: string) => Promise<SignInStep>;
  verifyCode: (challenge: string, code: string) => Promise<void>;
  /** reload /me, e.g. after TOTP enrolment turned an enrolment-only session into a full one */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const Ctx = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState<"expired" | null>(null);

  useEffect(() => {
    setUnauthenticatedHandler((code) => {
      if (code === "SESSION_EXPIRED") setNotice("expired");
      setMe(null);
    });
    get<Me>("/me")
      .then(setMe)
      .catch(() => setMe(null))
      .finally(() => setLoading(false));
  }, []);

  const refresh = useCallback(async () => {
    setMe(await get<Me>("/me"));
  }, []);

  const signIn = useCallback(
    async (username: string, password: string): Promise<SignInStep> => {
      const res = await post<{ mfaRequired?: boolean; challenge?: string }>("/auth/login", { username, password });
      if (res.mfaRequired && res.challenge) return { done: false, challenge: res.challenge };
      setNotice(null);
      await refresh();
      return { done: true };
    },
    [refresh],
  );

  const verifyCode = useCallback(
    async (challenge: string, code: string) => {
      await post("/auth/login/totp", { challenge, code });
      setNotice(null);
      await refresh();
    },
    [refresh],
  );

  const signOut = useCallback(async () => {
    await post("/auth/logout").catch(() => {});
    setMe(null);
  }, []);

  const value = useMemo(
    () => ({ me, loading, notice, signIn, verifyCode, refresh, signOut }),
    [me, loading, notice, signIn, verifyCode, refresh, signOut],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("useAuth outside AuthProvider");
  return ctx;
}
