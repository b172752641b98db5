import type { ComponentChildren, Ref } from 'preact';
import type { SyncState } from '../../lib/sync/state';
import { useServices } from '../common/services';
import { SyncButton, SyncStatus } from '../common/sync-controls';
import { syncStatusText } from '../../lib/ui/sync-status-text';
import type { Density } from '../../lib/ui/density';
import { DensitySwitch } from './density-switch';
import type { View } from './route';

interface HeaderProps {
  view: View;
  onView: (view: View) => void;
  query: string;
  onQuery: (query: string) => void;
  searchRef: Ref<HTMLInputElement>;
  sync: SyncState | undefined;
  now: number;
  /** The density switch, where the page offers one. */
  density?: { density: Density; onDensity: (density: Density) => void };
  /** Saved papers changed since saved that the reader has not marked seen (see changedCount). */
  changedSaves?: number;
  /** The filter chips, under the top row (the digest only). */
  children?: ComponentChildren;
}

interface ViewTabProps {
  view: View;
  current: View;
  onView: (view: View) => void;
  label: string;
  /** Drawn over the tab's corner, and said after its label. */
  count?: { shown: string; said: string };
}

function ViewTab({ view, current, onView, label, count }: ViewTabProps) {
  return (
    <a
      href={view === 'library' ? '#library' : '#'}
      class={view === current ? 'views__tab views__tab--on' : 'views__tab'}
      aria-current={view === current ? 'page' : undefined}
      aria-label={count ? `${label}, ${count.said}` : undefined}
      title={count?.said}
      onClick={(event) => {
        event.preventDefault();
        onView(view);
      }}
    >
      {label}
      {count && (
        <span class="views__count" aria-hidden="true">
          {count.shown}
        </span>
      )}
    </a>
  );
}

/**
 * On the Library tab, the saved papers arXiv changed that the reader was told of and has not
 * marked seen: once the notification is gone, this is what leads to them. Over the tab's corner,
 * so its arrival moves nothing in the bar.
 */
const changedCount = (count: number | undefined) =>
  count ? { shown: count > 99 ? '99+' : String(count), said: `${count} saved ${count === 1 ? 'paper' : 'papers'} changed on arXiv` } : undefined;

/** Brand, Digest/Library, search, density, sync status and Sync now, options; sticky at the top. */
export function Header({ view, onView, query, onQuery, searchRef, sync, now, density, changedSaves, children }: HeaderProps) {
  const services = useServices();
  const status = sync === undefined ? undefined : syncStatusText(sync, now);
  // A sync asking arXiv again after a failed attempt says why there too: a hung request is 30 s of a spinning icon.
  const problem = status !== undefined && (status.problem || status.trouble === true);
  return (
    <header class="topbar">
      <div class="topbar__row">
        {/* The heading's name is the logo's: the visible name gives way below 900 px (digest.css). */}
        <h1 class="brand">
          <img src="/icon/32.png" alt="Paper Radar" width={20} height={20} />
          <span aria-hidden="true">Paper Radar</span>
        </h1>
        <nav class="views" aria-label="Views">
          <ViewTab view="digest" current={view} onView={onView} label="Digest" />
          <ViewTab view="library" current={view} onView={onView} label="Library" count={changedCount(changedSaves)} />
        </nav>
        <div class="search" role="search">
          <svg class="icon search__icon" viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="7" cy="7" r="4.5" />
            <path d="m10.5 10.5 3.5 3.5" />
          </svg>
          <input
            ref={searchRef}
            type="search"
            class="search__input"
            data-testid="search-input"
            aria-label={view === 'library' ? 'Search your library' : 'Search all papers'}
            placeholder={view === 'library' ? 'Search your library' : 'Search all papers'}
            autocomplete="off"
            spellcheck={false}
            value={query}
            onInput={(event) => onQuery(event.currentTarget.value)}
            onFocus={() => view !== 'library' && services.search().build()}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              if (query) onQuery('');
              else event.currentTarget.blur();
              event.preventDefault();
            }}
          />
          <kbd class="search__hint" aria-hidden="true">
            /
          </kbd>
        </div>
        <div class="topbar__status">
          {density && <DensitySwitch {...density} />}
          {sync && <SyncStatus state={sync} now={now} brief />}
          {sync && <SyncButton state={sync} compact />}
          <button type="button" class="button button--icon" title="Options" aria-label="Options" onClick={services.openOptions}>
            <svg class="icon" viewBox="0 0 16 16" aria-hidden="true">
              <path d="M2 4h7M12 4h2M2 8h2M7 8h7M2 12h8M13 12h1" />
              <circle cx="10.5" cy="4" r="1.5" />
              <circle cx="5.5" cy="8" r="1.5" />
              <circle cx="11.5" cy="12" r="1.5" />
            </svg>
          </button>
        </div>
      </div>
      {/*
        A problem gets a line of its own, whole, with Retry: in the bar it was cut to "arXiv's API
        is having trouble (HTTP 503). Trying again at…" at 1280 px, and below 900 px the bar has no
        room for the status at all (digest.css). The bar says it in two words.
      */}
      {sync && problem && (
        <div class="topbar__problem">
          <SyncStatus state={sync} now={now} testId="sync-problem" />
        </div>
      )}
      {children}
    </header>
  );
}
