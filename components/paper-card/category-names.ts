let nameOf: ((id: string) => string | undefined) | undefined;
let loading: Promise<void> | undefined;

/**
 * arXiv's names for category ids ('cs.CL' → 'Computation and Language'), shown as tooltips.
 * The taxonomy is loaded after the first paint: the ids are what the cards show.
 */
export function loadCategoryNames(): Promise<void> {
  loading ??= import('../../lib/arxiv/categories').then(({ categoryName }) => {
    nameOf = categoryName;
  });
  return loading;
}

/** The name of a category, once the taxonomy has loaded; undefined until then. */
export function categoryTitle(id: string): string | undefined {
  return nameOf?.(id);
}
