// The Tricity - Warszawa - Kraków corridor: four departures a day from Gdańsk Główny to Kraków
// Główny spread from morning to night, and a return working. Times in comments are local
// (Europe/Warsaw); offsets are minutes after the origin departure.
import { clock, composition, reverseStops, stop, type SeedTrain } from "./train-builder";

/** Express InterCity: two first-class 2+1 coaches and six second-class 2+2 coaches (468 seats). */
export const EIC_COMPOSITION = composition(
  ["1", "A-2+1-42"], ["2", "A-2+1-42"],
  ["3", "B-2+2-64"], ["4", "B-2+2-64"], ["5", "B-2+2-64"], ["6", "B-2+2-64"], ["7", "B-2+2-64"], ["8", "B-2+2-64"],
);

/** Gdynia - Kraków by the E65 and the CMK high-speed line: Gdańsk - Warszawa 2 h 50, Warszawa - Kraków 2 h 20. */
const EIC_TRICITY_KRAKOW = [
  stop("GDY", null, "0:00", 0, "1"),
  stop("SOP", "0:09", "0:10", 9, "1"),
  stop("GDW", "0:16", "0:17", 16, "2"),
  stop("GDG", "0:22", "0:25", 21, "3"),
  stop("MBK", "0:55", "0:56", 79, "2"),
  stop("ILG", "1:33", "1:34", 142, "1"),
  stop("WWS", "3:05", "3:08", 340, "4"),
  stop("WCE", "3:15", "3:25", 344, "2"),
  stop("KRK", "5:45", null, 637, "4"),
];

export const GDANSK_KRAKOW_TRAINS: SeedTrain[] = [
  {
    // Gdynia 05:40, Gdańsk Główny 06:05, Warszawa Centralna 08:55, Kraków Główny 11:25.
    number: "EIC 5300",
    name: "Neptun",
    type: "EXPRESS_INTERCITY",
    originDepartureMinutes: clock("05:40"),
    stops: EIC_TRICITY_KRAKOW,
    coaches: EIC_COMPOSITION,
    quotas: [{ classCode: "SECOND", quotaCode: "SENIOR", seatCount: 16 }],
  },
  {
    // Gdynia 09:40, Gdańsk Główny 10:05, Warszawa Centralna 12:55, Kraków Główny 15:25.
    number: "EIC 5302",
    name: "Kaszuby",
    type: "EXPRESS_INTERCITY",
    originDepartureMinutes: clock("09:40"),
    stops: EIC_TRICITY_KRAKOW,
    coaches: EIC_COMPOSITION,
    quotas: [],
  },
  {
    // Slower, via Radom and Kielce: Gdańsk Główny 13:47, Warszawa Centralna 17:02, Kielce 19:45, Kraków 21:55.
    number: "TLK 5312",
    name: "Pomorzanin",
    type: "TLK",
    originDepartureMinutes: clock("13:20"),
    stops: [
      stop("GDY", null, "0:00", 0, "2"),
      stop("SOP", "0:10", "0:11", 9, "2"),
      stop("GDW", "0:17", "0:18", 16, "1"),
      stop("GDG", "0:24", "0:27", 21, "4"),
      stop("MBK", "1:04", "1:06", 79, "1"),
      stop("ILG", "1:50", "1:52", 142, "2"),
      stop("DZL", "2:25", "2:27", 202, "1"),
      stop("WWS", "3:32", "3:35", 340, "3"),
      stop("WCE", "3:42", "3:52", 344, "3"),
      stop("KIE", "6:25", "6:28", 529, "2"),
      stop("KRK", "8:35", null, 673, "2"),
    ],
    coaches: composition(["1", "A-2+1-42"], ["2", "B-2+2-64"], ["3", "B-2+2-64"], ["4", "B-2+2-64"], ["5", "B-2+2-64"], ["6", "B-2+2-64"]),
    quotas: [],
  },
  {
    // Night train to the mountains. Gdańsk Główny 22:18; after midnight: Warszawa Centralna 02:35,
    // Kielce 05:10, Kraków Główny 06:50 (the next local date), Zakopane 10:30.
    number: "TLK 53170",
    name: "Giewont",
    type: "NIGHT",
    originDepartureMinutes: clock("21:50"),
    stops: [
      stop("GDY", null, "0:00", 0, "3"),
      stop("SOP", "0:10", "0:11", 9, "2"),
      stop("GDW", "0:17", "0:18", 16, "2"),
      stop("GDG", "0:24", "0:28", 21, "1"),
      stop("MBK", "1:06", "1:08", 79, "2"),
      stop("ILG", "1:55", "1:58", 142, "1"),
      stop("DZL", "2:33", "2:35", 202, "2"),
      stop("WWS", "4:10", "4:20", 340, "5"),
      stop("WCE", "4:28", "4:45", 344, "4"),
      stop("KIE", "7:20", "7:25", 529, "1"),
      stop("KRK", "9:00", "9:25", 673, "5"),
      stop("ZAK", "12:40", null, 820, "1"),
    ],
    coaches: composition(["S1", "S-6B-72"], ["S2", "S-6B-72"], ["WL3", "WL-4C-36"], ["B4", "B-2+2-64"], ["B5", "B-2+2-64"]),
    // Two compartments for women travelling alone and two for seniors, at the back of WL3.
    quotas: [
      { classCode: "SLEEPER", quotaCode: "LADIES", seatCount: 8 },
      { classCode: "SLEEPER", quotaCode: "SENIOR", seatCount: 8 },
    ],
  },
  {
    // The return working: Kraków Główny 15:35, Warszawa Centralna 17:55, Gdańsk Główny 20:55, Gdynia 21:20.
    number: "EIC 3501",
    name: "Neptun",
    type: "EXPRESS_INTERCITY",
    originDepartureMinutes: clock("15:35"),
    stops: reverseStops(EIC_TRICITY_KRAKOW),
    coaches: EIC_COMPOSITION,
    quotas: [{ classCode: "SECOND", quotaCode: "SENIOR", seatCount: 16 }],
  },
];
