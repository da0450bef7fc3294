#include "interrupt.h"

#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>

#include <pthread.h>
#include <unistd.h>

namespace trustsite {

namespace {

std::mutex state_mutex;
int deferrals = 0;               // open InterruptDeferral objects, under state_mutex
bool handler_installed = false;  // under state_mutex
std::atomic<int> received{0};

// Ends the process after a signal: a short note on stderr (write(2), no buffers), then _exit.
[[noreturn]] void end_process(int signal_number) {
  const std::string note = "trustsite: stopped by signal " + std::to_string(signal_number) + " (" +
                           (signal_number == SIGINT ? "SIGINT" : "SIGTERM") +
                           "); nothing half-written is left behind\n";
  [[maybe_unused]] const ssize_t ignored = ::write(STDERR_FILENO, note.data(), note.size());
  ::_exit(128 + signal_number);
}

sigset_t interrupt_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

std::atomic<bool> stopping{false};
std::thread waiter;
sigset_t previous_mask;

}  // namespace

InterruptHandler::InterruptHandler() {
  const sigset_t set = interrupt_signals();
  pthread_sigmask(SIG_BLOCK, &set, &previous_mask);
  {
    std::lock_guard lock(state_mutex);
    handler_installed = true;
  }
  stopping = false;
  waiter = std::thread([] {
    const sigset_t signals = interrupt_signals();
    while (true) {
      int number = 0;
      if (sigwait(&signals, &number) != 0) continue;
      if (stopping) return;
      request_interrupt(number);
    }
  });
}

InterruptHandler::~InterruptHandler() {
  {
    std::lock_guard lock(state_mutex);
    handler_installed = false;
  }
  stopping = true;
  pthread_kill(waiter.native_handle(), SIGTERM);  // blocked: sigwait() takes it
  waiter.join();
  pthread_sigmask(SIG_SETMASK, &previous_mask, nullptr);
}

InterruptDeferral::InterruptDeferral() {
  std::lock_guard lock(state_mutex);
  ++deferrals;
}

InterruptDeferral::~InterruptDeferral() {
  std::lock_guard lock(state_mutex);
  if (--deferrals == 0 && handler_installed && received != 0) end_process(received);
}

int interrupt_signal() {
  return received.load();
}

void request_interrupt(int signal_number) {
  std::lock_guard lock(state_mutex);
  if (received == 0) received = signal_number;
  if (deferrals == 0 && handler_installed) end_process(received);
}

void reset_interrupt_for_testing() {
  received = 0;
}

}  // namespace trustsite
