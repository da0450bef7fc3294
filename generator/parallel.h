// Running independent work on every core: the one thread pool of the pipeline (parsing YAML
// files, rendering pages).
#pragma once

#include <cstddef>
#include <functional>

namespace trustsite {

// Calls `body(i)` for every i in [0, count), spread over up to hardware_concurrency() threads
// (the calling thread is one of them); returns when all calls have returned. Each index runs
// exactly once; the order across threads is unspecified, so `body` must write only to its own
// slot. If calls throw, the first exception is rethrown after all threads have stopped taking
// work (no exception escapes a worker thread).
void parallel_for(std::size_t count, const std::function<void(std::size_t)>& body);

// At most `threads` threads for every later parallel_for (1: all work on the calling thread;
// 0: one per CPU, the default). For tests that compare a one-thread build with a parallel one;
// the output must not differ.
void set_parallel_threads(std::size_t threads);

}  // namespace trustsite
