import type { InferOutput } from 'valibot';
import { storage } from 'wxt/utils/storage';
import { FEED_ORDERS, MIN_SYNC_INTERVAL_MINUTES, PAPERS_PER_SUBSCRIPTION, THEMES, type FeedOrder, type Theme } from './schema/limits';
import type { SettingsSchema } from './schema/settings';

export type { Theme } from './schema/limits';

/** What the user set (the fields are described in lib/schema/settings.ts). */
export type Settings = InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  notifications: true,
  savedChangeNotifications: true,
  papersPerSubscription: 200,
  minSyncIntervalMinutes: 60,
  theme: 'system',
  showFigures: true,
  aiHeadlines: false,
  feedOrder: 'newest',
};

export const MIN_SYNC_INTERVAL_FLOOR_MINUTES = MIN_SYNC_INTERVAL_MINUTES.min;
export const PAPERS_PER_SUBSCRIPTION_RANGE = PAPERS_PER_SUBSCRIPTION;

function clampInteger(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** Settings with every field present and in range, whatever was stored or imported. */
export function normalizeSettings(value: unknown): Settings {
  const input = value && typeof value === 'object' ? (value as Partial<Record<keyof Settings, unknown>>) : {};
  const flag = (key: 'notifications' | 'savedChangeNotifications' | 'showFigures' | 'aiHeadlines') =>
    typeof input[key] === 'boolean' ? (input[key] as boolean) : DEFAULT_SETTINGS[key];
  return {
    notifications: flag('notifications'),
    savedChangeNotifications: flag('savedChangeNotifications'),
    papersPerSubscription: clampInteger(
      input.papersPerSubscription,
      PAPERS_PER_SUBSCRIPTION_RANGE.min,
      PAPERS_PER_SUBSCRIPTION_RANGE.max,
      DEFAULT_SETTINGS.papersPerSubscription,
    ),
    minSyncIntervalMinutes: clampInteger(
      input.minSyncIntervalMinutes,
      MIN_SYNC_INTERVAL_MINUTES.min,
      MIN_SYNC_INTERVAL_MINUTES.max,
      DEFAULT_SETTINGS.minSyncIntervalMinutes,
    ),
    theme: (THEMES as readonly unknown[]).includes(input.theme) ? (input.theme as Theme) : DEFAULT_SETTINGS.theme,
    showFigures: flag('showFigures'),
    aiHeadlines: flag('aiHeadlines'),
    feedOrder: (FEED_ORDERS as readonly unknown[]).includes(input.feedOrder) ? (input.feedOrder as FeedOrder) : DEFAULT_SETTINGS.feedOrder,
  };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

let updates: Promise<unknown> = Promise.resolve();

/** Applies changes one after another, so two quick changes on a page never overwrite each other. */
export function updateSettings(changes: Partial<Settings>): Promise<Settings> {
  const next = updates.then(async () => {
    const settings = normalizeSettings({ ...(await getSettings()), ...changes });
    await settingsItem.setValue(settings);
    return settings;
  });
  updates = next.catch(() => undefined);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(normalizeSettings(value)));
}
