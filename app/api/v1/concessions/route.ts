// The concessions on sale now (docs/decisions/041): what a passenger's `concession` in POST
// /api/v1/bookings may name, who each is for, its discount and the proof the conductor may ask for.
import { json, route } from "@/lib/http";
import { concessionsOnSale } from "@/lib/fares/concessions";

export const GET = route({ access: "public" }, async () => json({ concessions: await concessionsOnSale() }));
