import './library.css';
import { Component } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LibraryEntry } from '../../lib/db/library';
import { markChangesSeen, unmarkChangesSeen, type SavedCheckState } from '../../lib/db/saved-check';
import type { SavedPaperChange } from '../../lib/watch/changes';
import { isWithdrawn } from '../../lib/watch/withdrawn';
import { downloadText } from '../../lib/download';
import { samePlainValue } from '../common/same-value';
import { ShowMore } from '../digest/card-list';
import { ChangeMark } from '../paper-card/change-mark';
import { focusNeighbour, focusOnReturn } from '../paper-card/card-focus';
import { useToast } from '../common/toast';
import { messageOf } from '../common/error-message';
import { PaperCard, useLaterAtFirst } from '../paper-card/paper-card';
import { HeldPlace, useHeldPlaces } from '../paper-card/held-places';
import { entryOf } from '../../lib/arxiv/entry';
import { LibraryCheckStatus, PaperCheckNote } from './check-notes';
import { changeOf, filterLibrary } from './library-filter';
import { EntryNotes, PendingEntry, TAG_LIST_ID } from './library-entry-parts';
import { useLibrary } from './use-library';

/**
 * Cards drawn at first, and added by each "Show more": a library of 2,000 papers drawn whole
 * would hold the page for seconds (each card has its tag and note editors) before the first
 * one could be read.
 */
export const LIBRARY_PAGE = 30;
/**
 * Cards drawn in one task while a page of them comes in: the first one paints at once, the
 * rest follow in the next tasks, and the page answers the reader in between. Three at a time
 * held the page over 100 ms when their abstracts were long (20,000 characters, as a backup may
 * hold); a page of 30 drawn at once, 200 ms and more.
 */
const DRAWN_AT_ONCE = 1;
/** Entries on a first screen; those below are laid out only once scrolled near (a layout of 30 held the page 100 ms). */
const ON_FIRST_SCREEN = 4;
const entryId = (entry: LibraryEntry) => entry.item.id;

interface LibraryViewProps {
  query: string;
  now: number;
  /** Only the papers changed since they were saved ("Changed since saved"), kept by the page (in its address). */
  changedOnly: boolean;
  onChangedOnly: (changedOnly: boolean) => void;
  /** Only the papers with this tag, kept by the page (in its address). */
  tag: string | undefined;
  onTag: (tag: string | undefined) => void;
}

interface EntryProps {
  entry: LibraryEntry;
  change: SavedPaperChange | null;
  labels: Map<string, string>;
  now: number;
  /** Past the first screen: read when the entry is first drawn (`useLaterAtFirst`), so a change alone draws nothing again. */
  later: boolean;
  /** Marked seen, the entry leaves the list ("Changed since saved" is on). */
  leavesWhenSeen: boolean;
}

/**
 * An entry drawn again only when what it shows changed: drawing the next cards, or reading the
 * library again after a write (every entry read anew, most of them equal), leaves the ones drawn
 * alone. Drawing 30 cards again held the page for 200 ms.
 */
class DrawnEntry extends Component<EntryProps> {
  override shouldComponentUpdate(next: EntryProps): boolean {
    const props = this.props;
    return (
      !samePlainValue(next.entry, props.entry) ||
      !samePlainValue(next.change, props.change) ||
      !samePlainValue(next.labels, props.labels) ||
      next.now !== props.now ||
      next.leavesWhenSeen !== props.leavesWhenSeen
    );
  }

  override render() {
    return <Entry {...this.props} />;
  }
}

