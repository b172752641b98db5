import { entryOf } from '../../lib/arxiv/entry';
import { loadData } from '../common/load-data';
import type { LibraryItem, StoredPaper } from '../../lib/db/schema';
import type { Input } from '../../lib/messaging/protocol';
import { useServices, type OpenTarget } from '../common/services';
import { useToast } from '../common/toast';
import { focusOnReturn } from './card-focus';
import { messageOf } from '../common/error-message';

export interface PaperActions {
  /** Saves or unsaves through the background, which tells open arXiv tabs. */
  setSaved(paper: StoredPaper, save: boolean): Promise<void>;
  /** Removes a save whose details arXiv has not given yet, with the same Undo; throws if the removal failed. */
  unsavePending(item: LibraryItem): Promise<void>;
  /** Opens a page of the paper and marks it read. */
  open(paper: StoredPaper, url: string, target: OpenTarget): Promise<void>;
  setRead(paper: StoredPaper, read: boolean): Promise<void>;
  hide(paper: StoredPaper): Promise<void>;
  unhide(paper: StoredPaper): Promise<void>;
  /** Hides the paper and teaches the ranking that the reader wants fewer like it; undoable. */
  notInterested(paper: StoredPaper): Promise<void>;
  copyBibtex(paper: StoredPaper): Promise<void>;
}

export function usePaperActions(): PaperActions {
  const services = useServices();
  const toast = useToast();
  const unhide = async (paper: StoredPaper) => {
    await (await loadData()).unhidePapers([paper.id]);
  };
  /**
   * Removes a paper from the library, with Undo: a save takes its tags, note and "changed since
   * saved" with it, and one key (s) or click removes it. Undo saves it again (`again`: what a
   * save of it sends) and puts its library record back as it was.
   */
  const unsave = async (id: string, again: Omit<Input<'savePaper'>, 'id'>) => {
    const refocus = focusOnReturn(id);
    const data = await loadData();
    const [item] = await data.libraryItems([id]);
    await services.send('unsavePaper', { id });
    if (!item) return;
    const undo = async () => {
      const { pending } = await services.send('savePaper', { id, ...again });
      // A save that waited for arXiv whose details came meanwhile (a sync stored the paper) stays
      // complete, as the save just made it: only what the reader made of it comes back.
      const [now] = item.pending && !pending ? await data.libraryItems([id]) : [];
      await data.putLibraryItems([now ? { ...now, savedAt: item.savedAt, tags: item.tags, note: item.note } : item]);
      refocus();
    };
    const kept = [item.tags.length > 0 && (item.tags.length === 1 ? 'its tag' : `its ${item.tags.length} tags`), item.note !== '' && 'its note'].filter(Boolean);
    toast({
      text: `Removed from your library${kept.length > 0 ? `, with ${kept.join(' and ')}` : ''}.`,
      action: { label: 'Undo', run: () => undo().catch((error: unknown) => toast({ text: `Could not undo: ${messageOf(error)}` })) },
    });
  };
  return {
    async setSaved(paper, save) {
      try {
        if (save) await services.send('savePaper', { id: paper.id, entry: entryOf(paper) });
        else await unsave(paper.id, { entry: entryOf(paper) });
      } catch (error) {
        toast({ text: `${save ? 'Could not save' : 'Could not remove'} the paper: ${messageOf(error)}` });
        throw error;
      }
    },
    unsavePending: (item) => unsave(item.id, item.fromPage ? { shown: item.fromPage } : {}),
    async open(paper, url, target) {
      // Marked first: leaving the page can cut off a write still in flight.
      if (paper.readAt === undefined) {
        await loadData()
          .then((data) => data.markRead([paper.id], services.now()))
          .catch(() => undefined);
      }
      services.open(url, target);
    },
    async setRead(paper, read) {
      const data = await loadData();
      if (read) await data.markRead([paper.id], services.now());
      else await data.markUnread([paper.id]);
    },
    async hide(paper) {
      const refocus = focusOnReturn(paper.id);
      await (await loadData()).hidePapers([paper.id], services.now());
      const undo = () => unhide(paper).then(refocus, (error: unknown) => toast({ text: `Could not undo: ${messageOf(error)}` }));
      toast({ text: 'Paper hidden.', action: { label: 'Undo', run: undo } });
    },
    unhide,
    async notInterested(paper) {
      const mark = (value: boolean) => services.send('setNotInterested', { ids: [paper.id], value });
      const refocus = focusOnReturn(paper.id);
      try {
        await mark(true);
        const undo = () => mark(false).then(refocus, (error: unknown) => toast({ text: `Could not undo: ${messageOf(error)}` }));
        toast({ text: 'Marked not interested: fewer papers like it.', action: { label: 'Undo', run: undo } });
      } catch (error) {
        toast({ text: `Could not mark the paper: ${messageOf(error)}` });
      }
    },
    async copyBibtex(paper) {
      try {
        const { toBibtex } = await import('../../lib/cite/bibtex');
        await services.copyText(toBibtex(entryOf(paper)));
        toast({ text: 'BibTeX copied.' });
      } catch (error) {
        toast({ text: `Could not copy the BibTeX: ${messageOf(error)}` });
      }
    },
  };
}
