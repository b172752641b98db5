import type { SyncStatusRow } from '../../lib/db/schema';
import type { Subscription } from '../../lib/subscription';
import { clockTime } from '../../lib/ui/announcement-text';
import { draftOf, KIND_NAMES, type Draft } from './draft';
import { formatAgo, formatCount } from './format';
import { SubscriptionForm } from './subscription-form';

export interface RowActions {
  edit: (id: string | null) => void;
  save: (subscription: Subscription, draft: Draft) => Promise<void>;
  toggle: (subscription: Subscription) => void;
  /** `control` names the control that had the focus, to give it back after the move. */
  move: (id: string, by: -1 | 1, control: string) => void;
  remove: (subscription: Subscription) => void;
}

interface SubscriptionRowProps {
  subscription: Subscription;
  status: SyncStatusRow | undefined;
  paperCount: number | undefined;
  first: boolean;
  last: boolean;
  editing: boolean;
  now: number;
  actions: RowActions;
}

/** The last check's failure, and when it is tried again: "arXiv's API is having trouble (HTTP 503). Trying again at 14:05." */
function problemLine(status: SyncStatusRow, now: number): string {
  const again = status.nextRetryAt !== undefined && status.nextRetryAt > now ? ` Trying again at ${clockTime(status.nextRetryAt)}.` : '';
  return `${status.lastError}${again}`;
}

function statusLine(status: SyncStatusRow | undefined, paperCount: number | undefined, now: number): string {
  const papers = paperCount === undefined ? '' : formatCount(paperCount, 'paper', 'papers');
  if (!status?.lastAttemptAt) return papers ? `${papers} · not checked yet` : 'Not checked yet';
  const checked = status.lastSuccessAt ? `checked ${formatAgo(status.lastSuccessAt, now)}` : '';
  return [papers, checked].filter(Boolean).join(' · ');
}

function limits(subscription: Subscription): string {
  const parts: string[] = [];
  if (subscription.categories.length > 0) parts.push(`in ${subscription.categories.join(', ')}`);
  if (subscription.exclude.length > 0) parts.push(`without ${subscription.exclude.join(', ')}`);
  return parts.join(' · ');
}

/** One subscription: what it watches and how it is doing, with its controls. Alt+↑/↓ moves it. */
export function SubscriptionRow({ subscription: s, status, paperCount, first, last, editing, now, actions }: SubscriptionRowProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const control = (event.target as HTMLElement).closest<HTMLElement>('[data-control]')?.dataset.control ?? 'row';
    actions.move(s.id, event.key === 'ArrowUp' ? -1 : 1, control);
  };
  const name = s.label || s.value;
  const line = statusLine(status, paperCount, now);
  return (
    <li
      class={s.enabled ? 'subscription-row' : 'subscription-row subscription-off'}
      data-testid="subscription-row"
      data-subscription-id={s.id}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      aria-label={name}
    >
      {editing ? (
        <SubscriptionForm initial={draftOf(s)} mode="edit" editing={name} onSubmit={(draft) => actions.save(s, draft)} onCancel={() => actions.edit(null)} />
      ) : (
        <>
          <div class="subscription-main">
            <div class="subscription-title">
              <span class="subscription-name">{name}</span>
              <span class="badge">{KIND_NAMES[s.kind]}</span>
              {!s.enabled && <span class="badge badge-off">Paused</span>}
            </div>
            {limits(s) && <div class="muted small">{limits(s)}</div>}
            {/* A failure does not hide what the subscription still has (its papers, its last good check). */}
            {status?.lastError && <div class="small sync-error">{problemLine(status, now)}</div>}
            {line && <div class="muted small">{line}</div>}
          </div>
          <div class="subscription-controls">
            <label class="switch" title={s.enabled ? 'Checked on every sync' : 'Not checked until turned on'}>
              {/* Named for what it does, whatever its state (checked or not, and "Paused" beside the name), its visible word in its name. */}
              <input type="checkbox" data-control="toggle" aria-label={`Watch ${name}`} checked={s.enabled} onChange={() => actions.toggle(s)} />
              <span>Watch</span>
            </label>
            <button type="button" class="icon-button" data-control="up" aria-label={`Move ${name} up`} title="Move up (Alt+↑)" disabled={first} onClick={() => actions.move(s.id, -1, 'up')}>
              ↑
            </button>
            <button type="button" class="icon-button" data-control="down" aria-label={`Move ${name} down`} title="Move down (Alt+↓)" disabled={last} onClick={() => actions.move(s.id, 1, 'down')}>
              ↓
            </button>
            <button type="button" class="button-secondary" data-control="edit" onClick={() => actions.edit(s.id)} aria-label={`Edit ${name}`}>
              Edit
            </button>
            <button type="button" class="button-danger" data-control="delete" onClick={() => actions.remove(s)} aria-label={`Delete ${name}`}>
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}
