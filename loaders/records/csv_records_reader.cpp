#include "loaders/records/csv_records_reader.hpp"

#include <csv.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <cstdint>
#include <vector>

#include "common/unicode.hpp"
#include "loaders/input/encoding.hpp"
#include "loaders/input/iri_text.hpp"
#include "loaders/input/line_reader.hpp"
#include "loaders/input/text_cleanup.hpp"
#include "loaders/input/text_file.hpp"
#include "loaders/records/csv_header.hpp"
#include "loaders/records/record_builder.hpp"

namespace ng::loaders {

namespace {

// An unclosed quote makes the rest of the file one field; each one is
// recovered from by re-reading after the line where it opened. Bounded so
// that a file full of stray quotes stays linear.
constexpr int kMaxRestarts = 16;

// Fields and rows as libcsv delivers them through its C callbacks.
struct Collector {
  std::vector<std::string> fields;
  std::vector<std::vector<std::string>> rows;
  int last_terminator = 0;
};

void on_field(void* data, std::size_t length, void* self) noexcept {
  auto& collector = *static_cast<Collector*>(self);
  try {
    collector.fields.emplace_back(data ? static_cast<const char*>(data) : "", data ? length : 0);
  } catch (...) {
    // Out of memory inside a C callback: the row comes out short and is
    // reported as such, rather than unwinding through libcsv.
  }
}

void on_row(int terminator, void* self) noexcept {
  auto& collector = *static_cast<Collector*>(self);
  collector.last_terminator = terminator;
  try {
    collector.rows.push_back(std::move(collector.fields));
  } catch (...) {
  }
  collector.fields.clear();
}

// Owns a libcsv parser in strict mode: a quote inside an unquoted field, text
// after a closing quote, and an unclosed quote at the end are errors.
class CsvParser {
 public:
  CsvParser() { init(); }
  ~CsvParser() { csv_free(&parser_); }
  CsvParser(const CsvParser&) = delete;
  CsvParser& operator=(const CsvParser&) = delete;

  void reset() {
    csv_free(&parser_);
    init();
  }
  // False on a quoting error.
  bool feed(const std::string& bytes, Collector& collector) {
    return csv_parse(&parser_, bytes.data(), bytes.size(), on_field, on_row, &collector) == bytes.size();
  }
  // False when the file ends inside a quoted field.
  bool finish(Collector& collector) { return csv_fini(&parser_, on_field, on_row, &collector) == 0; }

 private:
  void init() {
    if (csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
  }
  csv_parser parser_{};
};

class CsvRecordsReader {
 public:
  CsvRecordsReader(std::istream& in, const std::string& path, std::size_t max_line_bytes, InputReport& report)
      : reader_(in, max_line_bytes), max_line_bytes_(max_line_bytes), path_(path), report_(report) {
    set_.file = path;
  }

  std::optional<RecordSet> read() {
    if (is_binary_text(reader_.head())) {
      report_.skip(path_, "binary file, not text");
      return std::nullopt;
    }
    while (!stopped_) {
      read_lines();
      if (stopped_) break;
      if (reader_.failed()) {
        report_.skip(path_, "cannot read: I/O error");
        break;
      }
      if (parser_.finish(collector_)) {
        take_rows(reader_.line_number());
        break;
      }
      broken_row("unclosed quote: this row's quoted field runs to the end of the file");
      if (!restart()) break;
    }
    if (stopped_) return std::nullopt;
    if (!header_) {
      report_.skip(path_, "empty file");
      return std::nullopt;
    }
    return std::move(set_);
  }

 private:
  void read_lines() {
    std::string line;
    for (LineReader::Status status; !stopped_ && (status = reader_.next(line)) != LineReader::Status::End;) {
      const std::size_t number = reader_.line_number();
      if (status == LineReader::Status::TooLong) {
        report_.skip(fmt::format("{}:{}", path_, number),
                     fmt::format("line is {} MB, over the size limit of {} MB (twice the article size limit)",
                                 megabytes(reader_.last_length()), megabytes(max_line_bytes_)),
                     InputProblem::Kind::TooLarge);
        start_over();
        continue;
      }
      if (awaiting_row_) {
        // libcsv skips lines of spaces and tabs between rows.
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        awaiting_row_ = false;
        row_line_ = number;
        row_bad_ = false;
        resume_offset_ = reader_.offset();
      }
      if (const auto problem = find_utf8_problem(line); problem && !row_bad_) {
        report_.skip(fmt::format("{}:{}:{}", path_, number, problem->column),
                     problem->what.starts_with("invalid UTF-8") ? not_utf8_message(line, problem->what) : problem->what);
        row_bad_ = true;
      }
      line += '\n';
      collector_.last_terminator = 0;
      if (!parser_.feed(line, collector_)) {
        broken_row("malformed quoting (a quote inside an unquoted field, or text after a closing quote)");
        // A row that began on an earlier line probably has an unclosed
        // quote there: read again from the line after it.
        if (number > row_line_ && restart()) continue;
        start_over();
        continue;
      }
      // Lines are fed whole, so a row that ended here ended at its end.
      const bool row_ended = collector_.last_terminator != 0;
      take_rows(number);
      if (row_ended) awaiting_row_ = true;
    }
  }

