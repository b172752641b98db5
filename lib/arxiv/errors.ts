/** arXiv answered with an error feed (HTTP 400 and friends). The message is arXiv's own text. */
export class ArxivApiError extends Error {
  override name = 'ArxivApiError';
  constructor(
    message: string,
    /** The fragment of arXiv's error id, e.g. `start_must_be_an_integer`. */
    readonly code: string = '',
  ) {
    super(message);
  }
}

/** The body is not an arXiv Atom feed: HTML, a truncated download, an empty body. */
export class FeedFormatError extends Error {
  override name = 'FeedFormatError';
}
