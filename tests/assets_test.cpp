// Fingerprinted theme assets and Subresource Integrity values (W3C SRI, sha384, OpenSSL).
#include "assets.h"

#include <doctest/doctest.h>

#include "test_util.h"

using namespace trustsite;
using trustsite::testing::TempDir;
using trustsite::testing::write_file;

TEST_CASE("sha384, base64 and hex match the published test vectors") {
  // FIPS 180-4 example "abc" (NIST CSRC SHA-384 example values).
  CHECK(hex_encode(sha384("abc")) ==
        "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
        "8086072ba1e7cc2358baeca134c825a7");
  CHECK(hex_encode(sha384("")) ==
        "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da"
        "274edebfe76f65fbd51ad2f14898b95b");
  // RFC 4648 section 10.
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode("foobar") == "Zm9vYmFy");
  // The SRI spec's own example: alert('Hello, world.');
  CHECK(base64_encode(sha384("alert('Hello, world.');")) ==
        "H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO");
}

TEST_CASE("load_assets: content-hashed names under assets/, sha384 integrity, sorted") {
  TempDir dir;
  write_file(dir / "static/style.css", "body{color:#222}");
  write_file(dir / "static/img/logo.svg", "<svg/>");
  DiagnosticSink sink;
  const DiskFileSystem files({dir.path()});
  const auto assets = load_assets(files, dir / "static", "themes/x/static", sink);
  REQUIRE(assets.size() == 2);
  CHECK(sink.sorted().empty());
  CHECK(assets[0].source_name == "img/logo.svg");
  CHECK(assets[1].source_name == "style.css");
  const std::string digest = sha384("body{color:#222}");
  CHECK(assets[1].output_path == "assets/style." + hex_encode(digest).substr(0, 10) + ".css");
  CHECK(assets[1].integrity == "sha384-" + base64_encode(digest));
  CHECK(assets[1].content == "body{color:#222}");
  CHECK(assets[0].output_path.rfind("assets/img/logo.", 0) == 0);

  // A changed byte changes the name and the integrity value.
  write_file(dir / "static/style.css", "body{color:#223}");
  const auto changed = load_assets(files, dir / "static", "themes/x/static", sink);
  CHECK(changed[1].output_path != assets[1].output_path);
  CHECK(changed[1].integrity != assets[1].integrity);
  CHECK(load_assets(files, dir / "missing", "x", sink).empty());
}
