#include "graph/store_check.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <sstream>
#include <exception>
#include <map>
#include <unordered_set>

#include <fmt/format.h>

#include "common/error.hpp"
#include "graph/quad_scan.hpp"
#include "graph/quad_store.hpp"
#include "graph/store_directory.hpp"
#include "graph/term_spelling.hpp"

namespace fs = std::filesystem;

namespace ng::graph {

namespace {

constexpr std::size_t kMaxListed = 20;  // problems of one kind listed before "and N more"

class Checker {
 public:
  Checker(QuadStore& store, CheckReport& report) : store_(store), report_(report) {}

  void run() {
    if (!store_.meta("format")) problem("missing", "the store was never committed (no format in its metadata)");
    read_terms();
    read_quads();
    compare_index_sizes();
    std::size_t used = 0;
    for (const TermId id : used_) used += terms_.contains(id) ? 1 : 0;
    report_.unused_terms = terms_.size() - used;
    for (const auto& [kind, count] : overflow_) {
      report_.problems.push_back(fmt::format("... and {} more problems of this kind ({})", count, kind));
    }
  }

 private:
  void problem(const std::string& kind, const std::string& text) {
    if (++counts_[kind] <= kMaxListed) {
      report_.problems.push_back(text);
    } else {
      overflow_[kind] = counts_[kind] - kMaxListed;
    }
  }

  void read_terms() {
    const lmdb::Env& env = store_.env();
    lmdb::Cursor cursor(store_.txn(), env.terms, env.where());
    lmdb::Cursor hashes(store_.txn(), env.term_hashes, env.where());
    MDB_val k{}, v{};
    for (int rc = cursor.step(&k, &v, MDB_FIRST, env.where()); rc == MDB_SUCCESS;
         rc = cursor.step(&k, &v, MDB_NEXT, env.where())) {
      TermId id = 0;
      if (k.mv_size != sizeof id) {
        problem("term key", "a term has a key of the wrong size");
        continue;
      }
      std::memcpy(&id, k.mv_data, sizeof id);
      terms_.insert(id);
      const std::string_view spelling = lmdb::view(v);
      if (!spelling.empty() && !term_of_spelling(spelling)) {
        problem("term", fmt::format("term {} is not an RDF term: {}", id, std::string(spelling.substr(0, 80))));
      }
      std::uint64_t hash = spelling_hash(spelling);
      MDB_val hk = lmdb::val(&hash, sizeof hash), hv = lmdb::val(&id, sizeof id);
      if (hashes.step(&hk, &hv, MDB_GET_BOTH, env.where()) != MDB_SUCCESS) {
        problem("hash", fmt::format("term {} cannot be found by its hash", id));
      }
    }
    report_.terms = terms_.size();
    MDB_stat stat{};
    lmdb::check(mdb_stat(store_.txn(), env.term_hashes, &stat), "cannot read statistics", env.where());
    if (stat.ms_entries != terms_.size()) {
      problem("hash count", fmt::format("{} terms but {} hash entries", terms_.size(), stat.ms_entries));
    }
  }

  void read_quads() {
    const lmdb::Env& env = store_.env();
    lmdb::Cursor others[3] = {{store_.txn(), env.posg, env.where()},
                              {store_.txn(), env.ospg, env.where()},
                              {store_.txn(), env.gspo, env.where()}};
    const int orders[3] = {index_order::kPosg, index_order::kOspg, index_order::kGspo};
    const char* names[3] = {"posg", "ospg", "gspo"};
    std::unordered_set<TermId> graphs;
    for (QuadCursor cursor = store_.match({}, Distinct::Quads); !cursor.at_end(); cursor.next()) {
      const IdQuad& quad = cursor.quad();
      ++report_.quads;
      graphs.insert(quad.graph);
      for (const TermId id : {quad.subject, quad.predicate, quad.object, quad.graph}) {
        if (used_.insert(id).second && !terms_.contains(id)) {
          problem("dangling", fmt::format("a quad uses term {}, which the dictionary does not have", id));
        }
      }
      for (int i = 0; i < 3; ++i) {
        detail::IndexEntry entry = detail::index_entry(quad, orders[i]);
        MDB_val k = lmdb::val(&entry.key, sizeof entry.key), v = lmdb::val(entry.dup.data(), entry.dup.size());
        if (others[i].step(&k, &v, MDB_GET_BOTH, env.where()) != MDB_SUCCESS) {
          problem(names[i], fmt::format("quad ({} {} {} {}) of spog is missing from {}", quad.subject,
                                        quad.predicate, quad.object, quad.graph, names[i]));
        }
      }
    }
    report_.graphs = graphs.size();
  }

