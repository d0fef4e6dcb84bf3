import type { ReactNode } from "react";
import { requireDesk } from "@/lib/auth/current-user";
import { AdminNav } from "@/components/admin/admin-nav";

// Every operator page sits under this layout. Each page also calls requireAdmin() itself:
// Next.js renders layouts and pages in parallel, so a layout check alone would not stop a
// page's own queries from running for a passenger. The layout lets desk staff in (decision 031);
// every page but the bookings look-up then refuses them with requireAdmin().
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireDesk("/admin");
  return (
    <div className="space-y-6">
      <AdminNav role={user.role} />
      {children}
    </div>
  );
}
