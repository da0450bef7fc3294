// Stopping cleanly on SIGINT and SIGTERM (Ctrl-C, a CI job's cancel, `kill`): the signals are
// blocked in every thread and taken by one thread with sigwait(), so no code runs in a signal
// handler. Outside a deferral the process ends at once (exit 128 + signal number, nothing being
// written); inside one (the site writer, the cache writer) the writer sees
// interrupt_requested(), removes what it was writing, and the process ends when the last
// deferral closes.
#pragma once

namespace trustsite {

// Takes SIGINT and SIGTERM for the whole process while it exists. Construct it in main() before
// any other thread starts (threads inherit the blocked mask); at most one at a time.
class InterruptHandler {
 public:
  InterruptHandler();
  ~InterruptHandler();
  InterruptHandler(const InterruptHandler&) = delete;
  InterruptHandler& operator=(const InterruptHandler&) = delete;
};

// While an InterruptDeferral exists (in any thread), a signal only sets interrupt_requested();
// when the last one is destroyed after a signal, and an InterruptHandler is installed, the
// process ends with exit code 128 + the signal number.
class InterruptDeferral {
 public:
  InterruptDeferral();
  ~InterruptDeferral();
  InterruptDeferral(const InterruptDeferral&) = delete;
  InterruptDeferral& operator=(const InterruptDeferral&) = delete;
};

// The signal number received (SIGINT or SIGTERM), or 0 when none has been.
int interrupt_signal();
inline bool interrupt_requested() {
  return interrupt_signal() != 0;
}

// What the signal thread does on a signal: records it and, when no deferral is open and an
// InterruptHandler is installed, ends the process. Tests call it (without a handler) to
// simulate a signal, and reset_interrupt_for_testing() to forget it.
void request_interrupt(int signal_number);
void reset_interrupt_for_testing();

}  // namespace trustsite
