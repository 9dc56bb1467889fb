// Sanitizer settings of test_network (they only matter in NG_SANITIZE builds;
// otherwise nothing calls these hooks).
//
// Redland's bounded leaks are suppressed by the project's tests/lsan.supp,
// as for test_graph. On top of it, LeakSanitizer asks the program for suppressions through
// __lsan_default_suppressions. Rendering PNG and PDF loads caches that
// fontconfig, pango and cairo keep for the life of the process, and
// Graphviz 2.43 never frees the plugin configuration gvContext reads
// (gvconfig) nor parts of each HTML-like label it lays out (make_html_label:
// ~1 KB per diagram, the legend). newsgraph cannot free any of these.
// Everything else, Graphviz graphs and layouts included, must be freed.
//
// The Graphviz and pango libraries are built without frame pointers, so
// ASan's fast unwinder stops inside them: tests/lsan.supp also names their
// allocators (gmalloc, g_malloc...), which is where such a stack ends.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_options();

extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n"
         "leak:libpango-1.0.so\n"
         "leak:libpangoft2-1.0.so\n"
         "leak:libcairo.so\n"
         "leak:gvconfig\n"
         "leak:make_html_label\n";
}

extern "C" const char* __lsan_default_options() { return "suppressions=" NG_SOURCE_DIR "/tests/lsan.supp"; }
