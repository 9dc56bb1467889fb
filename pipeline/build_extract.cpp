// Extraction on the build's pool (builder.hpp): articles in, their names
// and layers out, handed on in the order they were submitted.
#include "pipeline/builder.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/extractor.hpp"
#include "loaders/to_rdf/entity_claims.hpp"

namespace ng::pipeline::detail {

namespace {

// Keeps at most this many articles per worker in flight, and at most this
// much text, so memory stays bounded however large the input and however
// large its articles (extraction takes a few times an article's size).
constexpr std::size_t kInFlightPerThread = 8;
constexpr std::size_t kInFlightBytes = std::size_t{16} << 20;

}  // namespace

void Builder::submit(loaders::Article&& article, std::function<void(Extracted&&)> then, bool first_pass) {
  make_room(article);
  const nlp::Lexicon& lexicon = nlp::Lexicon::builtin();
  in_flight_.push_back({pool_.submit([article = std::move(article), &lexicon, first_pass]() mutable {
                          const double started = thread_cpu_ms();
                          Extracted out;
                          nlp::ExtractOptions extract;
                          extract.has_title = !article.title.empty();
                          const nlp::Document document = nlp::analyze(article.full_text(), lexicon, extract);
                          if (first_pass) {
                            out.claims = loaders::entity_claims(document);
                            out.stored_layers =
                                loaders::to_stored_layers(loaders::mapping_layers(document), document.text);
                          } else {
                            out.layers = loaders::mapping_layers(document);
                          }
                          out.article = std::move(article);
                          out.extracted = true;
                          out.ms = thread_cpu_ms() - started;
                          return out;
                        }),
                        std::move(then)});
}

void Builder::submit_ready(Extracted&& ready, std::function<void(Extracted&&)> then) {
  make_room(ready.article);
  std::promise<Extracted> done;
  done.set_value(std::move(ready));
  in_flight_.push_back({done.get_future(), std::move(then)});
}

void Builder::make_room(const loaders::Article& article) {
  drain(pool_.size() * kInFlightPerThread);
  const std::size_t bytes = article.title.size() + article.body.size();
  while (!in_flight_.empty() && in_flight_bytes_ + bytes > kInFlightBytes) drain(in_flight_.size() - 1);
  in_flight_bytes_ += bytes;
}

void Builder::drain(std::size_t keep) {
  while (in_flight_.size() > keep) {
    auto [future, then] = std::move(in_flight_.front());
    in_flight_.pop_front();
    const auto waited = Clock::now();
    Extracted done = future.get();
    in_flight_bytes_ -= done.article.title.size() + done.article.body.size();
    report_.stage_ms["wait-extract"] += ms_since(waited);
    report_.stage_ms["extract"] += done.ms;
    if (done.extracted) ++report_.extractions;
    then(std::move(done));
  }
}

}  // namespace ng::pipeline::detail
