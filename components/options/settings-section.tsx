import { useId } from 'preact/hooks';
import { MIN_SYNC_INTERVAL_FLOOR_MINUTES, type Settings, type Theme } from '../../lib/settings';
import { KeptField } from './kept-field';
import { modelNote, useOnDeviceModel } from './on-device-model';

const INTERVALS = [15, 30, 60, 180, 360, 720, 1440];
const THEMES: [Theme, string][] = [['system', 'Like the system'], ['light', 'Light'], ['dark', 'Dark']];

function intervalName(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const hours = minutes / 60;
  return Number.isInteger(hours) ? (hours === 1 ? '1 hour' : `${hours} hours`) : `${minutes} minutes`;
}

interface SettingsSectionProps {
  settings: Settings;
  onChange: (changes: Partial<Settings>) => Promise<void>;
}

/** Every setting, saved as soon as it changes. */
export function SettingsSection({ settings, onChange }: SettingsSectionProps) {
  const ids = { interval: useId() };
  const model = useOnDeviceModel();
  const intervals = [...new Set([...INTERVALS, settings.minSyncIntervalMinutes])].filter((m) => m >= MIN_SYNC_INTERVAL_FLOOR_MINUTES).sort((a, b) => a - b);
  return (
    <section id="settings" class="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <label class="check">
        <input type="checkbox" checked={settings.notifications} onChange={(e) => void onChange({ notifications: e.currentTarget.checked })} />
        <span>
          Notify me when new papers arrive
          <span class="hint block">One notification per sync, never one per paper.</span>
        </span>
      </label>
      <label class="check">
        <input type="checkbox" checked={settings.savedChangeNotifications} onChange={(e) => void onChange({ savedChangeNotifications: e.currentTarget.checked })} />
        <span>
          Notify me when a saved paper has a new version, is published or is withdrawn
          <span class="hint block">Saved papers are checked against arXiv once a day, after the sync that follows arXiv’s announcement.</span>
        </span>
      </label>
      <KeptField kept={settings.papersPerSubscription} onChange={onChange} />
      <div class="field">
        <label for={ids.interval}>Check arXiv at most every</label>
        <select id={ids.interval} value={String(settings.minSyncIntervalMinutes)} onChange={(e) => void onChange({ minSyncIntervalMinutes: Number(e.currentTarget.value) })}>
          {intervals.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {intervalName(minutes)}
            </option>
          ))}
        </select>
        <span class="hint block">
          arXiv announces new papers once a day, Sunday to Thursday at 20:00 New York time, and Paper Radar checks soon after. Checking
          more often finds nothing new; {MIN_SYNC_INTERVAL_FLOOR_MINUTES} minutes is the shortest gap allowed.
        </span>
      </div>
      <fieldset class="field">
        <legend>Theme</legend>
        <div class="radios">
          {THEMES.map(([theme, name]) => (
            <label key={theme} class="check inline">
              <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => void onChange({ theme })} />
              {name}
            </label>
          ))}
        </div>
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={settings.showFigures} onChange={(e) => void onChange({ showFigures: e.currentTarget.checked })} />
        <span>
          Show a figure on new-tab cards
          <span class="hint block">The first figure of the paper’s HTML version, loaded from arxiv.org when the card is shown.</span>
        </span>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.aiHeadlines}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            // The change is the user's gesture Chrome asks for before it downloads its model.
            if (on) model.fetch();
            void onChange({ aiHeadlines: on });
          }}
        />
        <span>
          One-line headlines written by your browser’s built-in AI
          <span class="hint block">
            Off unless you turn it on. Uses the browser’s on-device model where it has one (Chrome’s Summarizer); abstracts never leave your
            computer. {modelNote(model)}
          </span>
        </span>
      </label>
    </section>
  );
}
