#include "markdown.h"

#include <doctest/doctest.h>

using trustsite::render_markdown;

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
