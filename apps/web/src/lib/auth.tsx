// The signed-in user: loaded from /me at start, set by the sign-in page, cleared on sign-out or 401.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { get, post, setUnauthenticatedHandler } from "./api.ts";
import type { Me } from "./types.ts";

interface Auth {
  me: Me | null;
  loading: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const Ctx = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setUnauthenticatedHandler(() => setMe(null));
    get<Me>("/me")
      .then(setMe)
      .catch(() => setMe(null))
      .finally(() => setLoading(false));
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    await post("/auth/login", { username, password });
    setMe(await get<Me>("/me"));
  }, []);

  const signOut = useCallback(async () => {
    await post("/auth/logout").catch(() => {});
    setMe(null);
  }, []);

  const value = useMemo(() => ({ me, loading, signIn, signOut }), [me, loading, signIn, signOut]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("useAuth outside AuthProvider");
  return ctx;
}
