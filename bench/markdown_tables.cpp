// How cmark-gfm's table extension scales (issue 13, docs/performance.md): renders GFM tables of
// growing width and height through render_markdown() and prints the wall time of each, so the
// table limit of the Markdown fields (markdown.h kMaxTableCells) can be checked against the
// machine. Not a test: timings depend on the machine.
//
// Usage: markdown_tables [MAX_BYTES]   (default 262144, the text limit of one field)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "markdown.h"

namespace {

// A table of `columns` columns and `rows` body rows, each cell `cell` bytes.
std::string table(int columns, int rows, int cell) {
  const std::string text(static_cast<std::size_t>(cell), 'x');
  std::string out = "|";
  for (int c = 0; c < columns; ++c) out += " " + text + " |";
  out += "\n|";
  for (int c = 0; c < columns; ++c) out += "---|";
  out += "\n";
  for (int r = 0; r < rows; ++r) {
    out += "|";
    for (int c = 0; c < columns; ++c) out += " " + text + " |";
    out += "\n";
  }
  return out;
}

void measure(const char* shape, int columns, int rows, int cell, std::size_t max_bytes) {
  const std::string markdown = table(columns, rows, cell);
  if (markdown.size() > max_bytes) return;
  const auto start = std::chrono::steady_clock::now();
  const std::string html = trustsite::render_markdown(markdown);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%-8s %6d columns %6d rows %8zu bytes %9ld cells  %8.3f s  %zu bytes of HTML\n",
              shape, columns, rows, markdown.size(), static_cast<long>(columns) * (rows + 1),
              seconds, html.size());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t max_bytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 262144;
  for (int columns : {10, 100, 1000, 5000, 20000, 60000}) measure("wide", columns, 1, 1, max_bytes);
  for (int rows : {100, 1000, 10000, 30000}) measure("tall", 2, rows, 1, max_bytes);
  for (int side : {30, 100, 200, 300}) measure("square", side, side, 1, max_bytes);
  return 0;
}
