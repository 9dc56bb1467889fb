// Default options for AddressSanitizer and LeakSanitizer when test_graph is
// built with NG_SANITIZE (the runtimes call these hooks; otherwise they are
// never called). Redland's libraries are built without frame pointers, so
// the fast unwinder cuts their allocation stacks short and the suppressions
// in tests/lsan.supp could not match them: unwind slowly instead.

extern "C" const char* __asan_default_options() { return "fast_unwind_on_malloc=0"; }

extern "C" const char* __lsan_default_options() { return "suppressions=" NG_SOURCE_DIR "/tests/lsan.supp"; }
