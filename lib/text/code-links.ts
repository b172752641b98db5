export type CodeHost = 'GitHub' | 'GitLab' | 'Hugging Face' | 'Codeberg' | 'Bitbucket';

export interface CodeLink {
  url: string;
  host: CodeHost;
}

const HOSTS: Record<string, CodeHost> = {
  'github.com': 'GitHub',
  'gitlab.com': 'GitLab',
  'huggingface.co': 'Hugging Face',
  'codeberg.org': 'Codeberg',
  'bitbucket.org': 'Bitbucket',
};

// The host must be the whole host name: what precedes it is an http(s) scheme, a space or
// punctuation (not `evil-github.com`, `user@`, `javascript:…//`), and a `/` follows at once
// (not `github.com.evil.io`, not `github.com@evil.io`). The path keeps to characters a
// repository URL uses.
const LINK = new RegExp(
  String.raw`(?<![\p{L}\p{N}@._:/-])(?:([a-z][a-z0-9+.-]*):\/\/)?(?:www\.)?` +
    String.raw`(github\.com|gitlab\.com|huggingface\.co|codeberg\.org|bitbucket\.org)(\/[\w.~%+\-/#=&?]*)`,
  'giu',
);

// First path segments that are the host's own pages, not somebody's repository.
const NOT_REPOSITORIES = new Set([
  'about', 'blog', 'docs', 'explore', 'features', 'login', 'marketplace', 'orgs', 'pricing', 'search',
  'settings', 'signup', 'sponsors', 'topics', 'collections', 'papers', 'learn', 'join', 'users', 'help',
]);
// Hugging Face puts the kind of repository first: /datasets/owner/name, /spaces/owner/name.
const HUGGING_FACE_KINDS = new Set(['datasets', 'spaces', 'models']);

const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '/']);
/** Longer than any repository address: what a path is read of. */
const MAX_PATH = 300;

/** The path without the sentence's punctuation after it, found from the end (a pattern ending in `+$` is quadratic on long runs). */
function trimTrailing(path: string): string {
  let end = path.length;
  while (end > 0 && TRAILING.has(path[end - 1]!)) end--;
  return path.slice(0, end).replace(/\.git$/i, '');
}

function isRepositoryPath(host: CodeHost, path: string): boolean {
  const segments = path.split(/[/?#]/).filter((segment) => segment !== '');
  const [first, second, third] = segments;
  if (!first || !second || NOT_REPOSITORIES.has(first.toLowerCase())) return false;
  if (host === 'Hugging Face' && HUGGING_FACE_KINDS.has(first.toLowerCase())) return third !== undefined;
  return true;
}

/**
 * Repository links (GitHub, GitLab, Hugging Face, Codeberg, Bitbucket) mentioned in abstracts
 * and comments, as https URLs without the sentence's trailing punctuation, each once.
 */
export function findCodeLinks(texts: string[]): CodeLink[] {
  const links: CodeLink[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    // TeX escapes inside URLs (`my\_repo`) are the author's, not GitHub's.
    for (const match of text.replace(/\\([_~%#&])/g, '$1').matchAll(LINK)) {
      const [, scheme, hostName = '', rawPath = ''] = match;
      if (scheme !== undefined && !/^https?$/i.test(scheme)) continue;
      const host = HOSTS[hostName.toLowerCase()];
      const path = trimTrailing(rawPath.slice(0, MAX_PATH));
      if (!host || !isRepositoryPath(host, path)) continue;
      const url = `https://${hostName.toLowerCase()}${path}`;
      const key = url.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({ url, host });
    }
  }
  return links;
}
