import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { editTags, setNote, type LibraryEntry } from '../../lib/db/library';
import type { LibraryItem } from '../../lib/db/schema';
import { latestAbsUrl } from '../../lib/ui/arxiv-links';
import { timeAgo } from '../../lib/ui/relative-time';
import { messageOf } from '../common/error-message';
import { useServices } from '../common/services';
import { focusNeighbour } from '../paper-card/card-focus';
import { usePaperActions } from '../paper-card/paper-actions';
import { NoteEditor } from './note-editor';
import { TagEditor } from './tag-editor';

/** Authors named on a card saved from a page; the rest are counted. */
const SHOWN_AUTHORS = 10;
/** The page's one list of the library's tags, offered by every tag field (a list in each entry repeated one id, and every field offered the first entry's). */
export const TAG_LIST_ID = 'library-tags';

/**
 * A save whose details arXiv has not given yet: fetching, or why the last lookup brought none
 * (it is asked again later). It can be tagged, noted and removed (with Undo) like any save.
 */
export function PendingEntry({ entry }: { entry: LibraryEntry }) {
  const services = useServices();
  const actions = usePaperActions();
  const card = useRef<HTMLElement>(null);
  const [removing, setRemoving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const { item } = entry;
  const { id, lookup, fromPage } = item;
  const url = latestAbsUrl(id);
  const now = services.now();
  const titleId = `pending-${id.replace(/[^\w-]/g, '-')}-title`;
  // Until arXiv answers, the card shows what the arXiv page showed, and says so.
  const title = fromPage ? fromPage.title : `arXiv:${id}`;
  const source = fromPage ? `As the arXiv page showed it (arXiv:${id}${fromPage.version ? `v${fromPage.version}` : ''}). ` : '';
  const remove = () => {
    setRemoving(true);
    setFailure(undefined);
    focusNeighbour(card.current);
    actions.unsavePending(item).catch((error: unknown) => {
      setRemoving(false);
      setFailure(`Could not remove it: ${messageOf(error)}`);
    });
  };
  return (
    <div class="library-entry">
      <article ref={card} class="card card--pending" data-testid="paper-card" data-arxiv-id={id} tabIndex={-1} aria-labelledby={titleId}>
        <p class="card__meta">
          {source}
          {lookup ? `No details from arXiv yet: ${lookup.problem} Asked ${timeAgo(lookup.at, now)}; Paper Radar will ask again later.` : 'Its details are being fetched from arXiv.'}
        </p>
        <h3 class={fromPage ? 'card__title' : 'card__title card__title--id'} id={titleId}>
          {url ? <a href={url}>{title}</a> : title}
        </h3>
        {fromPage && fromPage.authors.length > 0 && (
          <p class="card__authors">
            {fromPage.authors.slice(0, SHOWN_AUTHORS).join(', ')}
            {fromPage.authors.length > SHOWN_AUTHORS ? ` and ${fromPage.authors.length - SHOWN_AUTHORS} more` : ''}
          </p>
        )}
        <div class="card__actions">
          <button type="button" class="action" aria-describedby={titleId} disabled={removing} onClick={remove}>
            Remove
          </button>
          {failure && (
            <span class="card__problem" role="alert">
              {failure}
            </span>
          )}
        </div>
      </article>
      <EntryNotes item={item} title={title} now={now} />
    </div>
  );
}

/** Under a saved paper's card: when it was saved, its tags and its note. */
export function EntryNotes({ item, title, now, children }: { item: LibraryItem; title: string; now: number; children?: ComponentChildren }) {
  return (
    <div class="library-entry__notes">
      <span class="library-entry__saved">Saved {timeAgo(item.savedAt, now)}</span>
      {children}
      <TagEditor tags={item.tags} listId={TAG_LIST_ID} onEdit={(edit) => editTags(item.id, edit)} />
      <NoteEditor note={item.note} label={`Note on “${title}”`} onSave={(note) => setNote(item.id, note)} />
    </div>
  );
}

