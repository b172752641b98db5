/**
 * How many papers the new tab shows at once: whole cards, or a compact list of one or two
 * lines per paper. A choice for this screen, kept in the page's own storage (read before the
 * first frame, so the page never paints in the other density first).
 */
export type Density = 'comfortable' | 'compact';

export const DENSITY_KEY = 'paper-radar:density';

export function readDensity(storage: Pick<Storage, 'getItem'>): Density {
  try {
    return storage.getItem(DENSITY_KEY) === 'compact' ? 'compact' : 'comfortable';
  } catch {
    return 'comfortable'; // storage can be unavailable; the default is safe
  }
}

/** Remembers the choice; false when storage refused it (the choice then lasts for this page). */
export function writeDensity(storage: Pick<Storage, 'setItem'>, density: Density): boolean {
  try {
    storage.setItem(DENSITY_KEY, density);
    return true;
  } catch {
    return false;
  }
}
