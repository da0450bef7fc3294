#include "allocator.h"

#ifdef TRUSTSITE_WITH_MIMALLOC
#include <mimalloc.h>
#else
#include <malloc.h>
#endif

namespace trustsite {

#ifdef TRUSTSITE_WITH_MIMALLOC

void configure_allocator() {
  // mimalloc's name before 2.0 was reset_delay (MIMALLOC_RESET_DELAY); 0 decommits a freed page
  // at once instead of after 25 ms, which a build that frees a view model per page needs.
  mi_option_set(mi_option_decommit_delay, 0);
}

void release_free_memory() {
  mi_collect(false);
}

bool allocator_owns(const void* p) {
  return mi_is_in_heap_region(p);
}

#else

void configure_allocator() {
  // glibc would otherwise raise the threshold to the size of the largest freed buffer, and the
  // next page's buffers would fragment the heap.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
}

void release_free_memory() {
  malloc_trim(0);
}

bool allocator_owns(const void*) {
  return true;
}

#endif

}  // namespace trustsite
