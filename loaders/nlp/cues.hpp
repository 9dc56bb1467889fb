#pragma once
// Closed-class English words that signal what a name is or what a sentence
// does: personal titles, role nouns, head nouns of organisation and place
// names, reporting verbs, pronouns, name particles. These are grammar, not
// names: none of them is specific to an article, a country or a topic.

#include <optional>
#include <string_view>

namespace ng::nlp::cues {

// Capitalised titles that precede a person's name and end a role
// ("President", "Minister", "Gen", "Mr", "Secretary-General").
bool is_title_head(std::string_view word) noexcept;
// Capitalised words that can come before a title head inside a role
// ("Defence", "Foreign", "Prime", "Deputy", "Vice", "Acting").
bool is_title_modifier(std::string_view word) noexcept;
// Titles that are only honorifics and carry no role ("Mr", "Mrs", "Dr").
bool is_honorific(std::string_view word) noexcept;
// Lower-case nouns naming a person's job or function ("spokesman",
// "legislator", "official"), for appositives and "Ukrainian lawmaker X".
bool is_role_noun(std::string_view lower_word) noexcept;

// Capitalised head nouns that make a name an organisation ("Ministry",
// "Council", "Bank", "University", "Party", "News").
bool is_organization_head(std::string_view word) noexcept;
// Lower-case nouns after a name that make it an organisation ("X news
// agency", "X newspaper"). Returns how many tokens the head spans (1 or 2)
// when `first` (and `second`) form one, else 0.
int organization_suffix(std::string_view first_lower, std::string_view second_lower) noexcept;
// Capitalised plurals that name political parties by their members
// ("Democrats", "Republicans", "Tories", "Greens").
bool is_party_plural(std::string_view word) noexcept;
// Capitalised words that name a government by its seat ("Kremlin", "White
// House", "Pentagon"): metonyms the press uses as organisations.
bool is_government_seat(std::string_view name) noexcept;

// Capitalised head nouns that make a name a place ("River", "Region",
// "Bridge", "Station").
bool is_place_head(std::string_view word) noexcept;
// Lower-case nouns after a name that make it a place ("X region", "X river",
// "X train station"): how many tokens (1 or 2), else 0.
int place_suffix(std::string_view first_lower, std::string_view second_lower) noexcept;
// Place heads whose bare name is the same place ("the Dnipro river" and "the
// Dnipro"; "X bridge" and "X"), unlike regions ("X region" is not city X).
bool place_head_shares_name(std::string_view lower_head) noexcept;
// Place heads that name an administrative area ("region", "province", "oblast").
bool is_region_head(std::string_view lower_head) noexcept;

// Prepositions before a place ("in", "near", "from").
bool is_place_preposition(std::string_view lower_word) noexcept;
// Lower-case words that may join two capitalised parts of one name
// ("de", "van", "bin", "al", "of", "for", "and", "the", "&").
bool is_name_particle(std::string_view lower_word) noexcept;
// Particles that only join organisation or place names ("of", "for", "and", "the", "on", "&").
bool is_phrase_connector(std::string_view lower_word) noexcept;

// Months, weekdays and other capitalised words that are never entities.
bool is_never_entity(std::string_view word) noexcept;

// Lines of web-page furniture that are not article text ("Advertisement",
// "Skip to content", "Read also:").
bool is_boilerplate_line(std::string_view line) noexcept;

enum class PronounKind { Male, Female, Neuter, Plural };
std::optional<PronounKind> subject_pronoun(std::string_view lower_word) noexcept;

// Reporting verbs. `lower_word` is an inflected form ("said", "warns",
// "claiming"). Returns the lemma ("say") when it is one.
std::optional<std::string_view> speech_verb_lemma(std::string_view lower_word) noexcept;
// Verbs that report speech only in some frames ("disputes these claims",
// "She continued: ...", "the letter reads", "reasoned that"): the lemma,
// for attribution over the parse; not in speech_verb_lemma.
std::optional<std::string_view> frame_speech_verb_lemma(std::string_view lower_word) noexcept;
// Speech verbs whose object, with its predicate, is what was said
// ("denied the charges", "called the plan reckless", "urged X to talk").
bool object_is_content(std::string_view lemma) noexcept;
// Speech verbs whose object is who is spoken to ("told Reuters", "urged
// Ukraine to"): the next name is the addressee, not the subject of the content.
bool takes_addressee(std::string_view lemma) noexcept;
// Nouns that make "expressed X" / "voiced X" a speech act ("hope", "caution").
bool is_speech_noun(std::string_view lower_word) noexcept;
// Auxiliaries and adverbs that may stand between a speaker and the verb
// ("has", "had", "also", "officially").
bool is_verb_filler(std::string_view lower_word) noexcept;

}  // namespace ng::nlp::cues
