#include "loaders/news/json_lines_reader.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>


#include "common/unicode.hpp"
#include "loaders/input/encoding.hpp"
#include "loaders/input/json_error.hpp"
#include "loaders/input/line_reader.hpp"
#include "loaders/input/text_cleanup.hpp"
#include "loaders/input/text_file.hpp"
#include "loaders/news/article_checks.hpp"

namespace ng::loaders {

namespace {

// A string member, nothing for absent or null, or an error for other types.
struct Field {
  std::optional<std::string> value;
  std::string error;
};

Field string_field(const nlohmann::json& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) continue;
    if (!it->is_string()) return {std::nullopt, fmt::format("\"{}\" must be a string, not {}", key, it->type_name())};
    return {it->get<std::string>(), {}};
  }
  return {};
}

// The article on one line, or the reason the line is skipped.
std::string parse_line(const std::string& line, Article& article) {
  nlohmann::json object;
  try {
    object = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& error) {
    return "invalid JSON: " + json_error_message(error);
  }
  if (!object.is_object()) return fmt::format("expected a JSON object, found {}", object.type_name());
  const Field text = string_field(object, {"text", "body"});
  if (!text.error.empty()) return text.error;
  if (!text.value) return "missing \"text\" (or \"body\")";
  article.body = *text.value;
  // Every other member is optional; a present one must be a string.
  const auto take = [&](std::initializer_list<const char*> keys, auto& target) -> std::string {
    Field field = string_field(object, keys);
    if (field.error.empty() && field.value) target = std::move(*field.value);
    return field.error;
  };
  for (const std::string& error :
       {take({"title"}, article.title), take({"url"}, article.url), take({"date", "datePublished"}, article.date_published),
        take({"author"}, article.author), take({"publisher"}, article.publisher), take({"language"}, article.language)}) {
    if (!error.empty()) return error;
  }
  return {};
}

}  // namespace

void read_json_lines(std::istream& in, const ArticleSource& source, const ArticleSink& sink, InputReport& report) {
  const std::size_t max_line = source.max_article_bytes * 2;
  LineReader reader(in, max_line, source.lines_before);
  if (is_binary_text(reader.head())) {
    report.skip(source.origin, "binary file, not text");
    return;
  }
  bool any_line = false;
  std::string line;
  for (LineReader::Status status; (status = reader.next(line)) != LineReader::Status::End;) {
    const std::size_t number = reader.line_number();
    const std::string origin = fmt::format("{}:{}", source.origin, number);
    if (status == LineReader::Status::TooLong) {
      any_line = true;
      report.skip(origin,
                  fmt::format("line is {} MB, over the size limit of {} MB (twice the article size limit)",
                              megabytes(reader.last_length()), megabytes(max_line)),
                  InputProblem::Kind::TooLarge);
      continue;
    }
    if (is_blank(line)) continue;
    any_line = true;
    if (const auto problem = find_utf8_problem(line)) {
      report.skip(fmt::format("{}:{}", origin, problem->column),
                  problem->what.starts_with("invalid UTF-8") ? not_utf8_message(line, problem->what) : problem->what);
      continue;
    }
    Article article;
    article.origin = origin;
    if (std::string error = parse_line(line, article); !error.empty()) {
      report.skip(origin, std::move(error));
      continue;
    }
    if (finish_article(article, fmt::format("{}#line={}", source.url, number), source.max_article_bytes, report)) {
      sink(std::move(article));
    }
  }
  if (reader.failed()) report.skip(source.origin, "cannot read: I/O error");
  else if (!any_line) report.skip(source.origin, "empty file");
}

}  // namespace ng::loaders
