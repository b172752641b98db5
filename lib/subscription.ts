/** What a subscription watches on arXiv. */
export type SubscriptionKind = 'keyword' | 'author' | 'category' | 'raw';

export interface SubscriptionQuery {
  kind: SubscriptionKind;
  /** A phrase, an author name, a category id such as `cs.DC`, or the user's own arXiv query. */
  value: string;
  /** Limit to these categories (`AND (cat:a OR cat:b)`); empty for no limit. */
  categories: string[];
  /** Terms the results must not contain (`ANDNOT`). */
  exclude: string[];
}

export interface Subscription extends SubscriptionQuery {
  /** Random, stable; never reused. */
  id: string;
  /** Shown on chips and in notifications; defaults to the value. */
  label: string;
  enabled: boolean;
  /** Position in the user's list. */
  order: number;
  /** Epoch ms. */
  createdAt: number;
}
