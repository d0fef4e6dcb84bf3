// The rule topics the assistant explains (lib/assistant/policy.ts). Prisma-free.
export const POLICY_TOPICS = ["holds", "payment", "cancellation", "refunds", "waitlist", "chart"] as const;
export type PolicyTopic = (typeof POLICY_TOPICS)[number];
