"""The closed-class words the attribution family reads: determiners, pronouns, prepositions,
conjunctions, modals, numerals and punctuation.

Open-class words (nouns, verbs, adjectives, adverbs) live in ``rules/lexicons/attribution-*``,
where an editor extends them. These short lists are part of each language's grammar and do not
grow with the news, so they stay in code — all of them here, in one place, per language where
the code reads them per language. Dependency and entity labels are in :mod:`auditor.syntax`.

Sets that hold both languages at once are read in texts of either language (as they always
were); keeping them mixed keeps the results the same.
"""

from __future__ import annotations

# -- determiners and quantifiers ------------------------------------------------------------------

#: Determiners and quantifiers that make a noun phrase indefinite or counted: « certains
#: experts », "many critics" (a vague source), « un rapport » (an unidentified document).
QUANTIFIERS = {
    "fr": frozenset({"certain", "certaine", "certains", "certaines", "plusieurs", "nombreux", "nombreuses", "beaucoup",
                     "quelques", "divers", "diverses", "maints", "un", "une", "des", "de", "d'", "d’"}),
    "en": frozenset({"some", "many", "several", "various", "numerous", "most", "a", "an", "certain", "other",
                     "multiple", "few", "countless"}),
}
#: Indefinite articles: not a quantifier of a crowd ("many Americans" is, "an American" is not).
INDEFINITE_ARTICLES = frozenset({"a", "an", "un", "une"})
#: Lemmas of determiners that point at something known: « ce rapport », "the agency", "its board".
DEFINITE_DET_LEMMAS = frozenset({"the", "this", "that", "ce", "cet", "cette", "son", "sa", "leur", "its", "their"})
#: Possessive determiners (forms) with no ``Definite`` feature in the parse.
POSSESSIVE_DET_FORMS = frozenset({"ses", "leurs", "nos", "vos", "his", "her", "our", "your"})
#: Plural demonstratives: « ces deux candidats », "these researchers" (named before).
PLURAL_DEMONSTRATIVES = frozenset({"these", "those", "ces"})
#: Definite articles by their form.
DEFINITE_ARTICLES = frozenset({"the", "le", "la", "l'", "l’"})
#: Demonstrative determiners by their form (« ce taux », "this figure").
DEMONSTRATIVE_DETS = frozenset({"ce", "cet", "cette", "ces", "this", "these", "that", "those"})
#: Possessives before a noun: "Its previous round…" is the actor's own figure.
POSSESSIVES = frozenset({"its", "their", "his", "her", "son", "sa", "ses", "leur", "leurs"})
#: The article before a superlative (« la plus riche », "the most productive").
SUPERLATIVE_DETS = {"fr": frozenset({"le", "la", "les", "l'", "l’"}), "en": frozenset({"the"})}
#: The word that makes an adjective superlative.
SUPERLATIVE_ADVERB = {"fr": "plus", "en": "most"}
#: Quantifiers that hedge wherever they stand ("translated into many languages", "some critics").
LOOSE_QUANTIFIERS = {"en": frozenset({"many", "some", "others", "certain"}), "fr": frozenset()}
#: Quantifiers that hedge as (the determiner of) a subject: "Many consider…", « Certains estiment… ».
WEASEL_QUANTIFIERS = {"en": frozenset({"many", "some", "most", "others", "numerous", "countless"}),
                      "fr": frozenset({"beaucoup", "certains", "certaines", "d'autres", "d’autres"})}
#: A plural determiner opening what follows a name: « Sandrine Kervella, les élus ont adopté… » is a
#: new subject, not her role.
PLURAL_OPENERS = frozenset({"les", "des", "ces", "leurs", "nos", "vos", "ses", "these", "those"})
#: Indefinite determiners of an organisation left unnamed: « un collectif », "a statewide association".
INDEFINITE_DETS = frozenset({"a", "an", "un", "une", "des", "some", "certain", "certaine"})

# -- pronouns --------------------------------------------------------------------------------------

PRONOUNS_PERSON = frozenset({"il", "elle", "he", "she", "him", "her", "lui"})
PRONOUNS_ORG = frozenset({"it", "its"})
PRONOUNS_PLURAL = frozenset({"ils", "elles", "they", "them", "eux"})
#: Empty subjects of impersonal passives: "it is said", « il a été dit ».
IMPERSONAL_PRONOUNS = frozenset({"it", "il"})
#: « ce serait une erreur »: a hypothetical judgement, not hearsay.
DEMONSTRATIVE_PRONOUNS_FR = frozenset({"ce", "c'", "c’", "cela", "ça"})
#: Subjects that point back at the last speaker (« Elle précise… », "He added…").
BACK_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "he", "she", "they", "it", "celui-ci", "celle-ci", "ceux-ci",
                           "celles-ci", "lequel", "laquelle"})
