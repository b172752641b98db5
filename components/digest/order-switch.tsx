import type { FeedOrder } from '../../lib/schema/limits';

export interface RankingState {
  /** The feed has been ranked for the reader. */
  ready: boolean;
  /** Saved papers it learns from. */
  saved: number;
  /** Saved papers it will learn from once arXiv has given their details (saved from a page). */
  pending: number;
}

/** Saved papers it takes before the feed can be ranked (lib/background/ranker.ts). */
const NEEDED = 3;

/** What it takes to get the feed ordered: more saves, arXiv's details of some, or a moment. */
function hint({ saved, pending }: RankingState): string {
  const more = NEEDED - saved;
  if (more <= 0) return 'Ordering the feed for you…';
  // A save arXiv's API never returns would keep this for ever: saving another still helps.
  if (pending >= more) {
    // Any `more` of them will do: "the details of 1 of the 3 papers", not "of 3 papers".
    const which = pending === 1 ? 'the paper' : more === pending ? `the ${pending} papers` : `${more} of the ${pending} papers`;
    return `The feed is ordered for you once arXiv sends the details of ${which} you saved, or once you save ${more} more`;
  }
  const saves = more - pending;
  return `Save ${saves} more ${saves === 1 ? 'paper' : 'papers'} to get the feed ordered for you`;
}

/**
 * "For you" or "Newest", as two toggle buttons of which one is pressed; before the reader has
 * saved enough for a ranking, what it takes to get one.
 */
export function OrderSwitch({ order, ranking, onOrder }: { order: FeedOrder; ranking: RankingState | undefined; onOrder: (order: FeedOrder) => void }) {
  if (!ranking) return null;
  if (!ranking.ready) {
    return (
      // The whole hint in its title too: in a narrow window it is cut after two lines.
      <p class="order-hint" data-testid="feed-order-hint" title={`${hint(ranking)}${hint(ranking).endsWith('…') ? '' : '.'} Paper Radar learns on this computer which papers are like the ones you save, and can put them first.`}>
        {hint(ranking)}
      </p>
    );
  }
  const choices: { order: FeedOrder; label: string; title: string }[] = [
    { order: 'forYou', label: 'For you', title: 'Papers like the ones you saved first, within what arrived today, this week and earlier' },
    { order: 'newest', label: 'Newest', title: 'The newest papers first, by day' },
  ];
  return (
    <div class="density order" role="group" aria-label="Order" data-testid="feed-order">
      {choices.map((choice) => (
        <button
          key={choice.order}
          type="button"
          class={choice.order === order ? 'density__choice density__choice--on' : 'density__choice'}
          aria-pressed={choice.order === order}
          data-order={choice.order}
          title={choice.title}
          onClick={() => onOrder(choice.order)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
