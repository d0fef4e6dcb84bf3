"use client";
// "Your account is ready", once, on whatever page registering continued to (the seat map the
// visitor was on, usually). The register action leaves a short-lived cookie (WELCOME_COOKIE) for
// it to find; reading it here, not on the server, keeps every page free of per-visit state.
import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import { WELCOME_COOKIE } from "@/lib/schemas/auth";

function takeWelcome(): boolean {
  const found = document.cookie.split("; ").some((c) => c === `${WELCOME_COOKIE}=1`);
  if (found) document.cookie = `${WELCOME_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
  return found;
}

export function WelcomeNotice() {
  const pathname = usePathname();
  const [shown, setShown] = useState(false);
  // Registering ends in a client-side redirect: the layout stays mounted, so look on every new
  // page (and hide the notice again on the one after).
  useEffect(() => {
    const timer = setTimeout(() => setShown(takeWelcome()), 0);
    return () => clearTimeout(timer);
  }, [pathname]);
  if (!shown) return null;
  return (
    <div role="status" className="mb-6 flex items-start justify-between gap-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
      <p>Your account is ready and you are signed in. Carry on where you were.</p>
      <button type="button" onClick={() => setShown(false)} className="shrink-0 rounded px-2 text-sm font-medium underline">
        Dismiss
      </button>
    </div>
  );
}
