import * as v from 'valibot';
import { lintQuery } from '../arxiv/query-lint';
import { boolean, epochMs, fieldPath, integer, list, nonEmptyText, oneOf, record, text } from './checks';
import { categoryId } from './entry';
import { LIMITS, SUBSCRIPTION_KINDS } from './limits';

const SUBSCRIPTION_ID = /^[A-Za-z0-9_-]+$/;

export const subscriptionId = () =>
  v.pipe(
    nonEmptyText(LIMITS.subscriptionId),
    v.check((id) => SUBSCRIPTION_ID.test(id), 'expected letters, digits, "-" and "_" only'),
    // Ids key plain objects (counts per subscription): "__proto__" would silently drop its entries.
    v.check((id) => !(id in Object.prototype), (issue) => `"${String(issue.input)}" is a reserved name`),
  );

/** What a subscription watches on arXiv. */
const queryEntries = {
  kind: oneOf(SUBSCRIPTION_KINDS),
  /** A phrase, an author name, a category id such as `cs.DC`, or the user's own arXiv query. */
  value: nonEmptyText(LIMITS.query),
  /** Limit to these categories (`AND (cat:a OR cat:b)`); empty for no limit. */
  categories: list(categoryId(), LIMITS.terms),
  /** Terms the results must not contain (`ANDNOT`). */
  exclude: list(text(LIMITS.term), LIMITS.terms),
};

/** A query arXiv would refuse could never sync: better said before it is kept than after every sync. */
const arxivAccepts = <T extends v.InferOutput<typeof QueryFields>>() =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const problem of lintQuery(dataset.value)) {
      if (problem.severity !== 'error') continue;
      addIssue({ message: problem.message, path: fieldPath(dataset.value, 'value') });
    }
  });

/** A query's fields, before arXiv's rules are applied (a preview says what arXiv would refuse in its own words). */
export const QueryFields = record(queryEntries);
export const SubscriptionQuerySchema = v.pipe(QueryFields, arxivAccepts<v.InferOutput<typeof QueryFields>>());

const SubscriptionFields = record({
    ...queryEntries,
    /** Random, stable; never reused. */
    id: subscriptionId(),
    /** Shown on chips and in notifications; defaults to the value. */
    label: text(LIMITS.label),
    enabled: boolean(),
    /** Position in the user's list. */
    order: integer(0, Number.MAX_SAFE_INTEGER),
    /** Epoch ms. */
    createdAt: epochMs(),
});
export const SubscriptionSchema = v.pipe(SubscriptionFields, arxivAccepts<v.InferOutput<typeof SubscriptionFields>>());

/** The fields of a subscription, as exported and synced. */
export const SUBSCRIPTION_KEYS = ['id', 'kind', 'value', 'categories', 'exclude', 'label', 'enabled', 'order', 'createdAt'] as const satisfies readonly (keyof v.InferOutput<typeof SubscriptionSchema>)[];
