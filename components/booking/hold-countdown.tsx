"use client";
// How long the seats stay held. The visible clock ticks every second; screen readers hear it far
// less often (each whole minute, then at 30 and 10 seconds), since a live region that speaks every
// second makes the rest of the page unusable. The first render uses the server's clock so server
// and browser render the same text; a browser clock that is far off is corrected for.
import { useEffect, useRef, useState } from "react";

interface Props {
  expiresAt: string;
  /** The server's time when the page was rendered (ms since epoch). */
  serverNow: number;
  onExpire: () => void;
  /** Counting down the time to pay for a waiting-list place rather than a seat hold. */
  waitlisted?: boolean;
}

/** Browser clocks within this of the server's are trusted: the gap is mostly page-load time. */
const TRUSTED_SKEW_MS = 30_000;

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

function spoken(ms: number): string | null {
  const seconds = Math.ceil(ms / 1000);
  if (seconds <= 0) return null;
  if (seconds <= 10) return "10 seconds left to pay.";
  if (seconds <= 30) return "30 seconds left to pay.";
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute left to pay." : `${minutes} minutes left to pay.`;
}

export function HoldCountdown({ expiresAt, serverNow, onExpire, waitlisted = false }: Props) {
  const deadline = Date.parse(expiresAt);
  const [remaining, setRemaining] = useState(deadline - serverNow);
  const [announcement, setAnnouncement] = useState(() => spoken(deadline - serverNow) ?? "");
  const expired = useRef(false);
  const onExpireRef = useRef(onExpire);
  useEffect(() => {
    onExpireRef.current = onExpire;
  }, [onExpire]);

  useEffect(() => {
    const gap = serverNow - Date.now();
    const skew = Math.abs(gap) > TRUSTED_SKEW_MS ? gap : 0;
    const tick = () => {
      const left = deadline - (Date.now() + skew);
      setRemaining(left);
      // Only changes of the phrase reach the live region, so it speaks at the boundaries alone.
      const phrase = spoken(left);
      if (phrase) setAnnouncement(phrase);
      if (left <= 0 && !expired.current) {
        expired.current = true;
        onExpireRef.current();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline, serverNow]);

  const urgent = remaining <= 60_000;
  return (
    <div
      className={`flex flex-wrap items-center justify-between gap-3 rounded-xl p-4 ring-1 ${
        urgent ? "bg-red-50 text-red-900 ring-red-200" : "bg-amber-50 text-amber-950 ring-amber-200"
      }`}
    >
      <p>
        {waitlisted ? (
          <>
            <span className="font-semibold">Your place on the waiting list is kept for you.</span> Pay before the timer runs out, or you lose it.
          </>
        ) : (
          <>
            <span className="font-semibold">Your seats are held for you.</span> Pay before the timer runs out, or they go back on sale.
          </>
        )}
      </p>
      <p className="text-3xl font-bold tabular-nums" role="timer" aria-label="Time left to pay" data-testid="hold-countdown">
        {formatRemaining(remaining)}
      </p>
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
