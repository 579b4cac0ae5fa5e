// Flood: rate, repeats, one text from many users; bounded state.
#include "doctest.h"

#include <cmath>
#include <memory>
#include <string>

#include "core/moderation/flood.h"
#include "core/moderation/moderator.h"

using namespace etalase;

namespace {

std::unique_ptr<Moderator> make(FloodOptions f = {}, int level = 2) {
  ModeratorOptions o;
  o.lexicons = {"@lang\tid\n"};
  o.flood = f;
  o.policy.overall = level;
  auto m = Moderator::create(o);
  REQUIRE(m.ok());
  return std::move(*m);
}

bool flooded(const Verdict& v) { return v.categories.has(Category::flood); }

}  // namespace

TEST_CASE("more than max_messages in the window from one user") {
  auto m = make();
  for (int i = 0; i < 11; ++i) {
    Verdict v = m->moderate(Comment{"c", "budi", "pesan ke " + std::to_string(i) + " kak", 100.0 + i});
    CHECK_MESSAGE(!flooded(v), i);
  }
  Verdict v = m->moderate(Comment{"c", "budi", "pesan ke dua belas", 111});
  CHECK(flooded(v));
  CHECK(v.action == Action::block);
  CHECK(v.reasons == std::vector<std::string>{"flood.rate"});
  // another user is not affected
  CHECK(!flooded(m->moderate(Comment{"c", "sari", "halo", 111})));
  // after the window the user may speak again
  CHECK(!flooded(m->moderate(Comment{"c", "budi", "halo lagi", 200})));
}

TEST_CASE("the same text from one user more than max_repeats times") {
  auto m = make();
  for (int i = 0; i < 3; ++i) CHECK(!flooded(m->moderate(Comment{"c", "budi", "mau kak", 10.0 + i})));
  Verdict v = m->moderate(Comment{"c", "budi", "MAU kak!!", 13});  // same once normalized
  CHECK(flooded(v));
  CHECK(v.reasons == std::vector<std::string>{"flood.repeat"});
  CHECK(!flooded(m->moderate(Comment{"c", "budi", "mau yang merah", 14})));
}

TEST_CASE("the same long text from many users") {
  FloodOptions f;
  auto m = make(f, 3);  // same_text is severity 2: level 3 acts on it
  std::string raid = "ayo semua ikut promo besar besaran hari ini";
  for (int i = 0; i < 4; ++i) CHECK(!flooded(m->moderate(Comment{"c", "user" + std::to_string(i), raid, 50.0})));
  Verdict v = m->moderate(Comment{"c", "user4", raid, 51});
  CHECK(flooded(v));
  CHECK(v.reasons == std::vector<std::string>{"flood.same_text"});
  // short texts from many viewers are a chat doing its job
  for (int i = 0; i < 10; ++i) CHECK(!flooded(m->moderate(Comment{"c", "v" + std::to_string(i), "mau kak", 60.0})));
}

TEST_CASE("without a time, arrival order: repeats count, the rate does not; no user, no flood") {
  auto m = make();
  for (int i = 0; i < 3; ++i) CHECK(!flooded(m->moderate(Comment{"c", "budi", "sama", -1})));
  Verdict v = m->moderate(Comment{"c", "budi", "sama", -1});  // the fourth same text
  CHECK(flooded(v));
  CHECK(v.reasons == std::vector<std::string>{"flood.repeat"});
  for (int i = 0; i < 30; ++i) CHECK(!flooded(m->moderate(Comment{"c", "sari", "pesan " + std::to_string(i), -1})));
  for (int i = 0; i < 30; ++i) CHECK(!flooded(m->moderate(Comment{"c", "", "sama", double(i)})));
}

TEST_CASE("flood is policy-controlled") {
  auto m = make(FloodOptions{}, 1);  // level 1 acts on severity 4 only
  for (int i = 0; i < 20; ++i) CHECK(!flooded(m->moderate(Comment{"c", "budi", "x", 1.0})));
}

TEST_CASE("state is bounded: the least recently seen users are forgotten") {
  FloodOptions f;
  f.max_tracked_users = 100;
  FloodTracker t(f);
  for (uint64_t u = 1; u <= 100000; ++u) t.observe(u, 7, false, double(u));
  CHECK(t.tracked_users() == 100);
  // a remembered user still counts: 12 messages at once from user 100000
  unsigned hit = 0;
  for (int i = 0; i < 12; ++i) hit |= t.observe(100000, uint64_t(i), false, 100000);
  CHECK((hit & FloodTracker::kRate) != 0);
}

TEST_CASE("LruIndex keeps keys findable through evictions") {
  LruIndex idx(8);
  bool fresh;
  for (uint64_t k = 0; k < 1000; ++k) {
    idx.touch(k, &fresh);
    CHECK(fresh);
    // the 8 most recent are still there
    for (uint64_t j = k >= 7 ? k - 7 : 0; j <= k; ++j) {
      uint32_t s = idx.touch(j, &fresh);
      CHECK_FALSE(fresh);
      CHECK(s < 8);
    }
  }
  CHECK(idx.size() == 8);
}

TEST_CASE("a configured rate: 3 comments per 10 s") {
  FloodOptions f;
  f.max_messages = 3;
  f.window_seconds = 10;
  auto m = make(f);
  for (int i = 0; i < 3; ++i) CHECK_FALSE(flooded(m->moderate(Comment{"c", "budi", "pesan " + std::to_string(i), 50.0 + i})));
  CHECK(flooded(m->moderate(Comment{"c", "budi", "pesan keempat", 53})));
  // Ten seconds after the first three, the user may speak again.
  CHECK_FALSE(flooded(m->moderate(Comment{"c", "budi", "pesan kelima", 63.5})));
}

TEST_CASE("flood options out of range are refused, naming the option and the value") {
  auto refused = [](FloodOptions f) {
    ModeratorOptions o;
    o.lexicons = {"@lang\tid\n"};
    o.flood = f;
    auto m = Moderator::create(o);
    REQUIRE_FALSE(m.ok());
    CHECK(m.error().kind == ErrorKind::invalid_input);
    return m.error().message;
  };
  FloodOptions f;
  f.max_messages = 0;
  CHECK(refused(f) == "flood: messages per window must be 1 to 1000 (got 0)");
  f = {};
  f.max_repeats = 5000;
  CHECK(refused(f) == "flood: repeats of one text must be 1 to 1000 (got 5000)");
  f = {};
  f.max_same_text_users = 1;
  CHECK(refused(f) == "flood: users sending the same text must be 2 to 1000 (got 1)");
  f = {};
  f.window_seconds = 0;
  CHECK(refused(f) == "flood: the window must be more than 0 and at most 86400 seconds (got 0)");
  f.window_seconds = std::nan("");
  CHECK(refused(f).find("the window must be") != std::string::npos);
}
