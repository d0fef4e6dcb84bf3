// The demo network's data, in one import for the seeder and its tests.
import { GDANSK_KRAKOW_TRAINS } from "./trains-gdansk-krakow";
import { OTHER_TRAINS } from "./trains-other";
import { RETURN_TRAINS } from "./trains-return";
import type { SeedTrain } from "./train-builder";

export { STATIONS, type SeedStation } from "./stations";
export { COACH_TYPES, CONCESSIONS, CONCESSION_DISCOUNTS, DEMO_USERS, EXCHANGE_RULES, FARE_RATES, QUOTAS, REFUND_RULES, TRAVEL_CLASSES, type SeedCoachType } from "./reference";
export type { SeedTrain, SeedStop, SeedCoach, SeedQuota } from "./train-builder";

export const TRAINS: readonly SeedTrain[] = [...GDANSK_KRAKOW_TRAINS, ...OTHER_TRAINS, ...RETURN_TRAINS];

/** Services are generated for this many days from today unless the caller asks otherwise: 30 days, as PKP Intercity opens sales (and what `npm start` seeds in reasonable time). */
export const DEFAULT_SEED_DAYS = 30;

