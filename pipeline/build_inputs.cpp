// Pass 1 of the build (builder.hpp): every input read and fingerprinted,
// or taken from the store's record of it; what changed goes to extraction.
#include "pipeline/builder.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "common/hash.hpp"
#include "loaders/input/iri_text.hpp"
#include "loaders/input_files.hpp"

namespace ng::pipeline::detail {

namespace {

// Bump when the mapping of records or catalogs changes, so that a build
// replaces their graphs even though their files did not change.
constexpr std::string_view kFileGraphVersion = "newsgraph-records-2";

bool is_records(const loaders::InputFile& input) {
  return input.format == loaders::InputFormat::RecordsCsv || input.format == loaders::InputFormat::RecordsJson;
}

// A records or catalog file is replaced as a whole graph when its bytes change.
std::string file_fingerprint(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << kFileGraphVersion << '\x1f' << in.rdbuf();
  return stable_hash_hex(bytes.str(), 16);
}

}  // namespace

bool Builder::unchanged_file(const std::string& graph, const std::string& fingerprint) const {
  const auto stored = fingerprints_.find(graph);
  return !options_.force && stored != fingerprints_.end() && stored->second == fingerprint;
}

void Builder::find_changed_catalogs() {
  for (const auto& path : options_.catalogs) {
    const std::string graph = minter_.records(loaders::file_iri(path));
    std::string fingerprint = file_fingerprint(path);
    if (!unchanged_file(graph, fingerprint)) changed_files_.push_back({path, graph, std::move(fingerprint), {}});
  }
}

void Builder::read_pass() {
  progress_.start("reading", inputs_.size(), "files");
  // Records first: then the order of articles is the order of the inputs.
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    if (is_records(inputs_[i])) read_records(i);
  }
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    if (!is_records(inputs_[i])) read_articles(i);
  }
  drain(0);
}

void Builder::read_records(std::size_t i) {
  const loaders::InputFile& input = inputs_[i];
  loaders::InputSink sink;
  sink.records = [&](loaders::RecordSet&& records) {
    ++report_.record_files;
    const std::string graph = minter_.records(records.url);
    std::string fingerprint = file_fingerprint(input.path);
    if (unchanged_file(graph, fingerprint)) return;
    changed_files_.push_back({input.path, graph, std::move(fingerprint), std::move(records)});
  };
  loaders::read_input(input, sink, report_.input, options_.read);
  progress_.step(input.path);
}

void Builder::read_articles(std::size_t i) {
  first_index_[i] = seen_.size();
  const loaders::InputFile& input = inputs_[i];
  if (input.path != "-" && !options_.force && replay_unchanged(i)) {
    progress_.step(input.path);
    return;
  }
  InputRecord record;
  record.given_path = input.path;
  record.read_at_ns = wall_clock_ns();
  const std::optional<FileStamp> before = input.path == "-" ? std::nullopt : stamp_file(input.path);
  const std::size_t problems = report_.input.problems.size();
  const std::size_t articles = report_.input.articles;
  loaders::InputSink sink;
  sink.article = [this, i, &record](loaders::Article&& article) {
    const std::string iri = minter_.article(article.url);
    std::string fingerprint = loaders::article_fingerprint(article);
    record.articles.push_back({article.url, fingerprint, article.origin});
    seen_article(std::move(article), i, iri, std::move(fingerprint));
  };
  loaders::read_input(input, sink, report_.input, options_.read);
  // Not recorded: a file with problems (they are to be reported again),
  // one that changed while it was read.
  if (before && report_.input.problems.size() == problems && stamp_file(input.path) == before) {
    record.stamp = *before;
    record.articles_read = report_.input.articles - articles;
    input_records_->keep(std::move(record));
  }
  progress_.step(input.path);
}

bool Builder::replay_unchanged(std::size_t i) {
  const std::optional<InputRecord> record = input_records_->unchanged(*store_, inputs_[i].path);
  if (!record) return false;
  std::vector<std::string> iris;
  iris.reserve(record->articles.size());
  for (const auto& article : record->articles) {
    iris.push_back(minter_.article(article.url));
    const auto stored = fingerprints_.find(iris.back());
    if (stored == fingerprints_.end() || stored->second != article.fingerprint) return false;
  }
  ++report_.input.files;
  report_.input.articles += record->articles_read;
  for (std::size_t a = 0; a < iris.size(); ++a) {
    const auto& article = record->articles[a];
    note_seen(iris[a], article.url, article.fingerprint, article.origin, i);
  }
  ++report_.files_not_read;
  return true;
}

bool Builder::note_seen(const std::string& iri, const std::string& url, const std::string& fingerprint,
               const std::string& origin, std::size_t input) {
  const std::size_t index = seen_.size();
  seen_.push_back({iri, input});
  auto [latest, added] = latest_.try_emplace(iri);
  if (!added) {
    report_.input.skip(latest->second.origin, fmt::format("same url as {}, which replaces it ({})", origin, url));
  }
  latest->second = {fingerprint, index, origin};
  const auto stored = fingerprints_.find(iri);
  return options_.force || stored == fingerprints_.end() || stored->second != fingerprint;
}

void Builder::seen_article(loaders::Article&& article, std::size_t input, const std::string& iri, std::string fingerprint) {
  if (inputs_[input].path == "-") stdin_articles_.push_back(article);  // standard input cannot be read twice
  if (!note_seen(iri, article.url, fingerprint, article.origin, input)) return;
  submit(std::move(article),
         [this, iri](Extracted&& done) {
           claims_[iri] = std::move(done.claims);
           kept_.keep(iri, std::move(done.stored_layers));
         },
         /*first_pass=*/true);
}

}  // namespace ng::pipeline::detail