function Entry({ entry, change, labels, now, later, leavesWhenSeen }: EntryProps) {
  const { item, paper } = entry;
  const box = useRef<HTMLDivElement>(null);
  const drawnLater = useLaterAtFirst(later);
  const toast = useToast();
  if (!paper) return <PendingEntry entry={entry} />;
  const onSeen = () => {
    // The mark goes with its button, or the whole entry does: the focus stays on the card, or goes on to the next.
    const card = box.current?.querySelector<HTMLElement>('[data-testid="paper-card"]') ?? null;
    if (leavesWhenSeen) focusNeighbour(card);
    else if (card?.contains(document.activeElement)) card.focus({ preventScroll: true });
    const refocus = focusOnReturn(paper.id);
    // Marked seen, what changed is no longer said anywhere: Undo says it again.
    markChangesSeen(paper.id).then(
      (before) => {
        if (!before) return;
        const undo = () => unmarkChangesSeen(paper.id, before).then(refocus, (error: unknown) => toast({ text: `Could not undo: ${messageOf(error)}` }));
        toast({ text: 'Marked as seen.', action: { label: 'Undo', run: undo } });
      },
      (error: unknown) => toast({ text: `Could not mark it seen: ${messageOf(error)}` }),
    );
  };
  const mark = <ChangeMark id={paper.id} change={change} withdrawn={isWithdrawn(paper)} now={now} onSeen={onSeen} />;
  return (
    <div ref={box} class={drawnLater ? 'library-entry library-entry--later' : 'library-entry'} data-place>
      <PaperCard paper={paper} saved isNew={false} matched={paper.subs.flatMap((id) => labels.get(id) ?? [])} now={now} mode="library" mark={mark} />
      <EntryNotes item={item} title={paper.title} now={now}>
        <PaperCheckNote check={item.check} now={now} />
      </EntryNotes>
    </div>
  );
}

/** Saves with their papers that the last check of saved papers did not ask about, though saved before it began (imported since, with their dates). */
function uncheckedSaves(entries: readonly LibraryEntry[], check: SavedCheckState | undefined): number {
  if (check?.finishedAt === undefined) return 0;
  return entries.filter(({ item, paper }) => paper && item.check === undefined && item.savedAt < check.startedAt).length;
}