  void compare_index_sizes() {
    const lmdb::Env& env = store_.env();
    const std::pair<const char*, MDB_dbi> indexes[] = {{"posg", env.posg}, {"ospg", env.ospg}, {"gspo", env.gspo}};
    for (const auto& [name, dbi] : indexes) {
      MDB_stat stat{};
      lmdb::check(mdb_stat(store_.txn(), dbi, &stat), "cannot read statistics", env.where());
      if (stat.ms_entries != report_.quads) {
        problem("count", fmt::format("spog holds {} quads but {} holds {}", report_.quads, name, stat.ms_entries));
      }
    }
  }

  QuadStore& store_;
  CheckReport& report_;
  std::unordered_set<TermId> terms_, used_;
  std::map<std::string, std::size_t> counts_, overflow_;
};

CheckReport check_in_this_process(const fs::path& root) {
  CheckReport report;
  try {
    StoreDirectory::check_readable(root);
    std::error_code error;
    report.bytes = fs::file_size(root / "data.mdb", error);
    for (const auto& entry : fs::directory_iterator(root)) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with("gen-") || name == "CURRENT") {
        report.problems.push_back(fmt::format("{} is left from the Berkeley DB format (delete it)", name));
      }
    }
    std::shared_ptr<QuadStore> store = QuadStore::open(root, QuadStore::Mode::Read);
    Checker(*store, report).run();
  } catch (const std::exception& e) {
    report.problems.push_back(e.what());
  }
  return report;
}

}  // namespace

// LMDB trusts its pages: garbage written over them can make it read past
// the end of the map (SIGBUS) or through a wild pointer. The check reads
// the store in a child process, so that such a store is reported as
// damaged instead of taking the command down.
CheckReport check_store(const fs::path& root) {
  int fds[2];
  if (::pipe(fds) != 0) return check_in_this_process(root);
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return check_in_this_process(root);
  }
  if (child == 0) {
    ::close(fds[0]);
    const CheckReport report = check_in_this_process(root);
    std::string text = fmt::format("{} {} {} {} {}\n", report.quads, report.terms, report.graphs, report.unused_terms,
                                   report.bytes);
    for (std::string problem : report.problems) {
      std::replace(problem.begin(), problem.end(), '\n', ' ');
      text += problem + "\n";
    }
    for (std::size_t done = 0; done < text.size();) {
      const ssize_t n = ::write(fds[1], text.data() + done, text.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  CheckReport report;
  std::istringstream in(text);
  std::string line;
  if (std::getline(in, line)) {
    std::istringstream counts(line);
    counts >> report.quads >> report.terms >> report.graphs >> report.unused_terms >> report.bytes;
  }
  while (std::getline(in, line)) report.problems.push_back(line);
  if (WIFSIGNALED(status)) {
    report.problems.push_back(fmt::format("store {} is damaged: reading it crashed ({}): its pages were overwritten "
                                          "or cut",
                                          root.string(), ::strsignal(WTERMSIG(status))));
  } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || text.empty()) {
    report.problems.push_back(fmt::format("store {}: the check could not finish", root.string()));
  }
  return report;
}

}  // namespace ng::graph
