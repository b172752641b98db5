import { isWordCode } from './words';

/** Whether a word of `folded` starts with `prefix` (both already through `foldCase`). */
export function hasWordPrefix(folded: string, prefix: string): boolean {
  for (let at = folded.indexOf(prefix); at >= 0; at = folded.indexOf(prefix, at + 1)) {
    if (at === 0 || !isWordCode(folded.charCodeAt(at - 1))) return true;
  }
  return false;
}
