import { labelProblem, LimitError, queryLimitProblems } from '../schema/user-text';
import type { Subscription, SubscriptionQuery } from '../subscription';
import { db } from './db';
import { editPapers } from './papers';
import { forgetSubscription } from './retention';

export async function listSubscriptions(): Promise<Subscription[]> {
  return db.subscriptions.orderBy('order').toArray();
}

export async function enabledSubscriptions(): Promise<Subscription[]> {
  return (await listSubscriptions()).filter((s) => s.enabled);
}

export interface NewSubscription extends SubscriptionQuery {
  label?: string;
  enabled?: boolean;
}

/**
 * Refuses what a backup could not hold (text over Paper Radar's limits): the forms say so as
 * the user types; this is the last word. (A query arXiv would refuse is the forms' to stop, and
 * the sync never sends one: the linter stays out of the pages' first scripts.)
 */
function checkStorable(subscription: Pick<Subscription, 'value' | 'categories' | 'exclude' | 'label'>): void {
  const problems = queryLimitProblems(subscription);
  const label = labelProblem(subscription.label);
  if (label) problems.push(label);
  if (problems.length > 0) throw new LimitError(problems.join(' '));
}

export async function addSubscription(
  input: NewSubscription,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): Promise<Subscription> {
  return db.transaction('rw', db.subscriptions, async () => {
    const last = await db.subscriptions.orderBy('order').last();
    const subscription: Subscription = {
      id: newId(),
      kind: input.kind,
      value: input.value.trim(),
      categories: [...input.categories],
      exclude: [...input.exclude],
      label: input.label?.trim() || input.value.trim(),
      enabled: input.enabled ?? true,
      order: (last?.order ?? -1) + 1,
      createdAt: now,
    };
    checkStorable(subscription);
    await db.subscriptions.add(subscription);
    return subscription;
  });
}

export type SubscriptionChanges = Partial<Pick<Subscription, 'kind' | 'value' | 'categories' | 'exclude' | 'label' | 'enabled'>>;

/** Updates a subscription. A changed query starts its sync afresh. */
export async function updateSubscription(id: string, changes: SubscriptionChanges): Promise<void> {
  await db.transaction('rw', db.subscriptions, db.syncStatus, async () => {
    const before = await db.subscriptions.get(id);
    if (!before) throw new Error('This subscription no longer exists.');
    checkStorable({ ...before, ...changes });
    await db.subscriptions.update(id, changes);
    const queryChanged = (['kind', 'value', 'categories', 'exclude'] as const).some(
      (key) => key in changes && JSON.stringify(changes[key]) !== JSON.stringify(before[key]),
    );
    if (queryChanged) await db.syncStatus.delete(id);
  });
}

/** Puts subscriptions in the given order (ids not listed keep their relative order after them). */
export async function reorderSubscriptions(ids: string[]): Promise<void> {
  await db.transaction('rw', db.subscriptions, async () => {
    const all = await db.subscriptions.orderBy('order').toArray();
    const rank = new Map(ids.map((id, i) => [id, i]));
    const ordered = [...all].sort((a, b) => (rank.get(a.id) ?? ids.length + a.order) - (rank.get(b.id) ?? ids.length + b.order));
    await db.subscriptions.bulkPut(ordered.map((s, order) => ({ ...s, order })));
  });
}

/** Deletes a subscription; papers only it matched go too, saved papers stay. Returns it for undo. */
export async function deleteSubscription(id: string): Promise<Subscription | undefined> {
  const subscription = await db.subscriptions.get(id);
  if (!subscription) return undefined;
  await db.transaction('rw', [db.subscriptions, db.syncStatus, db.papers, db.library], async () => {
    await db.subscriptions.delete(id);
    await db.syncStatus.delete(id);
    await forgetSubscription(id);
  });
  return subscription;
}

/** Puts a deleted subscription back (undo); its papers return with the next sync. */
export async function restoreSubscription(subscription: Subscription): Promise<void> {
  await db.subscriptions.put(subscription);
}

/** Adds subscriptions as given, ids and order included (an import's plan). */
export async function putSubscriptions(subscriptions: readonly Subscription[]): Promise<void> {
  if (subscriptions.length > 0) await db.subscriptions.bulkAdd([...subscriptions]);
}

export async function subscriptionCount(): Promise<number> {
  return db.subscriptions.count();
}

/** The labels of the subscriptions among `ids` that exist, in the order of `ids`. */
export async function subscriptionLabels(ids: readonly string[]): Promise<string[]> {
  return (await db.subscriptions.bulkGet([...ids])).flatMap((s) => (s ? [s.label] : []));
}

/**
 * Gives a subscription another id (the same subscription under the id another browser gave it):
 * its papers and sync status follow, so nothing is fetched again or read twice.
 */
export async function renameSubscription(from: string, to: string): Promise<void> {
  await db.transaction('rw', [db.subscriptions, db.syncStatus, db.papers], async () => {
    const subscription = await db.subscriptions.get(from);
    if (!subscription || from === to) return;
    await db.subscriptions.put({ ...subscription, id: to });
    await db.subscriptions.delete(from);
    const status = await db.syncStatus.get(from);
    if (status) {
      await db.syncStatus.put({ ...status, subscriptionId: to });
      await db.syncStatus.delete(from);
    }
    const ids = (await db.papers.where('subs').equals(from).primaryKeys()) as string[];
    await editPapers(ids, (p) => ({ ...p, subs: [...new Set(p.subs.map((s) => (s === from ? to : s)))] }));
  });
}
