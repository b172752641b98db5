// The words that mark a sentence of an abstract as a finding, a problem, a plan or an outlook.
// Phrases are lower-case; a trailing `*` makes a word a stem ("improv*": improve, improved).

export const VERB = 1;
export const COMPARISON = 2;
export const EVIDENCE = 4;
export const MAIN_RESULT = 8;
export const BACKGROUND = 16;
export const AIM = 32;
export const METHOD = 64;
export const OUTLOOK = 128;
export const ANAPHORIC = 256;
/** A result stated without digits: "by an order of magnitude", "by a factor of two". */
export const SCALE = 512;

export interface Phrases {
  marks: number;
  phrases: string[];
  /** Only as the opening words of the sentence. */
  atStart?: boolean;
}

/** Phrases that mark a sentence wherever they stand. */
export const PHRASES: Phrases[] = [
  {
    marks: VERB,
    phrases: [
      'achiev*', 'outperform*', 'improv*', 'reduc*', 'speeds up', 'speed up', 'sped up', 'speedup*',
      'accelerat*', 'surpass*', 'exceed*', 'boost*', 'cut', 'cuts', 'lower*', 'increas*', 'decreas*',
      'saves', 'saving', 'deliver*', 'attain*', 'reach*', 'yield*', 'gain*', 'enhanc*', 'eliminat*',
      'match*', 'beat*', 'raise', 'raises', 'lift', 'lifts', 'recover*', 'detect*', 'preserv*', 'scales',
      'scaling',
    ],
  },
  {
    marks: COMPARISON,
    phrases: [
      'up to', 'at least', 'as much as', 'faster', 'slower', 'higher', 'lower', 'better', 'fewer',
      'smaller', 'larger', 'less', 'more than', 'over the', 'compared to', 'compared with', 'relative to',
      'than',
    ],
  },
  {
    marks: EVIDENCE,
    phrases: ['it is shown', 'clear evidence', 'strong evidence', 'is observed', 'are observed', 'was observed', 'were observed'],
  },
  { marks: SCALE, phrases: ['by a factor', 'by an order', 'order of magnitude', 'orders of magnitude'] },
  {
    marks: BACKGROUND,
    atStart: true,
    phrases: [
      'however', 'yet', 'unfortunately', 'despite', 'although', 'existing', 'prior', 'previous',
      'traditional', 'conventional', 'recently', 'recent', 'many', 'most', 'nowadays', 'currently',
    ],
  },
  {
    marks: BACKGROUND,
    phrases: [
      'suffer*', 'struggl*', 'bottleneck*', 'challeng*', 'limitation*', 'lack*', 'drawback*',
      'shortcoming*', 'fail to', 'fails to', 'is difficult', 'are difficult', 'open problem*',
      'open question*', 'motivat*',
    ],
  },
  {
    marks: AIM,
    atStart: true,
    phrases: [
      'in this paper', 'in this work', 'in this study', 'in this article', 'in this report', 'in this letter',
      'in this thesis', 'this paper', 'this work', 'this study', 'this article', 'this report', 'this letter',
      'this thesis', 'here', 'to address', 'to tackle', 'to solve', 'to overcome', 'to bridge', 'to fill',
      'to this end', 'to realize', 'to achieve', 'to enable', 'to mitigate',
    ],
  },
  { marks: AIM, phrases: ['the goal', 'the aim', 'the objective', 'the purpose', 'aim to', 'aims to', 'aimed at', 'intent of'] },
  {
    marks: METHOD,
    phrases: ['consist of', 'consists of', 'comprise', 'comprises', 'is based on', 'is built on', 'relies on', 'is composed of'],
  },
  {
    marks: OUTLOOK,
    phrases: [
      'future work', 'future directions', 'research directions', 'directions for', 'we discuss',
      'we conclude by', 'we conclude with', 'we outline', 'we hope', 'we argue', 'implication for',
      'implications for', 'is promising for', 'paving the way', 'open new', 'opens new', 'open up new',
      'opens up new', 'insight into', 'insights into',
    ],
  },
  { marks: ANAPHORIC, atStart: true, phrases: ['and', 'but', 'or', 'so', 'thus', 'this is because', 'that is', 'that'] },
];

/** Words that other words count only after: "results … show", "we … propose", "remains … open". */
export const ANCHORS = {
  subject: [
    'result', 'results', 'experiment', 'experiments', 'evaluation', 'evaluations', 'findings', 'analysis',
    'analyses', 'measurements', 'simulations', 'benchmark', 'benchmarks', 'studies',
  ],
  we: ['we'],
  remain: ['remain', 'remains', 'remained'],
  copula: ['is', 'are', 'become', 'becomes'],
  main: ['main', 'central', 'key', 'principal', 'headline'],
};

export type Anchor = keyof typeof ANCHORS;

export interface Near {
  marks: number;
  /** The words count when one of the anchor's words stands at most `reach` words before them. */
  anchor: Anchor;
  reach: number;
  words: string[];
}

const REPORTING = [
  'show*', 'find*', 'found', 'prove*', 'demonstrat*', 'observ*', 'establish*', 'obtain*', 'achiev*',
  'confirm*', 'report*', 'indicat*', 'reveal*', 'suggest*',
];

export const NEAR: Near[] = [
  // A reporting verb belongs to a subject of its own clause (the scan forgets subjects at a comma).
  { marks: EVIDENCE, anchor: 'subject', reach: 7, words: REPORTING },
  { marks: EVIDENCE, anchor: 'we', reach: 2, words: REPORTING },
  {
    marks: AIM,
    anchor: 'we',
    reach: 2,
    words: ['study', 'investigate', 'explore', 'examine', 'consider', 'address', 'focus', 'aim', 'seek', 'ask'],
  },
  {
    marks: METHOD,
    anchor: 'we',
    reach: 2,
    words: [
      'propose', 'present', 'introduce', 'design', 'develop', 'implement', 'build', 'describe', 'devise',
      'formulate', 'construct', 'use', 'employ', 'adopt', 'leverage', 'release',
    ],
  },
  {
    marks: BACKGROUND,
    anchor: 'remain',
    reach: 2,
    words: ['challenging', 'unexplored', 'open', 'difficult', 'unclear', 'limited', 'scarce', 'unknown', 'elusive', 'challenge'],
  },
  {
    marks: BACKGROUND,
    anchor: 'copula',
    reach: 2,
    words: ['critical', 'fundamental', 'key', 'important', 'major', 'crucial', 'essential', 'pivotal', 'widely', 'increasingly', 'common'],
  },
  // "Our main result is …"; "three key findings" only announces them.
  { marks: MAIN_RESULT, anchor: 'main', reach: 1, words: ['result', 'finding'] },
];
