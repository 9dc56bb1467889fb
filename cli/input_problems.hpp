#pragma once
// How `build` and `extract` tell the user about inputs they skipped: one
// warning per item, naming its file (and line), the same in every command,
// and one hint when an item was over the size limit.

#include "loaders/input/input_report.hpp"

namespace ng::cli {

void print_input_problems(const loaders::InputReport& report);

}  // namespace ng::cli
