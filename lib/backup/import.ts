import { atomically, readTogether } from '../db/atomically';
import { allTags, libraryItems, putLibraryItems } from '../db/library';
import { getPapers, putPapers } from '../db/papers';
import type { LibraryItem, StoredPaper } from '../db/schema';
import { listSubscriptions, putSubscriptions } from '../db/subscriptions';
import { updateSettings } from '../settings';
import type { ImportedBackup } from './format';
import { planImport, type ImportPlan, type LocalData } from './merge';

export interface ImportSummary {
  subscriptionsAdded: number;
  /** Subscriptions left out because one with the same query is already here. */
  subscriptionsKnown: number;
  papersAdded: number;
  /** Papers already saved that gain tags, a note or newer metadata. */
  papersMerged: number;
  papersUnchanged: number;
  newTags: string[];
  /** A few titles of the papers the import adds, to show the user what is coming. */
  sampleTitles: string[];
  /** Ids of the subscriptions added (to sync them). */
  addedSubscriptionIds: string[];
}

export interface ImportOptions {
  now: number;
  newId?: () => string;
  /** Also replace the current settings with the file's. */
  restoreSettings?: boolean;
}

async function readLocal(backup: ImportedBackup): Promise<LocalData> {
  const ids = backup.library.map((item) => item.id);
  const [subscriptions, items, papers, tags] = await Promise.all([
    listSubscriptions(),
    libraryItems(ids),
    getPapers(ids),
    allTags(),
  ]);
  return {
    subscriptions,
    library: new Map(items.flatMap((item): [string, LibraryItem][] => (item ? [[item.id, item]] : []))),
    papers: new Map(papers.flatMap((paper): [string, StoredPaper][] => (paper ? [[paper.id, paper]] : []))),
    tags: new Set(tags),
  };
}

function summarize(plan: ImportPlan, backup: ImportedBackup): ImportSummary {
  const adding = new Set(plan.addLibrary.map((item) => item.id));
  return {
    subscriptionsAdded: plan.addSubscriptions.length,
    subscriptionsKnown: plan.knownSubscriptions,
    papersAdded: plan.addLibrary.length,
    papersMerged: plan.updateLibrary.length,
    papersUnchanged: plan.unchangedLibrary,
    newTags: plan.newTags,
    sampleTitles: backup.library.flatMap((item) => (adding.has(item.id) && item.paper ? [item.paper.title] : [])).slice(0, 3),
    addedSubscriptionIds: plan.addSubscriptions.map((s) => s.id),
  };
}

const defaultNewId = () => crypto.randomUUID();

/** What importing `backup` would do to what is stored now; changes nothing. */
export async function previewImport(backup: ImportedBackup, options: ImportOptions): Promise<ImportSummary> {
  return readTogether(async () => {
    const plan = planImport(backup, await readLocal(backup), { now: options.now, newId: options.newId ?? defaultNewId });
    return summarize(plan, backup);
  });
}

/**
 * Merges a checked backup into the database in one transaction: if any write fails, none is
 * kept. Settings live in browser storage, outside the transaction, so they are written after it.
 */
export async function applyImport(backup: ImportedBackup, options: ImportOptions): Promise<ImportSummary> {
  const summary = await atomically(async () => {
    const plan = planImport(backup, await readLocal(backup), { now: options.now, newId: options.newId ?? defaultNewId });
    await putSubscriptions(plan.addSubscriptions);
    await putPapers(plan.putPapers);
    await putLibraryItems([...plan.addLibrary, ...plan.updateLibrary]);
    return summarize(plan, backup);
  });
  if (options.restoreSettings) await updateSettings(backup.settings);
  return summary;
}
