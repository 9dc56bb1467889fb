#pragma once
// CDeleter<free_function>: a std::unique_ptr deleter for handles of C
// libraries (Redland, serd, Graphviz), so that each handle type is one line:
//   using NodePtr = std::unique_ptr<librdf_node, ng::CDeleter<librdf_free_node>>;

namespace ng {

template <auto Free>
struct CDeleter {
  template <class T>
  void operator()(T* p) const noexcept {
    Free(p);
  }
};

}  // namespace ng
