// Default options for LeakSanitizer when test_graph is built with
// NG_SANITIZE (the runtime calls this hook; otherwise it is never called):
// the project's suppressions, so the binary run on its own checks leaks as
// the suite does.

extern "C" const char* __lsan_default_options() { return "suppressions=" NG_SOURCE_DIR "/tests/lsan.supp"; }
