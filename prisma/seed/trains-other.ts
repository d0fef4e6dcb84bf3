// The rest of the network: Poznań, Szczecin - Przemyśl, commuter expresses into Warszawa (two of
// them Monday to Friday only), and the two cross-border trains whose far ends keep Lithuanian and
// Ukrainian time (one hour ahead of Poland all year). Times in comments are local at each station.
import { EIC_COMPOSITION } from "./trains-gdansk-krakow";
import { MONDAY_TO_FRIDAY, clock, composition, stop, type SeedTrain } from "./train-builder";

/** InterCity / TLK day train: one first-class and five second-class coaches (362 seats). */
const IC_COMPOSITION = composition(
  ["1", "A-2+1-42"], ["2", "B-2+2-64"], ["3", "B-2+2-64"], ["4", "B-2+2-64"], ["5", "B-2+2-64"], ["6", "B-2+2-64"],
);

export const OTHER_TRAINS: SeedTrain[] = [
  {
    // Warszawa Centralna 07:30 - Poznań Główny 10:05.
    number: "EIC 1700",
    name: "Wielkopolanin",
    type: "EXPRESS_INTERCITY",
    originDepartureMinutes: clock("07:15"),
    stops: [
      stop("WWS", null, "0:00", 0, "3"),
      stop("WCE", "0:07", "0:15", 4, "1"),
      stop("KUT", "1:12", "1:14", 131, "2"),
      stop("KON", "1:58", "2:00", 224, "1"),
      stop("POZ", "2:50", null, 308, "5"),
    ],
    coaches: EIC_COMPOSITION,
    quotas: [],
  },
  {
    // Across the country: Szczecin 05:05, Poznań 07:40, Wrocław 09:35, Katowice 12:05,
    // Kraków Główny 13:20, Rzeszów 15:23, Przemyśl Główny 16:40.
    number: "IC 8300",
    name: "Przemyślanin",
    type: "INTERCITY",
    originDepartureMinutes: clock("05:05"),
    stops: [
      stop("SZC", null, "0:00", 0, "2"),
      stop("POZ", "2:25", "2:35", 214, "4"),
      stop("WRO", "4:20", "4:30", 379, "3"),
      stop("KAT", "6:55", "7:00", 576, "4"),
      stop("KRK", "8:05", "8:15", 654, "3"),
      stop("TAR", "9:10", "9:12", 732, "2"),
      stop("RZE", "10:15", "10:18", 813, "3"),
      stop("PRZ", "11:35", null, 902, "1"),
    ],
    coaches: IC_COMPOSITION,
    quotas: [],
  },
  {
    // Monday to Friday commuter express: Bydgoszcz 05:55, Toruń 06:37, Warszawa Centralna 09:15.
    number: "TLK 18102",
    name: "Kujawiak",
    type: "TLK",
    originDepartureMinutes: clock("05:55"),
    weekdays: MONDAY_TO_FRIDAY,
    stops: [
      stop("BYD", null, "0:00", 0, "2"),
      stop("TOR", "0:40", "0:42", 51, "1"),
      stop("KUT", "1:58", "2:00", 158, "3"),
      stop("WCE", "3:20", "3:28", 285, "3"),
      stop("WWS", "3:35", null, 289, "2"),
    ],
    coaches: IC_COMPOSITION,
    quotas: [],
  },
  {
    // Monday to Friday: Katowice 06:10 - Warszawa Centralna 08:50 by the CMK.
    number: "EIC 1400",
    name: "Górnik",
    type: "EXPRESS_INTERCITY",
    originDepartureMinutes: clock("06:10"),
    weekdays: MONDAY_TO_FRIDAY,
    stops: [
      stop("KAT", null, "0:00", 0, "2"),
      stop("WCE", "2:40", "2:50", 297, "4"),
      stop("WWS", "2:57", null, 301, "1"),
    ],
    coaches: EIC_COMPOSITION,
    quotas: [],
  },
  {
    // Wrocław 06:40, Łódź Fabryczna 10:00, Warszawa Centralna 11:30.
    number: "IC 6100",
    name: "Ślężanin",
    type: "INTERCITY",
    originDepartureMinutes: clock("06:40"),
    stops: [
      stop("WRO", null, "0:00", 0, "1"),
      stop("LDF", "3:20", "3:25", 240, "2"),
      stop("WCE", "4:50", "5:00", 376, "1"),
      stop("WWS", "5:07", null, 380, "3"),
    ],
    coaches: IC_COMPOSITION,
    quotas: [],
  },
  {
    // Warszawa Centralna 07:10, Białystok 09:35, Suwałki 11:25; then Lithuanian time:
    // Kaunas 15:00 (14:00 in Poland), Vilnius 16:30.
    number: "IC 14103",
    name: "Hańcza",
    type: "INTERCITY",
    originDepartureMinutes: clock("07:10"),
    stops: [
      stop("WCE", null, "0:00", 0, "3"),
      stop("WWS", "0:07", "0:10", 4, "2"),
      stop("BIA", "2:25", "2:29", 187, "1"),
      stop("SUW", "4:15", "4:22", 291, "2"),
      stop("KAU", "6:50", "7:00", 420, "1"),
      stop("VIL", "8:20", null, 520, "2"),
    ],
    coaches: composition(["1", "A-2+1-42"], ["2", "B-2+2-64"], ["3", "B-2+2-64"], ["4", "B-2+2-64"], ["5", "B-2+2-64"]),
    quotas: [],
  },
  {
    // Night train to Ukraine: Kraków Główny 21:55, Rzeszów 00:07, Przemyśl 01:35-02:25 (border
    // checks), Lviv 05:30 Kyiv time (04:30 in Poland), on the next local date.
    number: "IC 30171",
    name: "Lwowiak",
    type: "NIGHT",
    originDepartureMinutes: clock("21:55"),
    stops: [
      stop("KRK", null, "0:00", 0, "5"),
      stop("TAR", "1:05", "1:07", 78, "1"),
      stop("RZE", "2:12", "2:15", 159, "2"),
      stop("PRZ", "3:40", "4:30", 248, "1"),
      stop("LVV", "6:35", null, 342, "4"),
    ],
    coaches: composition(["WL1", "WL-4C-36"], ["WL2", "WL-4C-36"], ["WL3", "WL-4C-36"], ["B4", "B-2+2-64"], ["B5", "B-2+2-64"]),
    quotas: [{ classCode: "SLEEPER", quotaCode: "LADIES", seatCount: 4 }],
  },
];
