#pragma once
// What the pipeline tests share: a temporary folder (tests/unit/temp_dir.hpp).

#include "tests/unit/temp_dir.hpp"
