"use client";
// The seat-map page's state: class, quota, the seats picked (in order: the first goes to passenger
// 1), "choose for me", and the passengers. It keeps the picks honest against live availability:
// when a refresh shows a picked seat taken by someone else, the seat is dropped and a polite
// live region says so, without a reload.
import { useMemo, useState } from "react";
import { SeatMap } from "@/components/seat-map/seat-map";
import { placeName, type MapCoach, type MapSeat } from "@/components/seat-map/seat-labels";
import { useRefreshSeatMap, useSeatMap } from "@/components/seat-map/use-seat-map";
import { MAX_PASSENGERS } from "@/lib/schemas/booking";
import type { ConcessionTerms } from "@/lib/fares/concession-terms";
import { BookingForm } from "./booking-form";
import { emptyPassenger, type BerthPreference, type PassengerDraft } from "./passenger-fields";
import { QuotaSelect } from "./quota-select";
import { clearDraft, draftKey, useBookingDraft } from "./use-booking-draft";

interface Props {
  serviceId: string;
  from: string;
  to: string;
  classes: { class: string; className: string; fare: { amount: number; currency: string } }[];
  initialClass: string;
  initialPassengers: number;
  quotaNames: Record<string, string>;
  /** On sale now, for the per-passenger choice and the fare preview; the server prices the hold. */
  concessions: ConcessionTerms[];
  signInHref: string | null;
}

const BERTH_ORDER: BerthPreference[] = ["LOWER", "MIDDLE", "UPPER", "SIDE_LOWER", "SIDE_UPPER"];

function listNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export function BookingPlanner({ serviceId, from, to, classes, initialClass, initialPassengers, quotaNames, concessions, signInHref }: Props) {
  const map = useSeatMap(serviceId, from, to);
  const refresh = useRefreshSeatMap(serviceId, from, to);
  const [classCode, setClassCode] = useState(initialClass);
  const [quota, setQuota] = useState("GENERAL");
  const [picked, setPicked] = useState<string[]>([]);
  const [auto, setAuto] = useState(false);
  const count = Math.min(Math.max(initialPassengers, 1), MAX_PASSENGERS);
  const [passengers, setPassengers] = useState<PassengerDraft[]>(() => Array.from({ length: count }, emptyPassenger));
  const [notice, setNotice] = useState("");
  const [booked, setBooked] = useState(false);
  const storedAs = draftKey(serviceId, from, to);
  useBookingDraft(
    storedAs,
    { classCode, quota, picked, auto, passengers },
    (saved) => {
      if (saved.classCode && classes.some((c) => c.class === saved.classCode)) setClassCode(saved.classCode);
      if (saved.quota) setQuota(saved.quota);
      if (saved.picked) setPicked(saved.picked.slice(0, MAX_PASSENGERS));
      if (saved.auto !== undefined) setAuto(saved.auto);
      // Fields added to PassengerDraft since the draft was written start empty.
      if (saved.passengers) setPassengers(saved.passengers.slice(0, MAX_PASSENGERS).map((p) => ({ ...emptyPassenger(), ...p })));
    },
    !booked,
  );

  const seats = useMemo(() => {
    const byId = new Map<string, { coach: MapCoach; seat: MapSeat }>();
    for (const coach of map.data?.coaches ?? []) for (const seat of coach.seats) byId.set(seat.seatId, { coach, seat });
    return byId;
  }, [map.data]);
  const describe = (seatId: string) => {
    const found = seats.get(seatId);
    return found ? placeName(found.coach.coach, found.seat) : undefined;
  };

  // Adjusting state while rendering (not in an effect) so the dropped seat never shows as picked.
  const [seenData, setSeenData] = useState(map.data);
  if (map.data !== seenData && !booked) {
    setSeenData(map.data);
    const lost = picked.filter((id) => seats.get(id)?.seat.available === false);
    if (lost.length > 0) {
      setPicked(picked.filter((id) => !lost.includes(id)));
      const names = lost.map((id) => describe(id)!);
      setNotice(`${listNames(names)} ${lost.length === 1 ? "was" : "were"} just taken by someone else and ${lost.length === 1 ? "is" : "are"} no longer selected. Please pick another.`);
    }
  }

  const classCoaches = (map.data?.coaches ?? []).filter((c) => c.class === classCode);
  const quotas = [...new Set(classCoaches.flatMap((c) => c.seats.map((s) => s.quota)))].sort((a, b) =>
    a === "GENERAL" ? -1 : b === "GENERAL" ? 1 : a.localeCompare(b),
  );
  const freeHere = classCoaches.reduce((n, c) => n + c.seats.filter((s) => s.available && s.quota === quota).length, 0);
  // Too few seats for the party in this class and quota: the form offers the waiting list instead.
  const soldOut = Boolean(map.data) && !booked && freeHere < passengers.length;
  const sleeper = classCoaches[0]?.kind === "SLEEPER";
  const berthsHere = new Set<string | null>(classCoaches.flatMap((c) => c.seats.map((s) => s.berth)));
  const preferences: BerthPreference[] = ["NONE", ...(sleeper ? BERTH_ORDER.filter((b) => berthsHere.has(b)) : (["WINDOW", "AISLE"] as const))];

  function toggle(seat: MapSeat, coach: MapCoach) {
    const name = placeName(coach.coach, seat);
    if (picked.includes(seat.seatId)) {
      setPicked(picked.filter((id) => id !== seat.seatId));
      setNotice(`${name} is no longer selected.`);
    } else if (!seat.available) {
      setNotice(`${name} is taken. Choose a free one.`);
    } else if (seat.quota !== quota) {
      setNotice(`${name} is kept for the ${quotaNames[seat.quota] ?? seat.quota} quota.`);
    } else if (!auto && picked.length >= passengers.length && passengers.length > 1) {
      setNotice(`You have a seat for each of your ${passengers.length} passengers. Deselect one first, or add a passenger.`);
    } else {
      // One passenger: a new pick replaces the old one. Picking on the map also means "not for me, thanks".
      const kept = auto || passengers.length === 1 ? [] : picked;
      setAuto(false);
      setPicked([...kept, seat.seatId]);
      setNotice(`${name} selected for passenger ${kept.length + 1}.`);
    }
  }

  function changeClass(code: string) {
    if (code === classCode) return;
    setClassCode(code);
    setQuota("GENERAL");
    setPicked([]);
  }

  function changePassengers(next: PassengerDraft[]) {
    setPassengers(next);
    if (picked.length > next.length) setPicked(picked.slice(0, next.length));
  }

  return (
    <div className="space-y-6">
      <SeatMap
        map={map.data}
        loadError={map.isError && !map.data ? "We could not load the seat map. Check your connection and try again." : null}
        onRetry={() => void map.refetch()}
        classes={classes}
        classCode={classCode}
        onClassChange={changeClass}
        quota={quota}
        quotaNames={quotaNames}
        selected={new Set(auto ? [] : picked)}
        onToggle={toggle}
        toolbar={
          quotas.length > 1 ? (
            <QuotaSelect
              quotas={quotas}
              names={quotaNames}
              value={quota}
              onChange={(q) => {
                setQuota(q);
                setPicked([]);
              }}
            />
          ) : null
        }
      />
      <p role="status" aria-live="polite" className={notice ? "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200" : "sr-only"}>
        {notice}
      </p>
      <BookingForm
        request={{ serviceId, from, to, classCode, quota, seatIds: picked }}
        passengers={passengers}
        onPassengersChange={changePassengers}
        auto={auto}
        onAutoChange={setAuto}
        describeSeat={describe}
        onSeatsTaken={(ids) => {
          setPicked((current) => current.filter((id) => !ids.includes(id)));
          void refresh();
        }}
        onBooked={() => {
          setBooked(true);
          clearDraft(storedAs);
        }}
        preferences={preferences}
        concessions={concessions}
        fare={classes.find((c) => c.class === classCode)?.fare ?? null}
        signInHref={signInHref}
        soldOut={soldOut}
      />
    </div>
  );
}
