# ng_warnings: an INTERFACE target every newsgraph target links, so that the
# warning set lives in one place. -Werror is on unless NG_WERROR is OFF.
add_library(ng_warnings INTERFACE)
target_compile_options(ng_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
  -Wimplicit-fallthrough)
# GCC-only false positives, not options clang knows:
# - maybe-uninitialized inside Boost.Graph's iterators at -O2 (boost::optional
#   in adj_list_edge_iterator), reported in our code because the templates
#   are instantiated there;
# - -Wrestrict inside libstdc++ for "literal" + string at -O3 (GCC bug 105651).
target_compile_options(ng_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
  # clang's -Wconversion includes sign conversions, GCC's does not: keep one set.
  $<$<CXX_COMPILER_ID:Clang>:-Wno-sign-conversion>)
if(NG_WERROR)
  target_compile_options(ng_warnings INTERFACE -Werror)
endif()

# ng_sanitize: ASan + UBSan when NG_SANITIZE is ON.
add_library(ng_sanitize INTERFACE)
if(NG_SANITIZE)
  target_compile_options(ng_sanitize INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
    # GCC's uninitialised-use analysis sees through ASan's instrumentation at
    # -O1 and reports boost::optional inside Boost.Graph's named_graph
    # (add_vertex) as used uninitialised; the Release build keeps the warning.
    $<$<CXX_COMPILER_ID:GNU>:-Wno-uninitialized>)
  target_link_options(ng_sanitize INTERFACE -fsanitize=address,undefined)
endif()

# ng_add_library(name SOURCES...): a static library with the project's flags.
function(ng_add_library name)
  add_library(${name} STATIC ${ARGN})
  target_link_libraries(${name} PRIVATE ng_warnings PUBLIC ng_sanitize)
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()
