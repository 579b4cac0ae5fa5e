// Errors as values (RE2's habit): a kind for code, a message for people.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace etalase {

enum class ErrorKind { invalid_input, invalid_lexicon, invalid_pattern, invalid_data, internal };

struct Error {
  ErrorKind kind;
  std::string message;  // English, for logs and the CLI; UIs map `kind` to their catalog
};

class Status {
 public:
  Status() = default;
  Status(Error e) : err_(std::move(e)), ok_(false) {}
  bool ok() const { return ok_; }
  const Error& error() const { return err_; }

 private:
  Error err_{ErrorKind::internal, {}};
  bool ok_ = true;
};

template <typename T>
class Expected {
 public:
  Expected(T v) : v_(std::move(v)) {}
  Expected(Error e) : v_(std::move(e)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace etalase
