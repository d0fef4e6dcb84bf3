// next-auth's own endpoints (session, CSRF, credentials callback, sign-out).
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;
