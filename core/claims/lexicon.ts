/**
 * The small word lists the claim rules match against. They ship in the content script, so each list
 * stays short and general: words that mark a kind of claim in any news beat, never words of one
 * article. Lists are space-separated strings (smaller than arrays once minified).
 */

/** The entries of a space-separated list. */
export const words = (list: string): string[] => list.split(' ');
const set = (list: string): ReadonlySet<string> => new Set(words(list));

/** `\b(?:a|b|c)\b` for a space-separated list; multi-word entries use `_` for a space. */
export function wordsPattern(list: string): string {
  return `\\b(?:${words(list).map((w) => w.replace(/_/g, '\\s+')).join('|')})\\b`;
}

/** Verbs that report what someone said, wrote or found. Matched as whole lower-case tokens. */
export const SPEECH_VERBS = set(
  'said says say told tells stated states claimed claims announced announces added adds noted notes ' +
    'warned warns insisted insists argued argues reported reports estimated estimates confirmed confirms ' +
    'denied denies alleged alleges explained explains asserted asserts maintained maintains acknowledged ' +
    'acknowledges admitted admits declared declares stressed stresses emphasized emphasised revealed ' +
    'predicted predicts pledged promised vowed mentioned wrote writes testified concluded tweeted posted ' +
    'accused accuses blamed blames disclosed replied responded quipped joked urged urges',
);

/** Speech verbs that only report a claim when a that-clause follows ("researchers found that …"). */
export const THAT_VERBS = set('found finds show showed shows suggested suggests indicated indicates believe believes');

/** Verbs that attach a characterization to a source: "described by X as …", "X called it …". */
export const ATTRIBUTION_VERBS = set(
  'described describes called calls labelled labeled branded dubbed termed characterized characterised ' +
    'denounced condemned hailed deemed considered criticized criticised slammed',
);

/** Words that may sit between a subject and its speech verb: "Mizintsev also said", "officials have said". */
export const SUBJECT_VERB_FILLERS = set(
  'also later previously has have had recently repeatedly reportedly then separately earlier further ' +
    'publicly once again last yesterday today already would will',
);

export const PRONOUNS = set('he she they it we i');

/** Unnamed sources a statement can still be attributed to: "officials said", "the ministry said". */
export const SOURCE_NOUNS = set(
  'official officials police authorities ministry spokesman spokeswoman spokesperson spokespeople experts ' +
    'researchers scientists analysts report study statement government agency witnesses residents ' +
    'prosecutors investigators doctors economists sources survey data figures court judge lawyer lawyers ' +
    'critics activists observers department office organization organisation company group paper ' +
    'minister president spokesmen representatives officers commission committee army military ambassador ' +
    'envoy chief head leader director secretary commissioner',
);

/** Titles written as abbreviations before a name: the sentence never ends at "Gen." in "Col. Gen. Ivan". */
export const TITLE_ABBREVIATIONS = set(
  'Mr Mrs Ms Dr Prof Gen Col Lt Sgt Capt Maj Adm Cmdr Brig Gov Sen Rep Rev Hon Pres Supt Insp Det Cpl Pvt ' +
    'Mt Ft St Sr Jr Messrs Mme Gens Lt-Gen Maj-Gen',
);

/** Abbreviations that are followed by a number: "No. 5", "Art. 51", "Jan. 6". */
export const NUMBER_ABBREVIATIONS = set(
  'No Nos Art Vol Fig pp p Para Sec Ch Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec',
);

/** Capitalised words that start sentences or glue onto names but are not part of a name. */
export const CAPITALISED_STOPWORDS = set(
  'The A An This That These Those But And Or So Yet However Meanwhile In On At For From By With After ' +
    'Before When While If As Although Though Since Until During According Its His Her Their Our Some ' +
    'Many Most Both Each Other Such Under Over Also Then There Here It He She They We I What Why How ' +
    'Who Where Which Last Next Earlier Later Monday Tuesday Wednesday Thursday Friday Saturday Sunday ' +
    'January February March April May June July August September October November December',
);

/** Words that open sentences: after "U.S." such a word means the sentence did end there. */
export const SENTENCE_STARTERS = CAPITALISED_STOPWORDS;

/** Joining words allowed inside a name: "Bank of England", "Centers for Disease Control and Prevention". */
export const NAME_CONNECTORS = set('of for on and the de del da di du la le van von bin al');

