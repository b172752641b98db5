import { browser } from 'wxt/browser';
import { changeKind, type ChangeKind, type SavedPaperChange } from '../watch/changes';
import { hashOf } from '../ui/route';
import { digestUrl } from './notifications';
import { shortTitle } from './summary';

export const SAVED_CHANGES_NOTIFICATION = 'paper-radar:saved-changes';

/** Where a click on the notification leads: the Library at the papers it is about ("Changed since saved"). */
export const savedChangesUrl = (): string => `${digestUrl()}${hashOf({ view: 'library', changed: true })}`;

/** Papers named one per line; a notification shows a few lines at most. */
const NAMED = 3;

export interface ChangedPaper {
  title: string;
  change: SavedPaperChange;
}

const STRENGTH: ChangeKind[] = ['withdrawn', 'revised', 'published'];
const papers = (n: number) => (n === 1 ? '1 saved paper' : `${n} saved papers`);
const HEADS: Record<ChangeKind, (n: number) => string> = {
  revised: (n) => `${papers(n)} ${n === 1 ? 'has a new version' : 'have new versions'}`,
  published: (n) => `${papers(n)} ${n === 1 ? 'was' : 'were'} published`,
  withdrawn: (n) => `${papers(n)} ${n === 1 ? 'was' : 'were'} withdrawn`,
};

/** One kind among others in the first line: "4 saved papers changed: 1 withdrawn, 2 new versions, 1 published". */
const SHORT: Record<ChangeKind, (n: number) => string> = {
  withdrawn: (n) => `${n} withdrawn`,
  revised: (n) => `${n} ${n === 1 ? 'new version' : 'new versions'}`,
  published: (n) => `${n} published`,
};

/** What happened to one paper, after its title. */
function what(change: SavedPaperChange): string {
  switch (changeKind(change)) {
    case 'withdrawn':
      return 'withdrawn';
    case 'revised':
      return `v${change.version} since you saved v${change.savedVersion}${change.savedTitle ? `, saved as “${shortTitle(change.savedTitle, 60)}”` : ''}`;
    case 'published': {
      const where = change.published?.journalRef ?? (change.published?.doi ? `doi:${change.published.doi}` : '');
      return `published${where ? `: ${shortTitle(where, 60)}` : ''}`;
    }
  }
}

/**
 * "2 saved papers have new versions", or "4 saved papers changed: 1 withdrawn, 2 new versions,
 * 1 published" (the strongest first, as the papers below are), then the papers by name:
 * "Attention Is All You Need — v8 since you saved v7" (and the title saved, when it changed: the
 * reader knows the paper by that one).
 */
export function savedChangesMessage(changed: readonly ChangedPaper[]): string {
  const counts = STRENGTH.map((kind) => [kind, changed.filter((c) => changeKind(c.change) === kind).length] as const).filter(([, n]) => n > 0);
  const head = counts.length === 1 ? HEADS[counts[0]![0]](counts[0]![1]) : `${papers(changed.length)} changed: ${counts.map(([kind, n]) => SHORT[kind](n)).join(', ')}`;
  const strongestFirst = [...changed].sort((a, b) => STRENGTH.indexOf(changeKind(a.change)) - STRENGTH.indexOf(changeKind(b.change)));
  const lines = strongestFirst.slice(0, NAMED).map(({ title, change }) => `${shortTitle(title)} — ${what(change)}`);
  if (changed.length > NAMED) lines.push(`and ${changed.length - NAMED} more in your library`);
  return [head, ...lines].join('\n');
}

/** One notification for what a check found; it replaces the previous one, and leaves the new-papers notification alone. */
export async function notifySavedChanges(changed: readonly ChangedPaper[]): Promise<void> {
  if (changed.length === 0) return;
  await browser.notifications.create(SAVED_CHANGES_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'Paper Radar',
    message: savedChangesMessage(changed),
  });
}
