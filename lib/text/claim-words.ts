import { trimEndOf } from './trim-end';

// The small closed classes of words that decide where a claim may start and end. Lower case.

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * Words that lean on what came before: a claim never opens with one. Connectives ("First,",
 * "However,") are removed from the front; pronouns are replaced or the claim is rebuilt.
 */
export const CONNECTIVES = [
  'first', 'firstly', 'second', 'secondly', 'third', 'thirdly', 'fourth', 'finally', 'lastly', 'next', 'then',
  'furthermore', 'moreover', 'additionally', 'in addition', 'also', 'further', 'besides', 'likewise', 'similarly',
  'overall', 'notably', 'specifically', 'in particular', 'particularly', 'importantly', 'crucially', 'remarkably',
  'surprisingly', 'interestingly', 'empirically', 'experimentally', 'in practice', 'in summary', 'in short',
  'in total', 'to summarize', 'in conclusion', 'as a result', 'consequently', 'thus', 'therefore', 'hence',
  'accordingly', 'however', 'nevertheless', 'nonetheless', 'still', 'yet', 'in contrast', 'by contrast',
  'on the other hand', 'meanwhile', 'instead', 'indeed', 'in fact', 'altogether', 'together', 'as such',
  'to this end', 'in doing so', 'by doing so', 'in this way', 'in turn', 'thereby', 'and', 'but', 'so', 'or',
  'as expected', 'in both cases', 'in all cases', 'in the end', 'ultimately', 'collectively', 'taken together',
];

/** Words a claim must not open with, whatever follows them. */
export const FORBIDDEN_OPENERS = set(`
  it its they their them this these that those we our us he she his her which who whose such here
  first firstly second secondly third thirdly finally lastly next then furthermore moreover additionally
  also further besides likewise similarly overall notably specifically particularly importantly however
  nevertheless nonetheless still yet instead indeed thus therefore hence consequently accordingly meanwhile
  and but so or thereby whereas while although though because since despite
`);

/** A comma followed by one of these starts a new clause or a phrase that can be left out. */
export const CLAUSE_AFTER_COMMA = set(`
  which while whereas where when whereby thereby thus hence but yet although though despite even as because
  since so due with without compared relative respectively including such e.g. i.e. namely especially
  particularly notably a an outperforming driven given shown known taken seen chosen
`);

/** These open a clause of their own even without a comma before them. */
export const SUBORDINATORS = set('while whereas although though thereby whereby');

/** These open a phrase that a long claim can do without ("… 2.7x faster | on GPUs"). */
export const PREPOSITIONS = set(`
  on in across for under at over with without using via through during against compared relative when after
  within beyond among
`);

/** A claim never ends on one of these: the phrase they open would be cut in half. */
export const DANGLING_ENDS = set(`
  a an the and or of to by for in on at from than as that which whose with without into onto over under per via
  its their our his her this these those both either neither vs versus between among while whereas when where
  is are was were be been being has have had can could will would may might should must not no nor up
  e.g. i.e. such including
  only solely mainly mostly primarily largely exclusively entirely even just also especially particularly
  predominantly directly
  compatible consistent comparable similar equivalent due able close prior according related proportional
  superior inferior identical sensitive robust resistant susceptible dependent independent responsible
  applicable subject prone akin analogous attributable specific unique competitive available
`);

/** Verbs whose object is the result itself: "We achieve a 2.3x speedup" says "a 2.3x speedup". */
export const RESULT_OBJECT_VERBS = set(`
  achieve achieves achieved obtain obtains obtained attain attains attained observe observes observed report
  reports reported see sees saw measure measures measured get gets got reach reaches reached yield yields
  yielded deliver delivers delivered provide provides provided offer offers offered record recorded
  demonstrate demonstrates demonstrated
`);

/** The nouns by which an abstract refers to its own system ("our framework", "this method"). */
export const SELF_NOUNS = set(`
  method methods approach approaches system systems framework frameworks design designs model models algorithm
  algorithms technique techniques tool tools library implementation implementations solution solutions scheme
  schemes protocol protocols architecture prototype compiler scheduler runtime engine pipeline strategy
  mechanism estimator planner solver solvers kernel kernels
`);

/** What an abstract says before it names its system: "We present NAVIS", "a tool called X". */
export const NAMING_VERBS = set(`
  present presents propose proposes introduce introduces develop develops design designs build builds implement
  implements describe describes release releases call called name named dub dubbed term termed
`);

/** Function words skipped between a naming verb and the name ("We propose a new system, X"). */
export const NAMING_FILLERS = set('a an the our new novel simple');

export const first = (text: string): string => /^\S*/.exec(text)?.[0] ?? '';
/** A word as the lexicon lists it: lower case, without the punctuation after it. */
export const bare = (word: string): string => trimEndOf(word.toLowerCase(), ',;:.!?');
