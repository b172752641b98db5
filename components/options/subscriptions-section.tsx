import { useEffect, useRef, useState } from 'preact/hooks';
import { queryKey } from '../../lib/backup/merge';
import { paperCounts } from '../../lib/db/papers';
import type { SyncStatusRow } from '../../lib/db/schema';
import { listSyncStatuses } from '../../lib/db/sync-status';
import {
  addSubscription,
  deleteSubscription,
  listSubscriptions,
  reorderSubscriptions,
  restoreSubscription,
  updateSubscription,
} from '../../lib/db/subscriptions';
import type { Subscription } from '../../lib/subscription';
import { draftQuery, EMPTY_DRAFT, type Draft } from './draft';
import { asSentence, formatCount } from './format';
import { useServices } from './services';
import { SubscriptionForm } from './subscription-form';
import { SubscriptionRow, type RowActions } from './subscription-row';
import { UndoToast, type Toast } from './undo-toast';
import { useLiveQuery } from './use-live-query';

interface Overview {
  subscriptions: Subscription[];
  statuses: Map<string, SyncStatusRow>;
  counts: Map<string, number>;
}

async function overview(): Promise<Overview> {
  const subscriptions = await listSubscriptions();
  const [statuses, { bySubscription }] = await Promise.all([listSyncStatuses(), paperCounts(subscriptions.map((s) => s.id))]);
  return {
    subscriptions,
    statuses: new Map(statuses.map((row) => [row.subscriptionId, row])),
    counts: new Map(subscriptions.map((s) => [s.id, bySubscription[s.id] ?? 0])),
  };
}

function moved(ids: string[], id: string, by: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  [next[from], next[to]] = [next[to] as string, next[from] as string];
  return next;
}

