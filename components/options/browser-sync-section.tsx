import { useEffect, useState } from 'preact/hooks';
import { browserSyncEnabled, browserSyncStatus } from '../../lib/browser-sync/preferences';
import { QUOTA, type SyncStatus } from '../../lib/browser-sync/syncer';
import { LIMITS } from '../../lib/schema/limits';
import { formatBytes, formatCount } from './format';

function useStored<T>(item: { getValue(): Promise<T>; watch(callback: (value: T) => void): () => void }): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void item.getValue().then((loaded) => current && setValue(loaded));
    const unwatch = item.watch((next) => setValue(next));
    return () => {
      current = false;
      unwatch();
    };
  }, [item]);
  return value;
}

function Usage({ status }: { status: SyncStatus | null | undefined }) {
  if (!status) return <p class="hint">Not synced yet: the first sync happens within a minute.</p>;
  const share = Math.round((status.bytes / QUOTA.bytes) * 100);
  return (
    <>
      <p>
        Paper Radar’s synced data takes {formatBytes(status.bytes)} of the {formatBytes(QUOTA.bytes)} your browser keeps for it ({share}%).
      </p>
      <meter class="sync-usage" min={0} max={QUOTA.bytes} value={status.bytes} aria-label="Share of the browser’s sync storage used" />
      {status.problem && (
        <p class="notice" role="status">
          {status.problem}
        </p>
      )}
    </>
  );
}

/** Whether this browser syncs with the reader's others, how much of the quota that takes, and what stays where. */
export function BrowserSyncSection() {
  const enabled = useStored(browserSyncEnabled);
  const status = useStored(browserSyncStatus);
  return (
    <section id="browser-sync" class="panel" aria-labelledby="browser-sync-title">
      <h2 id="browser-sync-title">Your other browsers</h2>
      <p class="lead">
        Your subscriptions, settings and saved papers (with their tags, notes up to {LIMITS.syncedNote} characters, and “Not interested” marks) travel
        to the other computers where you use this browser with its sync turned on, and so does which of the last two weeks’ papers you have read,
        as far as there is room. Papers themselves do not: each browser fetches them from arXiv.
      </p>
      <label class="check">
        <input type="checkbox" checked={enabled ?? true} disabled={enabled === undefined} onChange={(e) => void browserSyncEnabled.setValue(e.currentTarget.checked)} />
        <span>
          Keep this browser in step with my others
          <span class="hint block">
            {enabled === false
              ? 'Off on this computer: everything here stays here, and your other browsers keep theirs. Turning it on again merges both, losing nothing.'
              : 'When the browser’s sync storage is full, the papers you saved longest ago stay on this computer only; nothing is deleted.'}
          </span>
        </span>
      </label>
      {enabled !== false && <Usage status={status} />}
      {status?.notSynced ? <p class="hint">{formatCount(status.notSynced, 'saved paper', 'saved papers')} do not travel: the browser’s sync storage is full.</p> : null}
    </section>
  );
}
