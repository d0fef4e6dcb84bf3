// OPERATOR_TIME_ZONE as a constant, for modules that name the zone at load (a server reads its
// environment once: lib/config). Code that runs per call should prefer operatorTimeZone().
import { operatorTimeZone } from "@/lib/config";

export const OPERATOR_TIME_ZONE = operatorTimeZone();
