#pragma once
// Compiles a file's bytes into the binary, so newsgraph needs no data files
// at run time (the ontology, the lexicons). Use at namespace scope in one
// .cpp file:
//
//   NG_EMBED_FILE(ng_ontology_ttl, "/abs/path/newsgraph.ttl")
//   std::string_view text = NG_EMBEDDED(ng_ontology_ttl);
//
// The path comes from CMake; OBJECT_DEPENDS on the source file rebuilds it
// when the data changes. A NUL byte follows the data (not part of the view).

#include <string_view>

#define NG_EMBED_FILE(symbol, path)                                   \
  __asm__(".section .rodata\n"                                        \
          ".balign 16\n"                                              \
          ".global " #symbol "_begin\n" #symbol "_begin:\n"           \
          ".incbin \"" path "\"\n"                                    \
          ".global " #symbol "_end\n" #symbol "_end:\n"               \
          ".byte 0\n"                                                 \
          ".previous\n");                                             \
  extern "C" const char symbol##_begin[];                             \
  extern "C" const char symbol##_end[];

#define NG_EMBEDDED(symbol) \
  std::string_view(symbol##_begin, static_cast<std::size_t>(symbol##_end - symbol##_begin))