#: Sentence openings that point back at the previous one (« Ces mots sont ceux de X »); the
#: trailing space is part of each entry.
BACK_OPENERS = ("those ", "these ", "this ", "that ", "such ", "ces ", "ce ", "c'", "c’", "tels ", "telles ", "ainsi ")
#: First person: reporters do not write « nous » / "we" outside quotes.
FIRST_PERSON = frozenset({"i", "we", "us", "our", "my", "me", "je", "j'", "j’", "nous", "notre", "nos", "mon", "ma", "mes", "moi"})
#: First- and second-person subjects of a modal ("we may"): not the writer's hedge.
PERSONAL_SUBJECTS = frozenset({"i", "we", "you"})
#: First-person subjects of an English "will": an intention, not a forecast.
FIRST_PERSON_SUBJECTS_EN = frozenset({"i", "we"})
#: Subject pronouns of an actor's own figures (« Il a signé 30 contrats »).
ACTOR_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "he", "she", "they", "we", "nous"})
#: Relative pronouns that start a description of a passer-by ("a nurse who cycles to work").
RELATIVE_PRONOUNS = frozenset({"who", "qui", "whose", "dont"})

# -- prepositions, conjunctions, adverbs of negation -----------------------------------------------

#: « qualifié de », "regarded as", "considered to be": a characterising complement.
AS_PREPOSITIONS = frozenset({"as", "comme", "of", "de", "d'", "d’", "to"})
AS_MARKERS = frozenset({"as", "comme"})
#: The preposition of a passive agent: « par le conservateur », "by the agency".
AGENT_PREPOSITIONS = frozenset({"par", "by"})
#: Prepositions that put a document in place of a source: « dans une étude », "in a study".
DOCUMENT_CASES = {"fr": ("dans", "selon", "d'après", "d’après"), "en": ("in", "by", "under")}
#: "…show up when they call", « si on le demande »: a clause that is not who says the claim.
TIME_CONDITION_MARKS = frozenset({"when", "whenever", "if", "unless", "until", "before", "after", "while", "once",
                                  "quand", "lorsque", "lorsqu'", "lorsqu’", "si", "s'", "s’", "avant", "après", "dès"})
#: Hypotheticals that make a French conditional a supposition, not hearsay (« si… », « sinon »).
HYPOTHETICAL_MARKERS_FR = ("si", "s'il", "s’il", "s'ils", "s’ils", "sinon", "au cas où", "quand bien même", "à supposer",
                           "faute de quoi", "sans quoi", "autrement")
#: Approximations that push a number up or down (« au moins 25 morts », "more than 4,000 jobs").
APPROXIMATIONS = ("au moins", "plus de", "pas moins de", "jusqu'à", "jusqu’à", "at least", "more than", "as many as", "up to")
#: Words after a superlative that rank it against a field (« la plus riche de France », "the
#: worst drought ever").
RANKING_WORDS = frozenset({"de", "du", "des", "d'", "d’", "of", "in", "au", "aux", "ever", "jamais", "yet", "since", "depuis",
                           "dans", "on", "among", "parmi"})
#: The preposition after a fraction (« la moitié des », "half of").
PARTITIVE_PREPOSITIONS = frozenset({"of", "de", "des", "du", "d'", "d’"})
#: Prepositions after a name that introduce its organisation ("Sandra Whitcombe of the state university").
AFFILIATION_PREPOSITIONS = frozenset({"of", "at", "from", "with", "de", "du", "chez", "à"})
#: French contracted articles « du » / « des » before a definite complement.
CONTRACTED_ARTICLES_FR = frozenset({"des", "du"})
#: Negations before an intensifier (litotes: « pas très convaincu », "weren't too concerned").
NEGATIONS = frozenset({"not", "n't", "pas", "never", "jamais", "plus"})
#: Negations of a verb that make it an impact ("will not recover", « ne reviendra plus »).
VERB_NEGATIONS = frozenset({"not", "n't", "never", "pas", "plus", "jamais"})
#: Reflexive pronouns: « se fera progressivement » (it will happen, not it will cause).
REFLEXIVES_FR = frozenset({"se", "s'", "s’"})
#: Reflexive prefixes of a lexicon entry (« se féliciter »).
REFLEXIVE_PREFIXES = ("se ", "s'", "s’")

# -- modals and numerals ---------------------------------------------------------------------------

MODALS = {"en": frozenset({"may"}), "fr": frozenset()}
FUTURE_MODALS_EN = frozenset({"will", "'ll", "wo"})
#: Numerals that are an article as often as a count (« un », "one").
ONE = frozenset({"un", "une", "one", "a"})
ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                           "premier", "première", "premiers", "premières", "second", "seconde"})

# -- punctuation -----------------------------------------------------------------------------------

#: Punctuation that ends the role phrase after a name.
ROLE_STOP = frozenset({",", ";", ".", ":", "(", ")", "!", "?", "—", "–", "«", "»", "“", "”", '"'})
#: Quotation marks (not part of a noun phrase).
QUOTE_MARKS = "«»“”\""

# -- added with the closed-class cleanup -----------------------------------------------------------

#: The English future auxiliary as a forecast reads it ("will", "'ll"; "wo" of "won't" apart).
WILL_EN = frozenset({"will", "'ll"})
#: The French « ce » / « c' » subject of an identifying sentence (« c'est lui qui… »).
CE_SUBJECTS_FR = frozenset({"ce", "c'", "c’"})
#: The English possessive clitic, straight and curly.
POSSESSIVE_CLITICS = frozenset({"'s", "’s"})
#: A definite article or its French contraction before a named organisation ("the", « du »).
DEFINITE_OF = frozenset({"the", "du"})
