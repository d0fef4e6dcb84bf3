import { LoadingPanel } from "@/components/admin/ops/loading-panel";

export default function Loading() {
  return <LoadingPanel label="Counting the rows…" />;
}
