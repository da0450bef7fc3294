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

}  // namespace trustsite