/** Words that are never the unit of a count: "2 of them", "5 and 6". */
export const FUNCTION_WORDS = set(
  'a an the of to in on at by for from with and or but as is was were are be been has have had that ' +
    'which who this these those it its per than into over under after before since until when while if ' +
    'so not no said says out up down off more less times above below across around between among during ' +
    'through against within without ago later earlier last next each every because including while',
);

export const TIME_UNITS = set('seconds minutes hours days weeks months years decades centuries');
export const MONEY_WORDS = set('dollars euros pounds rubles roubles yuan yen rupees francs pesos');

export const MONTHS =
  'January February March April May June July August September October November December ' +
  'Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec';
export const WEEKDAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday';

/** Words before a number that mark it as an estimate: "some 25,000 people". */
export const APPROXIMATORS =
  'some about around approximately roughly nearly almost over more_than less_than fewer_than at_least ' +
  'up_to as_many_as an_estimated estimated close_to just_under just_over';

export const SPELLED_NUMBERS =
  'two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty ' +
  'seventy eighty ninety a_hundred a_thousand a_million a_billion a_dozen dozens hundreds thousands ' +
  'millions billions half a_third a_quarter two-thirds three-quarters';

/** Cause and effect. Strong verbs weigh more than "because", which opinions use as well. */
export const CAUSAL_STRONG =
  'led_to leads_to lead_to leading_to caused causes causing resulted_in results_in result_in ' +
  'as_a_result_of triggered triggers sparked sparks fuelled fueled fuels contributed_to contributes_to ' +
  'blamed_for blamed_on responsible_for driven_by linked_to stemmed_from stems_from worsening worsens ' +
  'worsened undermining undermines undermined disrupts disrupted disrupting prevented prevents';
export const CAUSAL_WEAK = 'because because_of due_to owing_to thanks_to as_a_result';

/** Irregular comparatives; regular "-er than" is matched by pattern. */
export const COMPARATIVES = 'more less fewer better worse';
export const SUPERLATIVES =
  'highest lowest largest biggest smallest worst fastest slowest deadliest strongest weakest richest ' +
  'poorest longest shortest oldest youngest costliest warmest hottest coldest wettest driest tallest ' +
  'cheapest safest busiest';
export const COMPARISON_PHRASES =
  'compared_with compared_to in_comparison_with relative_to up_from down_from doubled doubling tripled ' +
  'quadrupled halved twice_as three_times record_high record_low record-high record-low all-time_high ' +
  'all-time_low the_most the_least the_best';
export const CHANGE_VERBS =
  'rose risen fell fallen increased decreased declined dropped jumped surged soared plunged plummeted ' +
  'climbed grew shrank slumped';

/**
 * Loaded labels a fact-checker would question. Adjectives take the nouns that follow into the signal
 * ("unauthorized military base"); nouns stand alone ("regime", "massacre").
 */
export const LOADED_ADJECTIVES =
  'illegal illegitimate unlawful unauthorized unauthorised legitimate occupied so-called puppet rogue ' +
  'fake bogus extremist radical authoritarian corrupt brutal barbaric heinous draconian unprovoked ' +
  'self-proclaimed self-styled terrorist inhumane racist fascist';
export const LOADED_NOUNS =
  'terrorists terrorism regime regimes massacre massacres genocide occupation occupiers invasion invaders ' +
  'aggression aggressor propaganda junta dictator dictatorship thugs war_crimes ethnic_cleansing ' +
  'apartheid atrocity atrocities hoax witch_hunt disinformation provocation provocations';

/** Lines that belong to the page around the article, not to its claims. */
export const BOILERPLATE =
  'sign_up_for sign_up_to subscribe_to subscribe_now our_newsletter all_rights_reserved click_here ' +
  'read_more share_this follow_us privacy_policy terms_of_use terms_of_service cookie_policy ' +
  'getty_images ap_photo afp_photo file_photo photo_credit image_credit photo_by image_by ' +
  'photograph_by related_articles related_stories recommended_for_you advertisement download_our_app';

/** First-person opinion openers; outside quotations they mark a sentence as the writer's view. */
export const OPINION_MARKERS =
  'i_think i_believe i_feel i_guess i_hope i_love i_hate i_like we_think we_feel in_my_opinion ' +
  'in_my_view personally';
