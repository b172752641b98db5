import { storage } from 'wxt/utils/storage';
import type { SyncStatus } from './syncer';

/**
 * Whether this browser takes part in syncing, and how the last sync went. Kept in this browser
 * only (`local:`): turning sync off here must not turn it off everywhere.
 */
export const browserSyncEnabled = storage.defineItem<boolean>('local:browserSync.enabled', { fallback: true });
export const browserSyncStatus = storage.defineItem<SyncStatus | null>('local:browserSync.status', { fallback: null });
