// Stations of the demo network: a Polish core plus Lithuania and Ukraine, whose clocks run an hour
// ahead of Poland's, so every screen that shows a time has to use the station's own zone.
// Codes are short operator-style codes (ASCII, so they can be typed); names keep their diacritics.
export interface SeedStation {
  code: string;
  name: string;
  city: string;
  timeZone: string;
}

const PL = "Europe/Warsaw";

export const STATIONS: readonly SeedStation[] = [
  { code: "GDY", name: "Gdynia Główna", city: "Gdynia", timeZone: PL },
  { code: "SOP", name: "Sopot", city: "Sopot", timeZone: PL },
  { code: "GDW", name: "Gdańsk Wrzeszcz", city: "Gdańsk", timeZone: PL },
  { code: "GDG", name: "Gdańsk Główny", city: "Gdańsk", timeZone: PL },
  { code: "MBK", name: "Malbork", city: "Malbork", timeZone: PL },
  { code: "ILG", name: "Iława Główna", city: "Iława", timeZone: PL },
  { code: "DZL", name: "Działdowo", city: "Działdowo", timeZone: PL },
  { code: "WWS", name: "Warszawa Wschodnia", city: "Warszawa", timeZone: PL },
  { code: "WCE", name: "Warszawa Centralna", city: "Warszawa", timeZone: PL },
  { code: "KUT", name: "Kutno", city: "Kutno", timeZone: PL },
  { code: "KON", name: "Konin", city: "Konin", timeZone: PL },
  { code: "POZ", name: "Poznań Główny", city: "Poznań", timeZone: PL },
  { code: "SZC", name: "Szczecin Główny", city: "Szczecin", timeZone: PL },
  { code: "BYD", name: "Bydgoszcz Główna", city: "Bydgoszcz", timeZone: PL },
  { code: "TOR", name: "Toruń Główny", city: "Toruń", timeZone: PL },
  { code: "LDF", name: "Łódź Fabryczna", city: "Łódź", timeZone: PL },
  { code: "WRO", name: "Wrocław Główny", city: "Wrocław", timeZone: PL },
  { code: "KAT", name: "Katowice", city: "Katowice", timeZone: PL },
  { code: "KIE", name: "Kielce", city: "Kielce", timeZone: PL },
  { code: "KRK", name: "Kraków Główny", city: "Kraków", timeZone: PL },
  { code: "ZAK", name: "Zakopane", city: "Zakopane", timeZone: PL },
  { code: "TAR", name: "Tarnów", city: "Tarnów", timeZone: PL },
  { code: "RZE", name: "Rzeszów Główny", city: "Rzeszów", timeZone: PL },
  { code: "PRZ", name: "Przemyśl Główny", city: "Przemyśl", timeZone: PL },
  { code: "BIA", name: "Białystok", city: "Białystok", timeZone: PL },
  { code: "SUW", name: "Suwałki", city: "Suwałki", timeZone: PL },
  { code: "KAU", name: "Kaunas", city: "Kaunas", timeZone: "Europe/Vilnius" },
  { code: "VIL", name: "Vilnius", city: "Vilnius", timeZone: "Europe/Vilnius" },
  { code: "LVV", name: "Lviv", city: "Lviv", timeZone: "Europe/Kyiv" },
];
