import { isBaseArxivId } from '../arxiv/ids';

export interface ArxivLinks {
  abs: string;
  pdf: string;
  html: string;
}

/**
 * Links to a paper on arxiv.org, built from its id and version alone: the URLs in a feed are
 * text from outside and are never followed. Null for anything that is not an arXiv id.
 */
export function arxivLinks(id: string, version: number): ArxivLinks | null {
  if (!isBaseArxivId(id) || !Number.isInteger(version) || version < 1) return null;
  const versioned = `${id}v${version}`;
  return {
    abs: `https://arxiv.org/abs/${versioned}`,
    pdf: `https://arxiv.org/pdf/${versioned}`,
    html: `https://arxiv.org/html/${versioned}`,
  };
}

/** The abstract page of a paper's latest version, for a paper whose version is not known yet. */
export function latestAbsUrl(id: string): string | null {
  return isBaseArxivId(id) ? `https://arxiv.org/abs/${id}` : null;
}
