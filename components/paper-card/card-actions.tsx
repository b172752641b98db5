import type { StoredPaper } from '../../lib/db/schema';
import type { ArxivLinks } from '../../lib/ui/arxiv-links';
import type { CodeLink } from '../../lib/text/code-links';
import { byPointer, type Leaving } from './held-places';
import type { PaperActions } from './paper-actions';
import { PaperLink } from './paper-link';
import { SaveToggle } from './save-toggle';

export type CardMode = 'feed' | 'search' | 'library';

interface CardActionsProps {
  paper: StoredPaper;
  links: ArxivLinks;
  code: CodeLink | undefined;
  saved: boolean;
  mode: CardMode;
  titleId: string;
  actions: PaperActions;
  /**
   * Moves focus off the card before it disappears (hiding; removing it from the Library); with
   * what happens to it when that was a click, whose place is then held (held-places.tsx).
   */
  onLeave: (leaving?: Leaving) => void;
  /** False where Save stands elsewhere on the card (a compact row's first line). */
  withSave?: boolean;
}

export function CardActions({ paper, links, code, saved, mode, titleId, actions, onLeave, withSave = true }: CardActionsProps) {
  const read = paper.readAt !== undefined;
  const hidden = paper.hiddenAt !== undefined;
  // Read and hidden are states of the feed: a paper in no subscription (saved from arXiv, found
  // by a search) has none to show, and its Mark read changed only its own label.
  const inFeed = paper.subs.length > 0 && mode !== 'library';
  const link = (url: string, label: string, action: string) => (
    <PaperLink paper={paper} url={url} actions={actions} target="here" class="action" action={action} describedBy={titleId}>
      {label}
    </PaperLink>
  );
  return (
    <div class="card__actions">
      {withSave && (
        <SaveToggle
          saved={saved}
          describedBy={titleId}
          onChange={(save, pointer) => {
            if (!save && mode === 'library') onLeave(pointer ? 'remove' : undefined);
            return actions.setSaved(paper, save);
          }}
        />
      )}
      {link(links.abs, 'Abstract', 'open')}
      {link(links.pdf, 'PDF', 'pdf')}
      {link(links.html, 'HTML', 'html')}
      {code && (
        <a class="action" href={code.url} rel="noopener noreferrer" aria-describedby={titleId} title={code.url}>
          Code
        </a>
      )}
      <button type="button" class="action" aria-describedby={titleId} onClick={() => void actions.copyBibtex(paper)}>
        BibTeX
      </button>
      {inFeed && !hidden && (
        <button type="button" class="action" data-action="read" aria-describedby={titleId} onClick={() => void actions.setRead(paper, !read)}>
          {read ? 'Mark unread' : 'Mark read'}
        </button>
      )}
      {inFeed && !hidden && (
        <button
          type="button"
          class="action action--quiet"
          data-action="hide"
          aria-describedby={titleId}
          title="Hide this paper (x)"
          onClick={(event) => {
            onLeave(byPointer(event) ? 'hide' : undefined);
            void actions.hide(paper);
          }}
        >
          Hide
        </button>
      )}
      {/* A saved paper is one the reader wants: "Not interested" would say the opposite. */}
      {mode === 'feed' && !hidden && !saved && (
        <button
          type="button"
          class="action action--quiet"
          data-action="not-interested"
          aria-describedby={titleId}
          title="Hide it, and show fewer papers like it (n)"
          onClick={(event) => {
            onLeave(byPointer(event) ? 'not-interested' : undefined);
            void actions.notInterested(paper);
          }}
        >
          Not interested
        </button>
      )}
      {hidden && (
        <button
          type="button"
          class="action"
          data-action="unhide"
          aria-describedby={titleId}
          onClick={() => {
            onLeave(); // the button goes: the focus stays on the card
            void actions.unhide(paper);
          }}
        >
          Unhide
        </button>
      )}
    </div>
  );
}
