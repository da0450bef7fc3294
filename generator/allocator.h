// The process's memory allocator. Release builds link mimalloc (Debian's libmimalloc-dev), which
// replaces malloc and free for every library in the process: yaml-cpp's node trees and the view
// model's JSON are millions of small allocations made and freed on several threads, which glibc's
// allocator serves about a third slower (docs/performance.md). Sanitizer and fuzzing builds keep
// glibc's, which their runtimes replace. Both are tuned here so freed memory goes back to the
// system while a build runs (peak memory, issue 15).
#pragma once

namespace trustsite {

// Sets the allocator's options for a build. Call once at the start of main(), before other
// threads start. With mimalloc: freed pages are returned to the system at once (no 25 ms delay),
// which keeps peak memory at a 10,000-control site where glibc's is. With glibc: blocks of 1 MiB
// and more (large pages, trust.json, the 1 MiB render chunks) get their own mappings, so they go
// back to the system when freed and do not fragment the heap. Reports nothing.
void configure_allocator();

// Returns memory the calling thread freed to the system, so the next large piece of work (the
// next page's view model) does not start from this one's high-water mark. Cheap enough to call
// once per rendered page; reports nothing.
void release_free_memory();

// With mimalloc: true when p (from malloc, operator new or a library's allocation) lies in
// memory mimalloc manages, i.e. when mimalloc really replaced malloc for the whole process (the
// tests check it: a link order that let glibc's malloc win would silently lose the speed). With
// glibc: always true.
bool allocator_owns(const void* p);

}  // namespace trustsite
