/**
 * Whether arXiv's metadata says a paper was withdrawn. The API has no field for it: a
 * withdrawal is a new version whose comment says so, in the submitter's words ("This paper has
 * been withdrawn because it was submitted prematurely …") or in arXiv's ("arXiv admin note: This
 * paper has been withdrawn by arXiv due to …"), both as arXiv's search page shows them
 * (test/fixtures/arxiv/html/search_all_attention.html). Older withdrawals replaced the abstract
 * with the same sentence. Only a sentence about the paper itself counts: a comment such as
 * "supersedes arXiv:1234.5678, which was withdrawn" does not.
 */
const ABOUT_ITSELF = String.raw`(?:this|the)\s+(?:paper|article|manuscript|submission|preprint|work|version|note|letter)\s+(?:has\s+been|had\s+been|is\s+being|is|was)\s+withdrawn\b`;
const BY_ITS_AUTHORS = String.raw`\b(?:authors?|submitter)\s+(?:has|have)\s+withdrawn\s+(?:this|the)\s+(?:paper|article|manuscript|submission|preprint)\b`;
const OPENS_WITH = String.raw`^\s*(?:(?:paper|article|submission)\s+)?withdrawn\b`;

const IN_COMMENT = new RegExp(`${OPENS_WITH}|\\b${ABOUT_ITSELF}|${BY_ITS_AUTHORS}`, 'i');
/** An abstract is a paper's own words: only one that opens with the notice is a withdrawal. */
const IN_ABSTRACT = new RegExp(`${OPENS_WITH}|^\\s*${ABOUT_ITSELF}`, 'i');

export function isWithdrawn(paper: { comment?: string; summary: string }): boolean {
  return (paper.comment !== undefined && IN_COMMENT.test(paper.comment)) || IN_ABSTRACT.test(paper.summary);
}
