// PodVec<T>: the part of std::vector the per-comment buffers use, for trivially copyable T,
// with two differences that matter on the hot path: resize() leaves new elements
// uninitialized (they are written right after) and never calls out of line unless it must
// grow, and clear() keeps the memory. The buffers live as long as their Normalizer or
// Engine, so after the first comments nothing is allocated per comment.
#pragma once
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace etalase {

template <typename T>
class PodVec {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

 public:
  PodVec() = default;
  PodVec(const PodVec& o) { assign(o); }
  PodVec& operator=(const PodVec& o) {
    if (this != &o) assign(o);
    return *this;
  }
  PodVec(PodVec&& o) noexcept { swap(o); }
  PodVec& operator=(PodVec&& o) noexcept {
    swap(o);
    return *this;
  }
  ~PodVec() { std::free(p_); }

  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  T* data() { return p_; }
  const T* data() const { return p_; }
  T& operator[](size_t i) { return p_[i]; }
  const T& operator[](size_t i) const { return p_[i]; }
  T& back() { return p_[n_ - 1]; }
  const T& back() const { return p_[n_ - 1]; }
  T* begin() { return p_; }
  T* end() { return p_ + n_; }
  const T* begin() const { return p_; }
  const T* end() const { return p_ + n_; }

  void clear() { n_ = 0; }
  // n zeroed elements in fresh memory. For large n calloc hands back untouched zero pages,
  // so a big table costs nothing until used.
  void assign_zeros(size_t n) {
    std::free(p_);
    p_ = nullptr;
    n_ = cap_ = 0;
    if (n == 0) return;
    p_ = static_cast<T*>(std::calloc(n, sizeof(T)));
    if (!p_) throw std::bad_alloc();
    n_ = cap_ = n;
  }
  void reserve(size_t n) {
    if (n > cap_) grow(n);
  }
  // New elements are left uninitialized.
  void resize(size_t n) {
    if (n > cap_) grow(n);
    n_ = n;
  }
  void push_back(const T& x) {
    if (n_ == cap_) grow(n_ + 1);
    p_[n_++] = x;
  }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if (n_ == cap_) grow(n_ + 1);
    return *new (p_ + n_++) T{std::forward<Args>(args)...};
  }
  void swap(PodVec& o) noexcept {
    std::swap(p_, o.p_);
    std::swap(n_, o.n_);
    std::swap(cap_, o.cap_);
  }

 private:
  void grow(size_t need) {
    size_t cap = cap_ ? cap_ * 2 : 16;
    if (cap < need) cap = need;
    T* p = static_cast<T*>(std::realloc(p_, cap * sizeof(T)));
    if (!p) throw std::bad_alloc();
    p_ = p;
    cap_ = cap;
  }
  void assign(const PodVec& o) {
    resize(o.n_);
    if (o.n_) std::memcpy(p_, o.p_, o.n_ * sizeof(T));
  }

  T* p_ = nullptr;
  size_t n_ = 0, cap_ = 0;
};

}  // namespace etalase
