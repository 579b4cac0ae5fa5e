// Flood state across comments, keyed by user: message rate, repeats of one text by one
// user, and one text from many users. Memory is fixed at construction: users and texts
// live in bounded tables, the least recently seen evicted first; no allocation per comment.
// The tables are reserved at construction but left untouched (zero pages or uninitialized
// slots that are written before they are read), so a short run pays only for what it uses.
#pragma once
#include <cstdint>
#include <vector>

#include "core/moderation/moderator.h"
#include "core/moderation/result.h"
#include "core/text/pod_vec.h"

namespace etalase {

// A fixed-capacity LRU map from 64-bit keys to slot indices (open addressing, linear
// probing with backward-shift deletion, intrusive recency list).
class LruIndex {
 public:
  explicit LruIndex(uint32_t capacity);
  // Slot of `key`, creating it (evicting the least recent) when absent; `*fresh` tells.
  uint32_t touch(uint64_t key, bool* fresh);
  uint32_t capacity() const { return capacity_; }
  uint32_t size() const { return used_; }

 private:
  void unlink(uint32_t s);
  void push_front(uint32_t s);
  void erase_key(uint64_t key);
  uint32_t capacity_, mask_, used_ = 0;
  PodVec<uint32_t> table_;  // slot + 1, 0 = empty
  PodVec<uint64_t> keys_;   // slots below used_ only
  PodVec<uint32_t> prev_, next_;
  uint32_t head_ = UINT32_MAX, tail_ = UINT32_MAX;
};

class FloodTracker {
 public:
  enum : unsigned { kRate = 1, kRepeat = 2, kSameText = 4 };
  explicit FloodTracker(const FloodOptions& o);
  // Records one comment and returns what it triggers. `shared` = the text is long enough
  // to count for the same-text-from-many-users rule.
  unsigned observe(uint64_t user, uint64_t text, bool shared, double ts);
  size_t tracked_users() const { return users_.size(); }

 private:
  struct Entry {
    double ts;
    uint64_t text;
  };
  struct Sender {
    double ts;
    uint64_t user;
  };
  FloodOptions o_;
  uint32_t ring_;   // entries kept per user
  uint32_t fanout_; // users kept per text
  LruIndex users_, texts_;
  // Per slot; a slot's head and count are reset when the index hands it out fresh.
  PodVec<Entry> user_ring_;    // users_.capacity() * ring_
  PodVec<uint32_t> user_head_, user_count_;
  PodVec<Sender> text_users_;  // texts_.capacity() * fanout_
  PodVec<uint32_t> text_count_;
};

uint64_t hash_bytes(const void* data, size_t n, uint64_t seed = 0);

// Options a moderator can be made with: counts of 1 to 1000 (2 or more users for the same
// text), a window of more than 0 and at most a day. The error names the option and the value.
Status check_flood_options(const FloodOptions& o);

}  // namespace etalase
