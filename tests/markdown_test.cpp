#include "markdown.h"

#include <doctest/doctest.h>

using trustsite::measure_tables;
using trustsite::render_markdown;
using trustsite::table_problem;
using trustsite::TableExtent;

TEST_CASE("Markdown renders CommonMark and the GFM extensions") {
  CHECK(render_markdown("**bold** and ~~gone~~") ==
        "<p><strong>bold</strong> and <del>gone</del></p>\n");
  const std::string table = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |\n");
  CHECK(table.find("<table>") != std::string::npos);
  CHECK(table.find("<th class=\"align-left\">a</th>") != std::string::npos);
  CHECK(table.find("<td class=\"align-right\">2</td>") != std::string::npos);
  CHECK(table.find(" align=") == std::string::npos);  // obsolete in HTML5
  CHECK(render_markdown("see https://example.com").find("<a href=\"https://example.com\">") !=
        std::string::npos);
  CHECK(render_markdown("- [x] done\n").find("checked=\"\" disabled=\"\"") != std::string::npos);
}

TEST_CASE("Markdown is safe: no raw HTML, no script links") {
  const std::string html = render_markdown(
      "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
      "[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html;base64,PHNjcmlwdD4=)\n\n"
      "inline <b onclick=\"x()\">bold</b>");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("onclick") == std::string::npos);
  CHECK(html.find("onerror") == std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("vbscript:") == std::string::npos);
  CHECK(html.find("data:text") == std::string::npos);
  CHECK(html.find("<a href=\"\">a</a>") != std::string::npos);
}

TEST_CASE("Markdown escapes forged attribute text and shifts headings") {
  CHECK(render_markdown("x align=\"left\" y").find("align=&quot;left&quot;") != std::string::npos);
  CHECK(render_markdown("# Title\n## Sub", 1) == "<h2>Title</h2>\n<h3>Sub</h3>\n");
  CHECK(render_markdown("###### Deep", 3) == "<h6>Deep</h6>\n");
}

TEST_CASE("Markdown replaces invalid UTF-8") {
  CHECK(render_markdown("caf\xE9") == "<p>caf\xEF\xBF\xBD</p>\n");
}

TEST_CASE("Markdown images from other origins or with a scheme become their alt text") {
  CHECK(render_markdown("![a *logo*](https://cdn.example/x.png)") == "<p>a logo</p>\n");
  CHECK(render_markdown("![i](javascript:alert(1))") == "<p>i</p>\n");
  CHECK(render_markdown("![d](data:image/png;base64,AAAA)") == "<p>d</p>\n");
  CHECK(render_markdown("![p](//evil.example/t.gif)") == "<p>p</p>\n");
  CHECK(render_markdown("![local](diagram.png)") ==
        "<p><img src=\"diagram.png\" alt=\"local\" /></p>\n");
}

// ---- GFM table limits (issue 13, item 12) --------------------------------------------------

TEST_CASE("markdown: measure_tables counts every table including those in block quotes") {
  const auto row = [](std::size_t cells, const std::string& prefix = "") {
    std::string line = prefix + "|";
    for (std::size_t i = 0; i < cells; ++i) line += "x|";
    return line + "\n";
  };
  const auto delimiter = [](std::size_t cells, const std::string& prefix = "") {
    std::string line = prefix + "|";
    for (std::size_t i = 0; i < cells; ++i) line += "---|";
    return line + "\n";
  };
  // Lines with pipes but no delimiter row are no table.
  CHECK(measure_tables(row(500) + row(500)).cells == 0);
  const TableExtent plain = measure_tables(row(3) + delimiter(3) + row(3) + "\ntext\n");
  CHECK(plain.widest_row == 3);
  CHECK(plain.cells == 9);
  // A table in a (nested) block quote is parsed as a table too, so it counts the same.
  for (const std::string prefix : {"> ", ">", "> > ", "  >  "}) {
    CAPTURE(prefix);
    const TableExtent quoted =
        measure_tables(row(150, prefix) + delimiter(150, prefix) + row(150, prefix));
    CHECK(quoted.widest_row == 150);
    CHECK(quoted.cells == 450);
    CHECK_FALSE(table_problem(row(150, prefix) + delimiter(150, prefix)).empty());
  }
  CHECK(table_problem(row(100) + delimiter(100) + row(100)).empty());
  CHECK(table_problem(row(101) + delimiter(101)) ==
        "has a table row of 101 cells; expected at most 100 columns per table (wider GFM tables "
        "take too long to render; split the table or use a list)");
  std::string tall = row(100) + delimiter(100);
  for (int i = 0; i < 99; ++i) tall += row(100);
  CHECK(measure_tables(tall).cells == 10100);
  CHECK_FALSE(table_problem(tall).empty());
  // Over the limits, the renderer leaves the table extension out: the rows stay text.
  const std::string wide = row(300, "> ") + delimiter(300, "> ");
  CHECK(render_markdown(wide).find("<table") == std::string::npos);
  CHECK(render_markdown(row(3) + delimiter(3)).find("<table") != std::string::npos);
}
