import { useEffect } from 'preact/hooks';
import type { SyncState, SyncStateName } from '../../lib/sync/state';
import { syncStatusText } from '../../lib/ui/sync-status-text';
import { useServices } from './services';
import { useToast } from './toast';

/** Asks the background to sync now; a failure to reach it is said in the toast. */
export function useSyncNow(): (subscriptionIds?: string[]) => void {
  const services = useServices();
  const toast = useToast();
  return (subscriptionIds) => {
    const data = subscriptionIds ? { subscriptionIds } : {};
    services.send('syncNow', data).then(
      (summary) => {
        if (summary.state === 'error' || summary.state === 'offline') toast({ text: summary.message ?? 'The check of arXiv failed.' });
      },
      (error: unknown) => toast({ text: error instanceof Error ? error.message : String(error) }),
    );
  };
}

/**
 * "Paper Radar will check arXiv when you're back online": a background worker asleep when the
 * browser came back online hears nothing of it. A page that sees the status still offline while
 * the browser is online (opened then, or open when it happens) asks for the check.
 */
export function useCheckWhenOnline(state: SyncState | undefined): void {
  const services = useServices();
  const offline = state?.state === 'offline';
  useEffect(() => {
    if (!offline) return;
    const check = () => {
      if (navigator.onLine) void services.send('syncNow', {}).catch(() => undefined);
    };
    check();
    window.addEventListener('online', check);
    return () => window.removeEventListener('online', check);
  }, [offline]);
}

interface SyncStatusProps {
  state: SyncState;
  now: number;
  compact?: boolean;
  /** Where a page shows the status twice (see the new tab's header), the second one's test id. */
  testId?: string;
  /** A problem in two words, where the whole of it, with Retry, has a line of its own (the new tab's header). */
  brief?: boolean;
}

/** The bar's two words for what the line below it says whole. */
const BRIEF: Partial<Record<SyncStateName, string>> = { offline: 'Offline', error: 'Check failed', syncing: 'Checking arXiv…' };

/** "Updated 2 h ago · next check after tonight's arXiv announcement", or what went wrong, with Retry. */
export function SyncStatus({ state, now, compact = false, testId = 'sync-status', brief = false }: SyncStatusProps) {
  const syncNow = useSyncNow();
  const status = syncStatusText(state, now);
  const short = brief && (status.problem || status.trouble === true);
  return (
    <p
      class={`sync-status sync-status--${state.state}${compact ? ' sync-status--compact' : ''}`}
      data-testid={testId}
      data-state={state.state}
      title={status.text}
    >
      <span class="sync-status__dot" aria-hidden="true" />
      <span class="sync-status__text">{short ? BRIEF[state.state] : status.text}</span>
      {status.problem && !short && (
        <button type="button" class="link-button sync-status__retry" onClick={() => syncNow()}>
          Retry
        </button>
      )}
    </p>
  );
}

export function SyncButton({ state, compact = false }: { state: SyncState; compact?: boolean }) {
  const syncNow = useSyncNow();
  const syncing = state.state === 'syncing';
  return (
    <button
      type="button"
      class={`button sync-button${syncing ? ' sync-button--busy' : ''}`}
      data-testid="sync-now"
      aria-busy={syncing}
      title="Check arXiv for new papers now"
      onClick={() => syncNow()}
    >
      <svg class="icon" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M13.5 8a5.5 5.5 0 0 1-9.9 3.3M2.5 8a5.5 5.5 0 0 1 9.9-3.3M12.5 1.5v3.2H9.3M3.5 14.5v-3.2h3.2" />
      </svg>
      <span class={compact ? 'visually-hidden' : undefined}>Sync now</span>
    </button>
  );
}
