#pragma once
// A small helper that collects the quads of one named graph, so that the
// mapping code reads as a list of triples. With an emitter, it hands them on
// in chunks as they are made, so that a huge article never holds all its
// quads at once.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ontology/term.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::loaders {

class QuadSink {
 public:
  using Emitter = std::function<void(std::vector<ontology::Quad>&&)>;

  explicit QuadSink(std::string graph_name) : graph_name_(std::move(graph_name)) {}
  // Hands every `chunk` quads to `emit` (flush() the rest at the end).
  QuadSink(std::string graph_name, Emitter emit, std::size_t chunk)
      : graph_name_(std::move(graph_name)), emit_(std::move(emit)), chunk_(chunk) {}

  void add(std::string_view subject, std::string_view predicate, ontology::Term object) {
    quads_.push_back(ontology::Quad{ontology::Term::iri(std::string(subject)),
                                    ontology::Term::iri(std::string(predicate)), std::move(object),
                                    graph_name_});
    ++count_;
    if (emit_ && quads_.size() >= chunk_) flush();
  }
  // With an emitter: hands on what is left.
  void flush() {
    if (!emit_ || quads_.empty()) return;
    std::vector<ontology::Quad> chunk;
    chunk.swap(quads_);
    emit_(std::move(chunk));
  }
  // Every quad added, emitted or not.
  std::size_t count() const noexcept { return count_; }
  void add_iri(std::string_view subject, std::string_view predicate, std::string_view object) {
    add(subject, predicate, ontology::Term::iri(std::string(object)));
  }
  void add_type(std::string_view subject, std::string_view type) {
    add_iri(subject, ontology::vocab::rdf::kType, type);
  }
  void add_text(std::string_view subject, std::string_view predicate, std::string_view text) {
    add(subject, predicate, ontology::Term::literal(std::string(text)));
  }
  void add_typed(std::string_view subject, std::string_view predicate, std::string value,
                 std::string_view datatype) {
    add(subject, predicate, ontology::Term::literal(std::move(value), std::string(datatype)));
  }

  const std::string& graph_name() const noexcept { return graph_name_; }
  std::vector<ontology::Quad>& quads() noexcept { return quads_; }
  std::vector<ontology::Quad> take() { return std::move(quads_); }

 private:
  std::string graph_name_;
  Emitter emit_;
  std::size_t chunk_ = 0;
  std::size_t count_ = 0;
  std::vector<ontology::Quad> quads_;
};

}  // namespace ng::loaders
