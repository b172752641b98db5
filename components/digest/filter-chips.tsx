import type { UnreadCounts } from '../../lib/db/feed';
import type { Subscription } from '../../lib/subscription';

interface FilterChipsProps {
  subscriptions: readonly Subscription[];
  /** Unknown until counted: the chips show no numbers meanwhile. */
  counts: UnreadCounts | undefined;
  /** The subscription shown; undefined for All. */
  selected: string | undefined;
  onSelect: (subscriptionId: string | undefined) => void;
}

// Past this a chip shows "9999+"; its name says the whole number.
const MAX_SHOWN = 9999;

/**
 * The chip's name is its visible text and then what only a screen reader needs ("paused",
 * "unread"): a name that starts with what is on screen is one a voice user can say (WCAG 2.5.3).
 */
function Chip({ label, count, pressed, paused, onClick }: { label: string; count: number; pressed: boolean; paused?: boolean; onClick: () => void }) {
  return (
    <button type="button" class={`chip${pressed ? ' chip--on' : ''}${paused ? ' chip--paused' : ''}`} aria-pressed={pressed} onClick={onClick}>
      <span class="chip__label">{label}</span>{' '}
      {count > 0 && <span class="chip__count">{count > MAX_SHOWN ? `${MAX_SHOWN}+` : count}</span>}
      <span class="visually-hidden">
        {count > 0 ? ' unread' : ', none unread'}
        {count > MAX_SHOWN ? `, ${count} in all` : ''}
        {paused ? ', paused' : ''}
      </span>
    </button>
  );
}

/** All, then each subscription, with its unread count. */
export function FilterChips({ subscriptions, counts, selected, onSelect }: FilterChipsProps) {
  return (
    <div class="chips" role="group" aria-label="Show papers from">
      <Chip label="All" count={counts?.all ?? 0} pressed={selected === undefined} onClick={() => onSelect(undefined)} />
      {subscriptions.map((s) => (
        <Chip
          key={s.id}
          label={s.label}
          count={counts?.bySubscription[s.id] ?? 0}
          pressed={selected === s.id}
          paused={!s.enabled}
          onClick={() => onSelect(s.id)}
        />
      ))}
    </div>
  );
}
