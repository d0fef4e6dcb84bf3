// Return workings (issue 15: a believable timetable): every seeded train also runs the other way,
// with the forward working's running and dwell times (reverseStops), composition, quotas and days,
// at the times a railway would turn it round. And the trunk routes run more than once a day, so
// journeys with a change and return trips are real in the demo. Times are local at the origin.
import { EIC_COMPOSITION, GDANSK_KRAKOW_TRAINS } from "./trains-gdansk-krakow";
import { OTHER_TRAINS } from "./trains-other";
import { clock, reverseStops, stop, type SeedTrain } from "./train-builder";

/** The way back of a forward train, leaving its terminus at `departs` (local time there). */
function returnOf(forward: SeedTrain, number: string, departs: string, name = forward.name): SeedTrain {
  return { ...forward, number, name, originDepartureMinutes: clock(departs), stops: reverseStops(forward.stops) };
}

const byNumber = (number: string): SeedTrain => {
  const train = [...GDANSK_KRAKOW_TRAINS, ...OTHER_TRAINS].find((t) => t.number === number);
  if (!train) throw new Error(`no seed train ${number}`);
  return train;
};

/** Warszawa - Poznań, the afternoon working of the Wielkopolanin's route. */
const WARSZAWA_POZNAN_AFTERNOON: SeedTrain = {
  number: "EIC 1702",
  name: "Warta",
  type: "EXPRESS_INTERCITY",
  // Warszawa Wschodnia 15:05, Centralna 15:20, Poznań Główny 17:55.
  originDepartureMinutes: clock("15:05"),
  stops: [
    stop("WWS", null, "0:00", 0, "2"),
    stop("WCE", "0:07", "0:15", 4, "3"),
    stop("KUT", "1:12", "1:14", 131, "1"),
    stop("KON", "1:58", "2:00", 224, "2"),
    stop("POZ", "2:50", null, 308, "4"),
  ],
  coaches: EIC_COMPOSITION,
  quotas: [],
};

/** Warszawa - Katowice by the CMK every day, not only for the weekday commuters. */
const WARSZAWA_KATOWICE_MIDDAY: SeedTrain = {
  number: "EIC 1402",
  name: "Ślązak",
  type: "EXPRESS_INTERCITY",
  // Warszawa Wschodnia 10:20, Centralna 10:35, Katowice 13:15.
  originDepartureMinutes: clock("10:20"),
  stops: [stop("WWS", null, "0:00", 0, "1"), stop("WCE", "0:07", "0:15", 4, "2"), stop("KAT", "2:55", null, 301, "3")],
  coaches: EIC_COMPOSITION,
  quotas: [],
};

export const RETURN_TRAINS: SeedTrain[] = [
  WARSZAWA_KATOWICE_MIDDAY,
  // Katowice 14:30 - Warszawa Centralna 17:10.
  returnOf(WARSZAWA_KATOWICE_MIDDAY, "EIC 4102", "14:30"),
  // Kraków Główny 06:35 - Warszawa Centralna 08:55 - Gdańsk Główny 11:55 - Gdynia 12:20 (the
  // afternoon return, EIC 3501, is in trains-gdansk-krakow.ts).
  returnOf(byNumber("EIC 5300"), "EIC 3500", "06:35", "Kaszuby"),
  // Kraków 06:05 by Kielce and Radom to Gdańsk Główny 14:10.
  returnOf(byNumber("TLK 5312"), "TLK 3512", "06:05"),
  // The night train back from the mountains: Zakopane 19:05, Kraków, Warszawa, Gdynia next morning.
  returnOf(byNumber("TLK 53170"), "TLK 35170", "19:05"),
  // Poznań Główny 11:00 - Warszawa Centralna 13:35; and 19:00 - 21:35.
  returnOf(byNumber("EIC 1700"), "EIC 7100", "11:00"),
  WARSZAWA_POZNAN_AFTERNOON,
  returnOf(WARSZAWA_POZNAN_AFTERNOON, "EIC 7102", "19:00"),
  // Przemyśl 06:20 - Kraków 09:45 - Wrocław 13:25 - Poznań 15:20 - Szczecin 17:55.
  returnOf(byNumber("IC 8300"), "IC 3800", "06:20"),
  // The commuter expresses go home in the evening, Monday to Friday.
  returnOf(byNumber("TLK 18102"), "TLK 81102", "16:40"),
  returnOf(byNumber("EIC 1400"), "EIC 4100", "17:05"),
  // Warszawa 15:45 - Łódź 17:20 - Wrocław 20:40.
  returnOf(byNumber("IC 6100"), "IC 1600", "15:38"),
  // Vilnius 08:40 (Lithuanian time) - Kaunas - Suwałki - Warszawa Centralna 15:00 (Polish time).
  returnOf(byNumber("IC 14103"), "IC 30141", "08:40"),
  // Night train back from Ukraine: Lviv 22:10 (Kyiv time), Przemyśl, Kraków Główny early morning.
  returnOf(byNumber("IC 30171"), "IC 17103", "22:10"),
];