/** Every saved paper, newest save first, searchable, with tags and a note each. */
export function LibraryView({ query, now, changedOnly, onChangedOnly: setChangedOnly, tag, onTag: setTag }: LibraryViewProps) {
  const [limit, setLimit] = useState(LIBRARY_PAGE);
  const [drawn, setDrawn] = useState(DRAWN_AT_ONCE);
  const filtered = query !== '' || tag !== undefined || changedOnly;
  // The rest of the library is read once the first page is drawn (the reads and the drawing
  // shared the page's tasks: 50–117 ms ones around the first cards), at once for a search, and
  // at once in a tab in the background, whose timers (which draw the cards) run once a second.
  const [firstPageDrawn, setFirstPageDrawn] = useState(false);
  // "Changed since saved" (where the saved-changes notification leads) shows the changes the
  // reader was told of at once, and the rest once every save is read.
  const library = useLibrary(LIBRARY_PAGE, filtered || firstPageDrawn || document.visibilityState === 'hidden', changedOnly);
  // Until the whole library is read, what a search or a filter finds is not known.
  const complete = library?.complete === true;
  // A new search or filter starts again from its first cards.
  const filters = `${query}\u0000${tag ?? ''}\u0000${changedOnly}`;
  const [filtersShown, setFiltersShown] = useState(filters);
  // A tag no save has (its last paper untagged or removed, or an address's tag): its chip is
  // gone, and so is the filter, or nothing would be left on the page to clear it.
  const sameTag = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();
  const tagGone = tag !== undefined && library?.complete === true && !library.tags.some((t) => sameTag(tag, t));
  useEffect(() => {
    if (tagGone) setTag(undefined);
  }, [tagGone]);
  if (filters !== filtersShown) {
    setFiltersShown(filters);
    setLimit(LIBRARY_PAGE);
    setDrawn(DRAWN_AT_ONCE);
  }
  // Worked out once per change of the library, not on every keystroke of its search.
  const changes = useMemo(() => new Map((library?.entries ?? []).map((entry) => [entry.item.id, changeOf(entry)])), [library]);
  const shown = library ? filterLibrary(library.entries, query, tag).filter((entry) => !changedOnly || changes.get(entry.item.id)) : [];
  const { items: shownHere, held } = useHeldPlaces(shown, entryId, filters);
  useEffect(() => {
    if (library && drawn >= Math.min(limit, shown.length)) setFirstPageDrawn(true);
  }, [library, drawn, limit, shown.length]);
  // Up to the page's cards a few at a time, each few in a task of its own.
  useEffect(() => {
    if (drawn >= Math.min(limit, shown.length)) return;
    const timer = setTimeout(() => setDrawn((now) => now + DRAWN_AT_ONCE), 0);
    return () => clearTimeout(timer);
  }, [drawn, limit, shown.length]);
  if (!library) return null;
  const changedCount = [...changes.values()].filter((change) => change !== null).length;

  const exportBibtex = async () => {
    const { toBibtexFile } = await import('../../lib/cite/bibtex');
    const papers = shown.flatMap((entry) => (entry.paper ? [entryOf(entry.paper)] : []));
    downloadText('paper-radar-library.bib', toBibtexFile(papers), 'application/x-bibtex');
  };

  if (library.total === 0) {
    return (
      <section class="empty">
        <h2 class="empty__title">Your library is empty</h2>
        <p>Save a paper from a card, or with the Save button Paper Radar adds to every paper on arxiv.org. Saved papers stay until you remove them.</p>
      </section>
    );
  }
  return (
    <section class="library" aria-labelledby="library-heading">
      {/* The cards' titles are third-level headings: this is the second level above them. */}
      <h2 id="library-heading" class="visually-hidden">
        Saved papers
      </h2>
      <div class="feed-bar">
        <p class="feed-bar__count" role="status">
          {!filtered
            ? `${library.total} saved ${library.total === 1 ? 'paper' : 'papers'}`
            : complete
              ? `${shown.length} of ${library.total} saved papers`
              : `Looking through ${library.total} saved papers…`}
        </p>
        {/* In the bar, where its arrival once the whole library is read moves nothing. */}
        {complete && (changedCount > 0 || changedOnly) && (
          <div class="chips" role="group" aria-label="Filter by change">
            <button type="button" class={changedOnly ? 'chip chip--on' : 'chip'} aria-pressed={changedOnly} onClick={() => setChangedOnly(!changedOnly)}>
              Changed since saved ({changedCount})
            </button>
          </div>
        )}
        <button type="button" class="link-button" disabled={!complete || shown.length === 0} onClick={() => void exportBibtex()}>
          Export BibTeX
        </button>
      </div>
      <LibraryCheckStatus state={library.check} now={now} unchecked={complete ? uncheckedSaves(library.entries, library.check) : 0} />
      {library.tags.length > 0 && (
        <div class="chips" role="group" aria-label="Filter by tag">
          <button type="button" class={tag === undefined ? 'chip chip--on' : 'chip'} aria-pressed={tag === undefined} onClick={() => setTag(undefined)}>
            All tags
          </button>
          {library.tags.map((t) => (
            <button key={t} type="button" class={sameTag(tag, t) ? 'chip chip--on' : 'chip'} aria-pressed={sameTag(tag, t)} onClick={() => setTag(sameTag(tag, t) ? undefined : t)}>
              {t}
            </button>
          ))}
        </div>
      )}
      {shownHere.slice(0, Math.min(drawn, limit) + held.size).map((entry, index) => {
        const hold = held.get(entry.item.id);
        if (hold) return <HeldPlace key={entry.item.id} id={entry.item.id} hold={hold} />;
        return <DrawnEntry key={entry.item.id} entry={entry} change={changes.get(entry.item.id) ?? null} labels={library.labels} now={now} later={index >= ON_FIRST_SCREEN} leavesWhenSeen={changedOnly} />;
      })}
      {/* Offered once the page is drawn: near the end, it draws the next page by itself as the reader scrolls. */}
      {shown.length > limit && drawn >= limit && (
        <ShowMore onMore={() => setLimit((shownNow) => shownNow + LIBRARY_PAGE)} label={`Show more (${shown.length - limit} not shown yet)`} />
      )}
      {complete && shown.length === 0 && (
        <p class="caught-up">{changedOnly && query === '' && tag === undefined ? 'No saved paper has changed since it was saved (or since you marked it seen).' : 'No saved paper matches.'}</p>
      )}
      <datalist id={TAG_LIST_ID}>
        {library.tags.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </section>
  );
}
