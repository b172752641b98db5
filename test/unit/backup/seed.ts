import { db } from '../../../lib/db/db';
import { ingest } from '../../../lib/db/ingest';
import { savePaper, setNote, setTags } from '../../../lib/db/library';
import { addSubscription, reorderSubscriptions, updateSubscription } from '../../../lib/db/subscriptions';
import { getSettings, updateSettings } from '../../../lib/settings';
import { attentionPaper, higgsPaper, testingPages } from '../../helpers/fixtures';
import { allStoredPapers } from '../../helpers/stored-papers';

export const T0 = Date.UTC(2026, 7, 14, 9, 30);

let counter = 0;
const nextId = () => `sub-${++counter}`;

/** A profile with something in every part of a backup: subscriptions, feed, library, settings. */
export async function seedProfile(): Promise<void> {
  const testing = await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, T0, nextId);
  const vaswani = await addSubscription({ kind: 'author', value: 'Vaswani, Ashish', categories: ['cs.CL', 'cs.LG'], exclude: ['survey'] }, T0 + 1, nextId);
  const hep = await addSubscription({ kind: 'category', value: 'hep-ex', categories: [], exclude: ['lattice', 'neutrino mass'], label: 'Experiments' }, T0 + 2, nextId);
  await addSubscription({ kind: 'raw', value: 'au:"del maestro" AND ti:checkerboard', categories: [], exclude: [] }, T0 + 3, nextId);
  await updateSubscription(vaswani.id, { enabled: false });
  await reorderSubscriptions([hep.id, testing.id]);
  await ingest(testingPages[0]!, testing.id, T0);
  const [first, second] = testingPages[0]!;
  await savePaper(first!.id, T0 + 10);
  await savePaper(second!.id, T0 + 20);
  await savePaper(attentionPaper.id, T0 + 30, attentionPaper);
  await savePaper(higgsPaper.id, T0 + 40, higgsPaper);
  // Saved from an arXiv page while offline: no metadata yet.
  await savePaper('2601.00042', T0 + 50);
  await setTags(attentionPaper.id, ['transformers', 'to read']);
  await setNote(attentionPaper.id, 'Section 3.2: scaled dot-product attention.\nCompare with 1409.0473.');
  await setTags(higgsPaper.id, ['physics']);
  await setTags(first!.id, ['to read']);
  await updateSettings({ notifications: false, papersPerSubscription: 350, minSyncIntervalMinutes: 180, theme: 'dark', showFigures: false, aiHeadlines: true });
}

/** Everything an import could touch, in a form `toEqual` can compare. */
export async function snapshot() {
  return {
    subscriptions: await db.subscriptions.orderBy('order').toArray(),
    library: await db.library.orderBy('id').toArray(),
    papers: await allStoredPapers(),
    settings: await getSettings(),
  };
}
