import type { InferOutput } from 'valibot';
import type { SubscriptionQuerySchema, SubscriptionSchema } from './schema/subscription';

export type { SubscriptionKind } from './schema/limits';

/** What a subscription watches on arXiv (the fields are described in lib/schema/subscription.ts). */
export type SubscriptionQuery = InferOutput<typeof SubscriptionQuerySchema>;

/** A subscription as stored, exported and synced. */
export type Subscription = InferOutput<typeof SubscriptionSchema>;
