import type { ReactNode } from "react";
import { requireAdmin } from "@/lib/auth/current-user";
import { AdminNav } from "@/components/admin/admin-nav";

// Every operator page sits under this layout. Each page also calls requireAdmin() itself:
// Next.js renders layouts and pages in parallel, so a layout check alone would not stop a
// page's own queries from running for a passenger.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return (
    <div className="space-y-6">
      <AdminNav />
      {children}
    </div>
  );
}
