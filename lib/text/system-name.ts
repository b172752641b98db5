import { bare, NAMING_FILLERS, NAMING_VERBS } from './claim-words';
import { trimEndOf } from './trim-end';

// A system's name mixes cases or digits: NAVIS, GriNNder, AB-Sparse, FlashAttention-2, CStencil.
const NAME = /^[A-Z](?=[A-Za-z0-9-]*[A-Z0-9])[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;
// A plain capitalized word is a name when an apposition follows it: "Kestrel, a cache", "Kestrel: …", "Kestrel (…)".
const APPOSED_NAME = /^[A-Z][a-z0-9]+(?:-[A-Za-z0-9]+)*[,:]$/;
const LOOK_AHEAD = 4;

/**
 * The name the abstract gives its own system ("We present NAVIS, …", "a tool called X"), or
 * null. Read word by word, once.
 */
export function systemName(abstract: string): string | null {
  const words = abstract.split(' ');
  for (let i = 0; i < words.length; i++) {
    if (!NAMING_VERBS.has(bare(words[i] ?? ''))) continue;
    for (let j = i + 1; j <= i + LOOK_AHEAD && j < words.length; j++) {
      const word = trimEndOf(words[j] ?? '', ')"\'\u201d,.:;').replace(/^[("'\u201c]+/, '').replace(/['\u2019]s$/, '');
      if (NAME.test(word) || APPOSED_NAME.test(words[j] ?? '') || (/^[A-Z][a-z]+$/.test(word) && (words[j + 1] ?? '').startsWith('('))) return word;
      // Only lower-case words stand between the verb and the name ("a new system, X").
      if (!NAMING_FILLERS.has(word.toLowerCase()) && !/^[a-z-]+,?$/.test(words[j] ?? '')) break;
    }
  }
  return null;
}
