#include "core/moderation/flood.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace etalase {

uint64_t hash_bytes(const void* data, size_t n, uint64_t seed) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  uint64_t h = 0xcbf29ce484222325ull ^ seed;
  for (size_t i = 0; i < n; ++i) {
    h ^= p[i];
    h *= 0x100000001b3ull;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return h;
}

namespace {
uint32_t pow2_at_least(uint32_t n) {
  uint32_t p = 16;
  while (p < n) p <<= 1;
  return p;
}
inline uint64_t mix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  return k;
}
}  // namespace

LruIndex::LruIndex(uint32_t capacity)
    : capacity_(std::max<uint32_t>(capacity, 1)),
      mask_(pow2_at_least(capacity_ * 2) - 1) {
  table_.assign_zeros(size_t(mask_) + 1);
  // A slot's key and links are written when it is handed out (touch), before any read.
  keys_.resize(capacity_);
  prev_.resize(capacity_);
  next_.resize(capacity_);
}

void LruIndex::unlink(uint32_t s) {
  if (prev_[s] != UINT32_MAX) next_[prev_[s]] = next_[s];
  else head_ = next_[s];
  if (next_[s] != UINT32_MAX) prev_[next_[s]] = prev_[s];
  else tail_ = prev_[s];
  prev_[s] = next_[s] = UINT32_MAX;
}

void LruIndex::push_front(uint32_t s) {
  prev_[s] = UINT32_MAX;
  next_[s] = head_;
  if (head_ != UINT32_MAX) prev_[head_] = s;
  head_ = s;
  if (tail_ == UINT32_MAX) tail_ = s;
}

void LruIndex::erase_key(uint64_t key) {
  uint32_t i = uint32_t(mix(key)) & mask_;
  while (table_[i] != 0) {
    if (keys_[table_[i] - 1] == key) break;
    i = (i + 1) & mask_;
  }
  if (table_[i] == 0) return;
  // Backward-shift deletion keeps probe sequences intact without tombstones.
  uint32_t j = i;
  for (;;) {
    table_[i] = 0;
    for (;;) {
      j = (j + 1) & mask_;
      if (table_[j] == 0) return;
      uint32_t home = uint32_t(mix(keys_[table_[j] - 1])) & mask_;
      // Move table_[j] into i if its home is not in (i, j] cyclically.
      bool in_range = i <= j ? (home > i && home <= j) : (home > i || home <= j);
      if (!in_range) break;
    }
    table_[i] = table_[j];
    i = j;
  }
}

uint32_t LruIndex::touch(uint64_t key, bool* fresh) {
  uint32_t i = uint32_t(mix(key)) & mask_;
  while (table_[i] != 0) {
    uint32_t s = table_[i] - 1;
    if (keys_[s] == key) {
      if (head_ != s) {
        unlink(s);
        push_front(s);
      }
      *fresh = false;
      return s;
    }
    i = (i + 1) & mask_;
  }
  uint32_t s;
  if (used_ < capacity_) {
    s = used_++;
  } else {
    s = tail_;
    erase_key(keys_[s]);
    unlink(s);
  }
  keys_[s] = key;
  push_front(s);
  // Re-probe: the deletion may have shifted entries.
  i = uint32_t(mix(key)) & mask_;
  while (table_[i] != 0) i = (i + 1) & mask_;
  table_[i] = s + 1;
  *fresh = true;
  return s;
}

Status check_flood_options(const FloodOptions& o) {
  auto count = [](const char* what, int v, int lo) -> Status {
    if (v >= lo && v <= 1000) return {};
    return Error{ErrorKind::invalid_input, std::string("flood: ") + what + " must be " + std::to_string(lo) +
                                               " to 1000 (got " + std::to_string(v) + ")"};
  };
  if (Status s = count("messages per window", o.max_messages, 1); !s.ok()) return s;
  if (Status s = count("repeats of one text", o.max_repeats, 1); !s.ok()) return s;
  if (Status s = count("users sending the same text", o.max_same_text_users, 2); !s.ok()) return s;
  // Written so that NaN fails too.
  if (!(o.window_seconds > 0 && o.window_seconds <= 86400)) {
    char got[32];
    std::snprintf(got, sizeof got, "%g", o.window_seconds);
    return Error{ErrorKind::invalid_input, std::string("flood: the window must be more than 0 and at most 86400 seconds (got ") + got + ")"};
  }
  return {};
}

FloodTracker::FloodTracker(const FloodOptions& o)
    : o_(o),
      ring_(uint32_t(std::min(std::max({o.max_messages, o.max_repeats, 1}), 1000)) + 1),
      fanout_(uint32_t(std::min(std::max(o.max_same_text_users, 1), 1000))),
      // Bound the total state to about a million entries whatever the options say.
      users_(uint32_t(std::max<size_t>(1, std::min<size_t>(o.max_tracked_users, (1u << 20) / ring_)))),
      texts_(uint32_t(std::max<size_t>(1, std::min<size_t>(o.max_tracked_texts, (1u << 20) / fanout_)))) {
  user_ring_.resize(size_t(users_.capacity()) * ring_);
  user_head_.resize(users_.capacity());
  user_count_.resize(users_.capacity());
  text_users_.resize(size_t(texts_.capacity()) * fanout_);
  text_count_.resize(texts_.capacity());
}

unsigned FloodTracker::observe(uint64_t user, uint64_t text, bool shared, double ts) {
  if (!(ts >= 0) || !std::isfinite(ts)) return 0;
  unsigned hit = 0;
  double w = o_.window_seconds;
  auto in_window = [&](double t) { return t > ts - w && t <= ts + w; };

  bool fresh;
  uint32_t u = users_.touch(user, &fresh);
  if (fresh) {
    user_head_[u] = 0;
    user_count_[u] = 0;
  }
  Entry* ring = &user_ring_[size_t(u) * ring_];
  int recent = 0, same = 0;
  for (uint32_t k = 0; k < user_count_[u]; ++k) {
    const Entry& e = ring[k];
    if (!in_window(e.ts)) continue;
    ++recent;
    if (e.text == text) ++same;
  }
  if (o_.max_messages > 0 && recent + 1 > o_.max_messages) hit |= kRate;
  if (o_.max_repeats > 0 && same + 1 > o_.max_repeats) hit |= kRepeat;
  ring[user_head_[u]] = Entry{ts, text};
  user_head_[u] = (user_head_[u] + 1) % ring_;
  if (user_count_[u] < ring_) ++user_count_[u];

  if (shared && o_.max_same_text_users > 0) {
    uint32_t t = texts_.touch(text, &fresh);
    if (fresh) text_count_[t] = 0;
    Sender* s = &text_users_[size_t(t) * fanout_];
    uint32_t n = text_count_[t];
    // Forget senders outside the window, refresh this user, add it (replacing the oldest).
    uint32_t kept = 0;
    bool present = false;
    for (uint32_t k = 0; k < n; ++k) {
      if (!in_window(s[k].ts)) continue;
      if (s[k].user == user) {
        present = true;
        s[k].ts = std::max(s[k].ts, ts);
      }
      s[kept++] = s[k];
    }
    if (!present) {
      if (kept < fanout_) {
        s[kept++] = Sender{ts, user};
      } else {
        uint32_t oldest = 0;
        for (uint32_t k = 1; k < kept; ++k) {
          if (s[k].ts < s[oldest].ts) oldest = k;
        }
        s[oldest] = Sender{ts, user};
      }
    }
    text_count_[t] = kept;
    if (int(kept) >= o_.max_same_text_users) hit |= kSameText;
  }
  return hit;
}

}  // namespace etalase
