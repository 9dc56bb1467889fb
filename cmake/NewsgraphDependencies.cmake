# Every dependency is a Debian package (scripts/debian-packages.txt); nothing
# is downloaded at configure, build or test time.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS graph)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)

# Redland's redland.pc lists raptor2 and rasqal only privately: link them
# explicitly because graph/ calls raptor_* and rasqal_* directly.
pkg_check_modules(REDLAND REQUIRED IMPORTED_TARGET redland)
pkg_check_modules(RAPTOR2 REQUIRED IMPORTED_TARGET raptor2)
pkg_check_modules(RASQAL REQUIRED IMPORTED_TARGET rasqal)
pkg_check_modules(SERD REQUIRED IMPORTED_TARGET serd-0)
# SPARQL's MD5 and SHA functions.
pkg_check_modules(NETTLE REQUIRED IMPORTED_TARGET nettle)
# `newsgraph serve`'s HTTP server.
pkg_check_modules(CPPHTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
# The store: LMDB (liblmdb-dev) and XXH3 hashes of terms (libxxhash-dev).
pkg_check_modules(LMDB REQUIRED IMPORTED_TARGET lmdb)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(GVC REQUIRED IMPORTED_TARGET libgvc)
pkg_check_modules(IGRAPH REQUIRED IMPORTED_TARGET igraph)

if(NG_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()

# libcsv (libcsv-dev, RFC 4180 CSV) ships neither a pkg-config file nor a
# CMake package: find the header and library and wrap them in a target.
find_path(NG_CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(NG_CSV_LIBRARY csv REQUIRED)
add_library(ng_libcsv INTERFACE IMPORTED)
target_include_directories(ng_libcsv INTERFACE "${NG_CSV_INCLUDE_DIR}")
target_link_libraries(ng_libcsv INTERFACE "${NG_CSV_LIBRARY}")
