// The process's memory allocator. With the CMake option TRUSTSITE_MIMALLOC (on by default, off
// in sanitizer and fuzzing builds, whose runtimes bring their own allocator) trustsite links
// mimalloc (Debian's libmimalloc-dev), which replaces malloc and free for every library in the
// process: yaml-cpp's node trees and the view model's JSON are millions of small allocations
// made and freed on several threads, which glibc's allocator serves markedly slower
// (docs/performance.md). Both allocators are tuned here so that freed memory goes back to the
// system while a build runs (peak memory, issue 15).
#pragma once

namespace trustsite {

// Sets the allocator's options for a build. Call once at the start of main(), before other
// threads start. With mimalloc: freed pages are returned to the system at once instead of after
// a delay of 10-25 ms, which keeps a large build's peak memory where glibc's is. With glibc:
// blocks of 1 MiB and more (large pages, trust.json, the 1 MiB render chunks) get their own
// mappings, so they go back to the system when freed and do not fragment the heap. Reports
// nothing.
void configure_allocator();

// Returns free memory to the system, so the next large piece of work (the next page's view
// model) does not start from this one's high-water mark. With mimalloc: collects the calling
// thread's heap (its delayed frees) and abandoned segments; with glibc: trims every arena
// (malloc_trim). Cheap enough to call once per rendered page; reports nothing.
void release_free_memory();

}  // namespace trustsite
