import { useEffect, useRef } from 'preact/hooks';
import type { StoredPaper } from '../../lib/db/schema';
import type { Subscription } from '../../lib/subscription';
import { groupByDay } from '../../lib/ui/day-groups';
import { FIRST_SCREEN_CARDS } from '../../lib/ui/first-screen';
import { FRESHNESS } from '../../lib/rank/order';
import type { Density } from '../../lib/ui/density';
import type { CardMode } from '../paper-card/card-actions';
import { PaperCard } from '../paper-card/paper-card';
import { PaperRow } from '../paper-card/paper-row';
import { HeldPlace, type Hold } from '../paper-card/held-places';

/** Subscription labels by id, for the "matched" line of each card. */
export function labelsById(subscriptions: readonly Subscription[]): Map<string, string> {
  return new Map(subscriptions.map((s) => [s.id, s.label]));
}

export interface CardListProps {
  papers: readonly StoredPaper[];
  saved: readonly string[];
  labels: ReadonlyMap<string, string>;
  /** When the reader last looked; papers added later are new. */
  seenAt: number | undefined;
  now: number;
  mode: CardMode;
  /** Whole cards, or compact rows that open in place. */
  density?: Density;
  /** Why each paper is there, in the For-you order. */
  why?: Readonly<Record<string, string>>;
  /** Papers that left at a click, drawn as the places they held (`useHeldPlaces`). */
  held?: ReadonlyMap<string, Hold>;
}

/** `offset`: how many cards stand before these on the page (under earlier day headings). */
function Cards({ papers, saved, labels, seenAt, now, mode, density = 'comfortable', offset = 0, why, held }: CardListProps & { offset?: number }) {
  const savedIds = new Set(saved);
  const Paper = density === 'compact' ? PaperRow : PaperCard;
  return (
    <>
      {papers.map((paper, index) => {
        const hold = held?.get(paper.id);
        if (hold) return <HeldPlace key={paper.id} id={paper.id} hold={hold} />;
        return (
          <Paper
            later={offset + index >= FIRST_SCREEN_CARDS}
            key={paper.id}
            paper={paper}
            saved={savedIds.has(paper.id)}
            isNew={seenAt !== undefined && paper.addedAt > seenAt && paper.subs.length > 0}
            matched={paper.subs.flatMap((id) => labels.get(id) ?? [])}
            now={now}
            mode={mode}
            why={why?.[paper.id]}
          />
        );
      })}
    </>
  );
}

/** Cards under their day headings (Today, Yesterday, dates), newest first. */
export function DayGroupedCards(props: CardListProps) {
  const groups = groupByDay(props.papers, (paper) => paper.published, props.now);
  const offsets = groups.map((_, index) => groups.slice(0, index).reduce((sum, group) => sum + group.items.length, 0));
  return (
    <>
      {groups.map((group, index) => (
        <section key={group.key} class="day" aria-labelledby={`day-${group.key}`}>
          <h2 class="day__heading" id={`day-${group.key}`}>
            {group.label}
          </h2>
          <Cards {...props} papers={group.items} offset={offsets[index]} />
        </section>
      ))}
    </>
  );
}

/** In the For-you order: what arrived today, this week, earlier, each best first (lib/rank/order.ts). */
export function RankedCards(props: CardListProps & { freshness: Readonly<Record<string, number>> }) {
  const groups = FRESHNESS.map((label, fresh) => ({ label, fresh, items: props.papers.filter((p) => (props.freshness[p.id] ?? 2) === fresh) })).filter((g) => g.items.length > 0);
  const offsets = groups.map((_, index) => groups.slice(0, index).reduce((sum, group) => sum + group.items.length, 0));
  return (
    <>
      {groups.map((group, index) => (
        <section key={group.fresh} class="day" aria-labelledby={`fresh-${group.fresh}`}>
          <h2 class="day__heading" id={`fresh-${group.fresh}`}>
            {group.label}
          </h2>
          <Cards {...props} papers={group.items} offset={offsets[index]} />
        </section>
      ))}
    </>
  );
}

/** Cards without headings (search results, the library). */
export function PlainCards(props: CardListProps) {
  return <Cards {...props} />;
}

const CARD = '[data-testid="paper-card"]';
/** How long a click on "Show more" waits for its cards to take the focus. */
const MORE_FOCUS_WAIT_MS = 10_000;

/** More cards on request, and by themselves when the reader scrolls near the end. */
export function ShowMore({ onMore, label = 'Show more' }: { onMore: () => void; label?: string }) {
  const button = useRef<HTMLButtonElement>(null);
  const latest = useRef(onMore);
  latest.current = onMore;
  useEffect(() => {
    const element = button.current;
    if (!element || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) latest.current();
      },
      { rootMargin: '800px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const more = () => {
    // The focus goes to the first of the cards it brings, where the button was (which goes on the last page).
    const shown = document.querySelectorAll(CARD).length;
    if (document.activeElement === button.current) {
      const arrived = new MutationObserver(() => {
        const first = document.querySelectorAll<HTMLElement>(CARD)[shown];
        if (!first) return;
        first.focus({ preventScroll: true });
        arrived.disconnect();
      });
      arrived.observe(document.body, { childList: true, subtree: true });
      setTimeout(() => arrived.disconnect(), MORE_FOCUS_WAIT_MS);
    }
    onMore();
  };
  return (
    <div class="show-more">
      <button type="button" class="button" data-action="more" ref={button} onClick={more}>
        {label}
      </button>
    </div>
  );
}
