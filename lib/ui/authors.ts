export interface AuthorsLine {
  /** The names shown before the list is expanded. */
  shown: string[];
  /** How many authors the paper has in all. */
  total: number;
  /** True when names are left out ('et al.'). */
  truncated: boolean;
}

/**
 * The first `limit` authors, and whether there are more. A list only one name longer than the
 * limit is shown whole: 'et al. (4)' would hide a single name behind a click.
 */
export function authorsLine(names: readonly string[], limit = 3): AuthorsLine {
  const truncated = names.length > limit + 1;
  return { shown: truncated ? names.slice(0, limit) : [...names], total: names.length, truncated };
}

/** 'Vaswani, Shazeer, Parmar et al. (8)' as one string, for compact cards and labels. */
export function authorsText(names: readonly string[], limit = 3): string {
  const line = authorsLine(names, limit);
  const shown = line.shown.join(', ');
  return line.truncated ? `${shown} et al. (${line.total})` : shown;
}