  // Handles the rows libcsv completed; the first began at row_line_, any
  // further one (after a bare CR) on `line`.
  void take_rows(std::size_t line) {
    for (std::size_t i = 0; i < collector_.rows.size() && !stopped_; ++i) {
      const std::size_t start = i == 0 ? row_line_ : line;
      if (i == 0 && row_bad_) {  // already reported
        stopped_ = !header_;
        continue;
      }
      handle_row(collector_.rows[i], start);
    }
    collector_.rows.clear();
  }

  void broken_row(const std::string& message) {
    if (!header_) {
      report_.skip(fmt::format("{}:{}", path_, row_line_), "the header row is not valid CSV: " + message);
      stopped_ = true;
      return;
    }
    if (!row_bad_) report_.skip(fmt::format("{}:{}", path_, row_line_), message);
  }

  // Drops the row being read and waits for the next one.
  void start_over() {
    parser_.reset();
    collector_ = Collector{};
    awaiting_row_ = true;
    row_bad_ = false;
  }

  bool restart() {
    if (stopped_ || restarts_ >= kMaxRestarts) return false;
    ++restarts_;
    start_over();
    return reader_.restart_at(resume_offset_, row_line_ + 1);
  }

  void handle_row(const std::vector<std::string>& fields, std::size_t line) {
    const std::string origin = fmt::format("{}:{}", path_, line);
    if (!header_) {
      std::string error;
      header_ = parse_csv_header(fields, error);
      if (!header_) {
        report_.skip(origin, error + "; file skipped");
        stopped_ = true;
      } else if (!header_->unknown.empty()) {
        report_.warn(origin, fmt::format("ignored unknown column{} {}", header_->unknown.size() > 1 ? "s" : "",
                                         fmt::join(header_->unknown, ", ")));
      }
      return;
    }
    if (fields.size() != header_->columns.size()) {
      report_.skip(origin, fmt::format("row has {} fields, the header has {}", fields.size(), header_->columns.size()));
      return;
    }
    if (header_->kind == CsvHeader::Kind::Entities) {
      add(build_entity(entity_fields(fields), origin), origin, set_.entities, report_.entity_records);
    } else {
      add(build_statement(statement_fields(fields), origin), origin, set_.statements, report_.statement_records);
    }
  }

  EntityFields entity_fields(const std::vector<std::string>& fields) const {
    EntityFields out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const std::string& value = fields[i];
      switch (header_->columns[i]) {
        case CsvColumn::Id: out.id = value; break;
        case CsvColumn::Type: out.type = value; break;
        case CsvColumn::Name: out.name = value; break;
        case CsvColumn::Aliases: out.aliases = split_list(value); break;
        case CsvColumn::Description: out.description = value; break;
        case CsvColumn::Role: out.role = value; break;
        case CsvColumn::Affiliation: out.affiliation = value; break;
        case CsvColumn::SameAs: out.same_as = split_list(value); break;
        default: break;
      }
    }
    return out;
  }

  StatementFields statement_fields(const std::vector<std::string>& fields) const {
    StatementFields out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const std::string& value = fields[i];
      switch (header_->columns[i]) {
        case CsvColumn::Id: out.id = value; break;
        case CsvColumn::Speaker: out.speaker = value; break;
        case CsvColumn::Text: out.text = value; break;
        case CsvColumn::About: out.about = split_list(value); break;
        case CsvColumn::Direct: out.direct = value; break;
        case CsvColumn::Verb: out.verb = value; break;
        case CsvColumn::Date: out.date = value; break;
        case CsvColumn::Source: out.source = value; break;
        default: break;
      }
    }
    return out;
  }

  template <class Record>
  void add(Built<Record>&& built, const std::string& origin, std::vector<Record>& out, std::size_t& counter) {
    if (!built.record) {
      report_.skip(origin, std::move(built.error));
      return;
    }
    Record& record = *built.record;
    for (auto& warning : built.warnings) report_.warn(record.origin, std::move(warning));
    if (const auto first = ids_.first_use(record.id, record.origin)) {
      report_.skip(record.origin, fmt::format("duplicate id '{}' (first used at {}); row skipped", record.id, *first));
      return;
    }
    out.push_back(std::move(record));
    ++counter;
  }

  LineReader reader_;
  std::size_t max_line_bytes_ = 0;
  std::string path_;
  InputReport& report_;
  CsvParser parser_;
  Collector collector_;
  std::optional<CsvHeader> header_;
  RecordSet set_;
  IdRegistry ids_;
  bool stopped_ = false;
  bool awaiting_row_ = true;
  bool row_bad_ = false;
  std::size_t row_line_ = 0;
  std::uint64_t resume_offset_ = 0;
  int restarts_ = 0;
};

}  // namespace

std::optional<RecordSet> read_csv_records(std::istream& in, const std::string& path, std::size_t max_line_bytes,
                                          InputReport& report) {
  CsvRecordsReader reader(in, display_path(path), max_line_bytes, report);
  return reader.read();
}

}  // namespace ng::loaders
