#pragma once
// `newsgraph extract`: what the extractor finds in articles, as JSON or text,
// without a store. For checking the extractor on one's own articles.

#include <string>
#include <vector>

#include "loaders/input/input_report.hpp"
#include "loaders/input_files.hpp"

namespace ng::pipeline {

enum class ExtractFormat { Json, Text };

// Reads the inputs and returns the report of each article (one JSON object
// per line for Json; a readable block per article for Text).
std::string extract_report(const std::vector<std::string>& inputs, ExtractFormat format,
                           loaders::InputReport& report, const loaders::DiscoverOptions& discover = {});

}  // namespace ng::pipeline
