export type PageData = typeof import('./page-data');

let loading: Promise<PageData> | undefined;

/** The database side of the pages; started as the page starts, awaited where it is needed. */
export function loadData(): Promise<PageData> {
  loading ??= import('./page-data');
  return loading;
}
