#include "allocator.h"

#ifdef TRUSTSITE_WITH_MIMALLOC

#include <cstddef>
#include <new>

#include <mimalloc.h>

namespace {

// What operator new must do when memory runs out (C++20 [new.delete.single]): call the new
// handler while there is one, else throw std::bad_alloc. Debian's mimalloc is built as C, and
// its own operator new aborts instead, which would end the process without the diagnostic and
// clean-up that main() gives any exception. alignment 0: the default alignment.
void* allocate_or_throw(std::size_t size, std::size_t alignment) {
  for (;;) {
    void* block = alignment == 0 ? mi_malloc(size) : mi_malloc_aligned(size, alignment);
    if (block != nullptr) return block;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void* allocate_or_null(std::size_t size, std::size_t alignment) noexcept {
  try {
    return allocate_or_throw(size, alignment);
  } catch (...) {
    return nullptr;
  }
}

}  // namespace

// The replaceable allocation functions, defined once for the program; operator delete stays
// mimalloc's (mi_free), which frees what these return.
void* operator new(std::size_t size) {
  return allocate_or_throw(size, 0);
}
void* operator new[](std::size_t size) {
  return allocate_or_throw(size, 0);
}
void* operator new(std::size_t size, std::align_val_t alignment) {
  return allocate_or_throw(size, static_cast<std::size_t>(alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
  return allocate_or_throw(size, static_cast<std::size_t>(alignment));
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return allocate_or_null(size, 0);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return allocate_or_null(size, 0);
}
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate_or_null(size, static_cast<std::size_t>(alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate_or_null(size, static_cast<std::size_t>(alignment));
}

namespace trustsite {

void configure_allocator() {
  // Decommit a freed page at once: a build frees a whole view model per page. The option was
  // called decommit_delay in mimalloc 2.0 and purge_delay from 2.1 on.
#if MI_MALLOC_VERSION >= 210
  mi_option_set(mi_option_purge_delay, 0);
#else
  mi_option_set(mi_option_decommit_delay, 0);
#endif
}

void release_free_memory() {
  mi_collect(false);
}

}  // namespace trustsite

#else

#include <malloc.h>

namespace trustsite {

void configure_allocator() {
  // glibc would otherwise raise the threshold to the size of the largest freed buffer, and the
  // next page's buffers would fragment the heap.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
}

void release_free_memory() {
  malloc_trim(0);
}

}  // namespace trustsite

#endif