/** The subscriptions: a form to add one, the list to edit, pause, reorder and delete them. */
export function SubscriptionsSection() {
  const { send, now, undoMs } = useServices();
  const data = useLiveQuery(overview, [], null);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  /** What a screen reader is told of a change it cannot see: a row moved, paused or resumed. */
  const [said, setSaid] = useState('');
  // The same words twice in a row change nothing a screen reader would hear: the second time ends in a no-break space.
  const say = (text: string) => setSaid((before) => (before === text ? `${text}\u00a0` : text));
  const section = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const toastCount = useRef(0);
  /**
   * Where the focus goes once the list is drawn again: back to the control of a moved row, into
   * the form of a row being edited (its query), to a row's Edit after its form closes, to the next
   * row after a delete, to a row restored by Undo. The focus was on a control that went away.
   */
  const focusAfter = useRef<{ id: string; control?: string } | null>(null);
  const subscriptions = data?.subscriptions ?? [];

  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted || !list.current) return;
    const row = Array.from(list.current.children).find((el) => (el as HTMLElement).dataset.subscriptionId === wanted.id) as HTMLElement | undefined;
    if (!row) return; // not drawn yet (a row Undo restores)
    const control = wanted.control ? row.querySelector<HTMLButtonElement | HTMLInputElement>(`[data-control="${wanted.control}"]`) : null;
    if (wanted.control && !control) return; // the row not drawn as wanted yet (its form opening or closing)
    // A move button at the end of the list is disabled now: the row itself takes the focus.
    (control && !control.disabled ? control : row).focus();
    focusAfter.current = null;
  }, [subscriptions, editing]);

  /**
   * What a new subscription's first sync found: "0 new papers" read as nothing found when every
   * paper it matched was stored already (saved, or found by another subscription). Its papers
   * are all the ones the sync matched: said of an edited or resumed one, older papers would count.
   */
  const found = async (subscription: Subscription, added: number) => {
    const matched = (await paperCounts([subscription.id]).catch(() => undefined))?.bySubscription[subscription.id] ?? added;
    const already = matched - added;
    const papers = formatCount(matched, 'paper', 'papers');
    if (already <= 0) return `“${subscription.label}”: ${formatCount(added, 'new paper', 'new papers')} from arXiv.`;
    return `“${subscription.label}”: ${papers} from arXiv, ${already === matched ? (matched === 1 ? 'already stored' : 'all already stored') : `${already} of them already stored`} (saved, or found by another subscription).`;
  };

  /** The background fetches a new or changed subscription's papers at once. */
  const requestSync = (subscription: Subscription, isNew = false) => {
    send('syncNow', { subscriptionIds: [subscription.id] }).then(
      (summary) => {
        if (summary.state === 'ok' && isNew) void found(subscription, summary.added).then(setNotice);
        else if (summary.state === 'ok') setNotice(`“${subscription.label}”: ${formatCount(summary.added, 'new paper', 'new papers')} from arXiv.`);
        else setNotice(`“${subscription.label}” is saved; its papers could not be fetched yet. ${asSentence(summary.message ?? summary.state)} Paper Radar will try again.`);
      },
      (error: unknown) => setNotice(`“${subscription.label}” is saved; its papers come with the next sync (${(error as Error).message}).`),
    );
  };

  const alreadyWatched = (draft: Draft, except?: string) => {
    const key = queryKey(draftQuery(draft));
    return subscriptions.find((s) => s.id !== except && queryKey(s) === key);
  };

  const add = async (draft: Draft) => {
    const twin = alreadyWatched(draft);
    if (twin) throw new Error(`You already watch this: “${twin.label}”.`);
    const label = draft.label.trim();
    const subscription = await addSubscription({ ...draftQuery(draft), ...(label ? { label } : {}) }, now());
    setNotice(`Added “${subscription.label}”. Asking arXiv for its papers…`);
    requestSync(subscription, true);
  };

  const actions: RowActions = {
    edit(id) {
      focusAfter.current = id ? { id, control: 'query' } : editing ? { id: editing, control: 'edit' } : null;
      setEditing(id);
    },
    async save(before, draft) {
      const twin = alreadyWatched(draft, before.id);
      if (twin) throw new Error(`You already watch this: “${twin.label}”.`);
      const query = draftQuery(draft);
      const label = draft.label.trim() || query.value;
      await updateSubscription(before.id, { ...query, label });
      focusAfter.current = { id: before.id, control: 'edit' };
      setEditing(null);
      if (queryKey(before) !== queryKey(query)) requestSync({ ...before, ...query, label });
    },
    toggle(subscription) {
      const enabled = !subscription.enabled;
      updateSubscription(subscription.id, { enabled }).then(
        () => {
          say(enabled ? `Resumed “${subscription.label}”.` : `Paused “${subscription.label}”: not checked until turned on.`);
          if (enabled) requestSync(subscription);
        },
        (error: unknown) => setNotice(`“${subscription.label}” could not be ${enabled ? 'resumed' : 'paused'}: ${(error as Error).message}`),
      );
    },
    move(id, by, control) {
      const order = moved(subscriptions.map((s) => s.id), id, by);
      if (!order) return;
      focusAfter.current = control === 'row' ? { id } : { id, control };
      const label = subscriptions.find((s) => s.id === id)?.label ?? '';
      reorderSubscriptions(order).then(
        () => say(`Moved “${label}” to ${order.indexOf(id) + 1} of ${order.length}.`),
        (error: unknown) => setNotice(`The subscriptions could not be reordered: ${(error as Error).message}`),
      );
    },
    async remove(subscription) {
      const ids = subscriptions.map((s) => s.id);
      const at = ids.indexOf(subscription.id);
      const neighbour = ids[at + 1] ?? ids[at - 1];
      // Asked before the list is drawn without the row.
      focusAfter.current = neighbour === undefined ? null : { id: neighbour };
      const removed = await deleteSubscription(subscription.id);
      if (!removed) return;
      // The last one gone: the focus goes to the section's heading, not to the page (nor to the
      // form's field, where z, the Undo key, would be typed).
      if (neighbour === undefined) section.current?.querySelector<HTMLElement>('h2')?.focus();
      if (editing === removed.id) setEditing(null);
      setToast({
        key: ++toastCount.current,
        message: `Deleted “${removed.label}” and the papers only it had found (saved papers stay).`,
        onUndo: () => {
          // Kept until the restored row is drawn.
          focusAfter.current = { id: removed.id, control: 'edit' };
          void restoreSubscription(removed).then(
            () => requestSync(removed),
            (error: unknown) => setNotice(`“${removed.label}” could not be restored: ${(error as Error).message}`),
          );
        },
      });
    },
  };

  return (
    <section id="subscriptions" class="panel" aria-labelledby="subscriptions-title" ref={section}>
      <h2 id="subscriptions-title" tabIndex={-1}>
        Subscriptions
      </h2>
      <p class="lead">What Paper Radar watches on arXiv. New papers arrive after arXiv’s daily announcement and show up on every new tab.</p>
      {/* What happened to the last one added must not read as said of the next one being typed. */}
      <div onInput={() => setNotice(null)} onChange={() => setNotice(null)}>
        <SubscriptionForm initial={EMPTY_DRAFT} mode="add" onSubmit={add} />
      </div>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {data && subscriptions.length === 0 && <p class="empty">No subscriptions yet. Add a keyword, an author or a category above.</p>}
      {subscriptions.length > 0 && (
        <ol class="subscription-list" ref={list}>
          {subscriptions.map((s, i) => (
            <SubscriptionRow
              key={s.id}
              subscription={s}
              status={data?.statuses.get(s.id)}
              paperCount={data?.counts.get(s.id)}
              first={i === 0}
              last={i === subscriptions.length - 1}
              editing={editing === s.id}
              now={now()}
              actions={actions}
            />
          ))}
        </ol>
      )}
      {subscriptions.length > 1 && <p class="hint">The order here is the order of the chips above your papers. Move a subscription with ↑ and ↓, or Alt+↑ and Alt+↓.</p>}
      <p class="visually-hidden" role="status">
        {said}
      </p>
      <UndoToast toast={toast} durationMs={undoMs} onClose={() => setToast(null)} />
    </section>
  );
}
