// pipeline_bench: times newsgraph's stages on a corpus, for bench/run.
//
//   pipeline_bench extract INPUT... [--threads N] [--map]
//       Reads every article with the real readers (timed: "read"), then
//       runs the extractor on them with N threads (default 1; timed:
//       "extract", wall time, and "extract_cpu", the process's CPU time),
//       and with --map also maps them to quads (one thread, in input
//       order, as `build` does; timed: "map"). Nothing is stored.
//   pipeline_bench lexicon DATA_DIR
//       Builds the lexicon from the TSV files of DATA_DIR (lexicons/data;
//       timed: "lexicon_build"), then times 200,000 lookups of places and
//       common words, half of them misses ("lookup_ns" per lookup).
//   pipeline_bench build INPUT... --store DIR --out DIR [--threads N] [--no-mention-offsets]
//                  [--no-files] [--no-text] [--force]
//       Runs pipeline::build_graph, as `newsgraph build` does, and prints its
//       report (every stage in BuildReport::stage_ms).
//
// Output: one "key<TAB>value" line per figure on stdout (parsed by
// bench/run), logs on stderr. Both print the corpus size (articles, words
// as whitespace-separated tokens of title and body, bytes of UTF-8 text)
// and the process's peak RSS (getrusage).

#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "lexicons/lexicon.hpp"
#include "loaders/input_files.hpp"
#include "loaders/nlp/extractor.hpp"
#include "loaders/to_rdf/article_to_rdf.hpp"
#include "ontology/iri_minter.hpp"
#include "pipeline/build.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// CPU time of the whole process (user + system), in ms: on a shared
// machine the extraction's wall time counts the time other processes hold
// the cores, its CPU time much less so.
double cpu_ms() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto ms = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

void print(std::string_view key, double value) { fmt::print("{}\t{:.3f}\n", key, value); }
void print(std::string_view key, std::size_t value) { fmt::print("{}\t{}\n", key, value); }

struct Args {
  std::string command;
  std::vector<std::string> inputs;
  std::string store;
  std::string out = "bench-out";
  std::size_t threads = 0;
  bool map = false;
  bool mention_offsets = true;
  bool keep_text = true;
  bool files = true;
  bool force = false;
};

[[noreturn]] void usage() {
  fmt::print(stderr,
             "usage: pipeline_bench extract INPUT... [--threads N] [--map]\n"
             "       pipeline_bench lexicon DATA_DIR\n"
             "       pipeline_bench build INPUT... --store DIR [--out DIR] [--threads N] [--no-mention-offsets]\n"
             "                      [--no-text] [--no-files] [--force]\n");
  std::exit(2);
}

Args parse(int argc, char** argv) {
  if (argc < 3) usage();
  Args args;
  args.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage();
      return argv[++i];
    };
    if (a == "--threads") args.threads = std::stoul(value());
    else if (a == "--store") args.store = value();
    else if (a == "--out") args.out = value();
    else if (a == "--map") args.map = true;
    else if (a == "--no-mention-offsets") args.mention_offsets = false;
    else if (a == "--no-text") args.keep_text = false;
    else if (a == "--no-files") args.files = false;
    else if (a == "--force") args.force = true;
    else if (a.starts_with("--")) usage();
    else args.inputs.emplace_back(a);
  }
  if (args.inputs.empty() || (args.command != "extract" && args.command != "build" && args.command != "lexicon")) usage();
  if (args.command == "build" && args.store.empty()) usage();
  return args;
}

struct Corpus {
  std::vector<ng::loaders::Article> articles;
  std::size_t words = 0;
  std::size_t bytes = 0;
};

