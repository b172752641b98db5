import { useEffect, useId, useState } from 'preact/hooks';
import { eraseEverything } from '../../lib/backup/erase';
import { savedCount } from '../../lib/db/library';
import { paperCounts } from '../../lib/db/papers';
import { clearFeed } from '../../lib/db/retention';
import { formatBytes, formatCount } from './format';
import { useServices } from './services';
import { useLiveQuery } from './use-live-query';

const CONFIRM_WORD = 'DELETE';

async function counts() {
  const [papers, saved] = await Promise.all([paperCounts().then((c) => c.papers), savedCount()]);
  return { papers, saved };
}

/** What is stored and how to remove it: the feed alone, or everything. */
export function DataSection() {
  const { estimateStorage } = useServices();
  const stored = useLiveQuery(counts, [], null);
  const [usage, setUsage] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<'feed' | 'all' | null>(null);
  const [typed, setTyped] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const confirmId = useId();

  useEffect(() => {
    void estimateStorage().then((estimate) => setUsage(estimate?.usage ?? null), () => setUsage(null));
  }, [stored?.papers, stored?.saved]);

  const clear = async () => {
    const removed = await clearFeed();
    setConfirming(null);
    setNotice(`Cleared the feed: ${formatCount(removed, 'paper', 'papers')} removed. Saved papers stay.`);
  };
  const erase = async () => {
    if (typed !== CONFIRM_WORD) return;
    await eraseEverything();
    setConfirming(null);
    setTyped('');
    setNotice('Everything was deleted on this computer: subscriptions, papers, library and settings. Syncing with your other browsers is off here.');
  };
  const inFeed = stored ? stored.papers : 0;

  return (
    <section id="data" class="panel" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p class="lead">Everything stays in this browser: no account, no server.</p>
      <dl class="stats">
        <div>
          <dt>Storage used</dt>
          <dd data-stat="storage">{usage === null ? '–' : formatBytes(usage)}</dd>
        </div>
        <div>
          <dt>Papers stored</dt>
          <dd data-stat="papers">{stored ? stored.papers.toLocaleString('en') : '–'}</dd>
        </div>
        <div>
          <dt>Saved papers</dt>
          <dd data-stat="saved">{stored ? stored.saved.toLocaleString('en') : '–'}</dd>
        </div>
      </dl>
      <div class="actions">
        <button type="button" class="button-secondary" onClick={() => setConfirming('feed')} disabled={inFeed === 0}>
          Clear feed (keeps saved papers)
        </button>
        <button type="button" class="button-danger" onClick={() => setConfirming('all')}>
          Delete everything…
        </button>
      </div>
      {confirming === 'feed' && (
        <div class="confirm" role="group" aria-label="Clear the feed">
          <p>Remove every paper that is not saved? Subscriptions stay, and the next sync brings recent papers back (those you marked “Not interested” stay hidden).</p>
          <button type="button" class="button-danger" onClick={() => void clear()}>
            Clear feed
          </button>
          <button type="button" class="button-secondary" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
      {confirming === 'all' && (
        <div class="confirm" role="group" aria-label="Delete everything">
          <p>
            This deletes your subscriptions, every paper, your library with its tags and notes, and your settings, on this computer. It
            cannot be undone: export a backup first if you may want them back. Your other browsers keep theirs: syncing with them is
            turned off here.
          </p>
          <label for={confirmId}>Type {CONFIRM_WORD} to confirm</label>
          <div class="form-row">
            <input id={confirmId} type="text" autocomplete="off" spellcheck={false} value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
            <button type="button" class="button-danger" disabled={typed !== CONFIRM_WORD} onClick={() => void erase()}>
              Delete everything
            </button>
            <button type="button" class="button-secondary" onClick={() => (setConfirming(null), setTyped(''))}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
