import type { ComponentChildren } from 'preact';
import type { StoredPaper } from '../../lib/db/schema';
import type { OpenTarget } from '../common/services';
import type { PaperActions } from './paper-actions';

const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;

interface PaperLinkProps {
  paper: StoredPaper;
  url: string;
  actions: PaperActions;
  /** Where a plain click opens: here on the new tab, a new tab from the popup. */
  target: OpenTarget;
  class?: string;
  action?: string;
  describedBy?: string;
  children: ComponentChildren;
}

/**
 * A link to one of the paper's pages that marks it read. A plain click is handled here (mark,
 * then open); middle and modified clicks open wherever the browser puts them, and only mark.
 */
export function PaperLink({ paper, url, actions, target, class: className, action, describedBy, children }: PaperLinkProps) {
  const read = paper.readAt !== undefined;
  return (
    <a
      class={className}
      href={url}
      data-action={action}
      aria-describedby={describedBy}
      onClick={(event) => {
        if (isPlainClick(event)) {
          event.preventDefault();
          void actions.open(paper, url, target);
        } else if (!read) void actions.setRead(paper, true);
      }}
      onAuxClick={(event) => {
        if (event.button === 1 && !read) void actions.setRead(paper, true);
      }}
    >
      {children}
    </a>
  );
}
