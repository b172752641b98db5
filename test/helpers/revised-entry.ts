export interface Revision {
  version: number;
  updated: string;
  title?: string;
  /** A sentence added to the abstract. */
  addToSummary?: string;
  comment?: string;
  journalRef?: string;
  doi?: string;
}

/**
 * Derived in the tests, never a fixture: a real `<entry>` as arXiv would send a later version of
 * it (the id's version, the revision date and the fields given changed; everything else as arXiv
 * sent it).
 */
export function revisedBlock(block: string, r: Revision): string {
  let next = block
    .replace(/(\/(?:abs|pdf)\/[^"<\s]+?)v\d+/g, `$1v${r.version}`)
    .replace(/<updated>[^<]*<\/updated>/, `<updated>${r.updated}</updated>`);
  if (r.title !== undefined) next = next.replace(/<title>[\s\S]*?<\/title>/, `<title>${r.title}</title>`);
  if (r.addToSummary !== undefined) next = next.replace(/\s*<\/summary>/, ` ${r.addToSummary}</summary>`);
  if (r.comment !== undefined) {
    next = /<arxiv:comment[^>]*>/.test(next)
      ? next.replace(/(<arxiv:comment[^>]*>)[\s\S]*?<\/arxiv:comment>/, `$1${r.comment}</arxiv:comment>`)
      : next.replace('</entry>', `<arxiv:comment>${r.comment}</arxiv:comment>\n  </entry>`);
  }
  if (r.journalRef !== undefined) next = next.replace('</entry>', `<arxiv:journal_ref>${r.journalRef}</arxiv:journal_ref>\n  </entry>`);
  if (r.doi !== undefined) next = next.replace('</entry>', `<arxiv:doi>${r.doi}</arxiv:doi>\n  </entry>`);
  return next;
}
