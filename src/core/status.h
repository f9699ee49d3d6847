// Errors as values: library calls return a Status, the CLI turns a failed one
// into a single line and an exit code.
#pragma once

#include <string>

namespace warta {

class Status {
 public:
  Status() = default;
  static Status Error(std::string message) { return Status(std::move(message)); }
  // A resource another process holds past the time allowed to wait for it
  // (a locked SQLite dataset): the CLI gives it its own exit code.
  static Status Busy(std::string message) {
    Status s(std::move(message));
    s.busy_ = true;
    return s;
  }
  bool ok() const { return message_.empty(); }
  bool busy() const { return busy_; }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string m) : message_(m.empty() ? "unknown error" : std::move(m)) {}
  std::string message_;
  bool busy_ = false;
};

}  // namespace warta