int run_extract(const Args& args) {
  Corpus corpus;
  ng::loaders::InputReport report;
  auto start = Clock::now();
  ng::loaders::InputSink sink;
  sink.article = [&](ng::loaders::Article&& article) { corpus.articles.push_back(std::move(article)); };
  sink.records = [](ng::loaders::RecordSet&&) {};
  for (const auto& input : ng::loaders::discover_inputs(args.inputs, report)) {
    ng::loaders::read_input(input, sink, report);
  }
  const double read_ms = ms_since(start);
  std::vector<std::string> texts;
  texts.reserve(corpus.articles.size());
  for (const auto& article : corpus.articles) {
    texts.push_back(article.full_text());
    corpus.words += count_words(texts.back());
    corpus.bytes += texts.back().size();
  }
  const ng::nlp::Lexicon& lexicon = ng::nlp::Lexicon::builtin();  // built before the clock starts

  const std::size_t threads = std::max<std::size_t>(1, args.threads == 0 ? 1 : args.threads);
  std::vector<ng::nlp::Document> analyses(corpus.articles.size());
  std::atomic<std::size_t> next{0};
  start = Clock::now();
  const double cpu_start = cpu_ms();
  {
    std::vector<std::jthread> workers;
    for (std::size_t t = 0; t < threads; ++t) {
      workers.emplace_back([&] {
        for (std::size_t i = next++; i < texts.size(); i = next++) {
          ng::nlp::ExtractOptions options;
          options.has_title = !corpus.articles[i].title.empty();
          analyses[i] = ng::nlp::analyze(texts[i], lexicon, options);
        }
      });
    }
  }
  const double extract_ms = ms_since(start);
  const double extract_cpu_ms = cpu_ms() - cpu_start;
  std::size_t entities = 0;
  std::size_t statements = 0;
  for (const auto& a : analyses) {
    entities += a.entities.size();
    statements += a.statements.size();
  }

  print("articles", corpus.articles.size());
  print("words", corpus.words);
  print("bytes", corpus.bytes);
  print("skipped", report.skipped());
  print("threads", threads);
  print("read_ms", read_ms);
  print("extract_ms", extract_ms);
  print("extract_cpu_ms", extract_cpu_ms);
  print("entities", entities);
  print("statements", statements);
  if (args.map) {
    const ng::loaders::EntityCatalog known;
    const ng::ontology::IriMinter minter{std::string(ng::ontology::IriMinter::kDefaultBase)};
    ng::loaders::EntityResolver resolver(known, minter);
    for (const auto& analysis : analyses) {
      for (const auto& claim : ng::loaders::entity_claims(analysis)) resolver.add_found(claim);
    }
    ng::loaders::MappingOptions mapping;
    mapping.mention_offsets = args.mention_offsets;
    mapping.keep_text = args.keep_text;
    std::size_t quads = 0;
    start = Clock::now();
    for (std::size_t i = 0; i < analyses.size(); ++i) {
      quads += ng::loaders::article_to_rdf(corpus.articles[i], analyses[i], resolver, minter, mapping)
                   .quads.size();
    }
    print("map_ms", ms_since(start));
    print("quads", quads);
  }
  print("peak_rss_kb", static_cast<std::size_t>(peak_rss_kb()));
  return 0;
}

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int run_lexicon(const Args& args) {
  const std::string dir = args.inputs.front() + "/";
  const char* files[8] = {"places",   "organizations", "people",       "demonyms",
                          "given_names", "surnames",  "common_words", "annotated_names"};
  std::string text[8];
  for (int i = 0; i < 8; ++i) text[i] = read_whole_file(dir + files[i] + ".tsv");
  const auto start = Clock::now();
  const ng::nlp::Lexicon lexicon(
      ng::nlp::Lexicon::Sources{text[0], text[1], text[2], text[3], text[4], text[5], text[6], text[7]});
  print("lexicon_build_ms", ms_since(start));
  constexpr std::size_t kLookups = 100'000;
  std::size_t hits = 0;
  const auto looking = Clock::now();
  for (std::size_t i = 0; i < kLookups; ++i) {
    hits += lexicon.place(i % 2 == 0 ? "Nairobi" : "Qzxwvt").has_value();
    hits += lexicon.is_common_word(i % 2 == 0 ? "river" : "qzxwvt");
  }
  print("lookup_ns", ms_since(looking) * 1e6 / (2.0 * kLookups));
  print("lookup_hits", hits);
  print("peak_rss_kb", static_cast<std::size_t>(peak_rss_kb()));
  return 0;
}

int run_build(const Args& args) {
  ng::pipeline::BuildOptions options;
  options.inputs = args.inputs;
  options.out_dir = args.out;
  options.store_path = args.store;
  options.threads = args.threads;
  options.mapping.mention_offsets = args.mention_offsets;
  options.mapping.keep_text = args.keep_text;
  options.write_files = args.files;
  options.force = args.force;
  const ng::pipeline::BuildReport report = ng::pipeline::build_graph(options);

  // The corpus size, counted the way `extract` counts it (not timed).
  Corpus corpus;
  std::size_t articles = 0;
  ng::loaders::InputReport ignored;
  ng::loaders::InputSink sink;
  sink.article = [&](ng::loaders::Article&& article) {
    const std::string text = article.full_text();
    corpus.words += count_words(text);
    corpus.bytes += text.size();
    ++articles;
  };
  sink.records = [](ng::loaders::RecordSet&&) {};
  const long rss = peak_rss_kb();
  for (const auto& input : ng::loaders::discover_inputs(args.inputs, ignored)) {
    ng::loaders::read_input(input, sink, ignored);
  }

  print("articles", articles);
  print("words", corpus.words);
  print("bytes", corpus.bytes);
  print("articles_built", report.articles_built);
  print("articles_unchanged", report.articles_unchanged);
  print("articles_relinked", report.articles_relinked);
  print("articles_relinked_stored", report.articles_relinked_stored);
  print("extractions", report.extractions);
  print("skipped", report.input.skipped());
  print("statements", report.statements);
  print("quads_added", report.quads_added);
  print("store_quads", report.store_quads);
  for (const auto& [stage, ms] : report.stage_ms) print("stage_ms." + stage, ms);
  print("total_ms", report.total_ms);
  print("peak_rss_kb", static_cast<std::size_t>(rss));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_default_logger(spdlog::stderr_color_mt("bench"));
  // NG_BENCH_VERBOSE=1: info lines (one per phase); =debug: debug lines too.
  const char* verbose = std::getenv("NG_BENCH_VERBOSE");
  spdlog::set_level(verbose == nullptr              ? spdlog::level::warn
                    : std::string_view(verbose) == "debug" ? spdlog::level::debug
                                                            : spdlog::level::info);
  const Args args = parse(argc, argv);
  try {
    if (args.command == "extract") return run_extract(args);
    if (args.command == "lexicon") return run_lexicon(args);
    return run_build(args);
  } catch (const std::exception& e) {
    fmt::print(stderr, "pipeline_bench: {}\n", e.what());
    return 1;
  }
}
