import { BackupSection } from './backup-section';
import { BrowserSyncSection } from './browser-sync-section';
import { DataSection } from './data-section';
import { LibraryExportSection } from './library-export-section';
import { NotInterestedSection } from './not-interested-section';
import { SettingsSection } from './settings-section';
import { SubscriptionsSection } from './subscriptions-section';
import { useSettings, useTheme } from './use-settings';

const SECTIONS: [id: string, name: string][] = [
  ['subscriptions', 'Subscriptions'],
  ['settings', 'Settings'],
  ['not-interested', 'Not interested'],
  ['browser-sync', 'Other browsers'],
  ['library-export', 'Export library'],
  ['backup', 'Backup'],
  ['data', 'Your data'],
];

/** The options page: one column of sections, reached from the popup and the new tab. */
export function OptionsApp() {
  const [settings, changeSettings] = useSettings();
  useTheme(settings?.theme);
  return (
    <div class="options-page">
      <header class="page-header">
        <div class="brand">
          <img src="/icon/48.png" width={28} height={28} alt="" />
          <h1>Paper Radar</h1>
        </div>
        <nav aria-label="Sections">
          {SECTIONS.map(([id, name]) => (
            <a key={id} href={`#${id}`}>
              {name}
            </a>
          ))}
        </nav>
      </header>
      <main>
        <SubscriptionsSection />
        {settings && <SettingsSection settings={settings} onChange={changeSettings} />}
        <NotInterestedSection />
        <BrowserSyncSection />
        <LibraryExportSection />
        <BackupSection />
        <DataSection />
      </main>
    </div>
  );
}
