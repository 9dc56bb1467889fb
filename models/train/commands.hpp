#pragma once
// The subcommands of ng_train, one file each, and what they share.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "loaders/nlp/model/conllu.hpp"

namespace ng::models {

void add_tagger_command(CLI::App& app);    // train_tagger_command.cpp
void add_parser_command(CLI::App& app);    // train_parser_command.cpp
void add_evaluate_command(CLI::App& app);  // evaluate_command.cpp
void add_bench_command(CLI::App& app);     // bench_command.cpp
void add_names_command(CLI::App& app);     // train_names_command.cpp

// Debian's wordnet-base (scripts/debian-packages.txt).
inline constexpr const char* kWordnetDir = "/usr/share/wordnet";

// Progress and results on stderr, one line each.
void log_line(const std::string& line);

// The sentences of several treebanks, in the order given.
std::vector<nlp::model::ConlluSentence> read_treebanks(const std::vector<std::string>& paths);

// The whole file; throws ng::IoError.
std::string read_file(const std::string& path);
// Writes to path.tmp, then renames: no half-written model is left behind.
void write_file(const std::string& path, const std::string& bytes);

}  // namespace ng::models
