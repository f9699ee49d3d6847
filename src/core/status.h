// Errors as values: library calls return a Status, the CLI turns a failed one
// into a single line and an exit code.
#pragma once

#include <string>

namespace warta {

class Status {
 public:
  Status() = default;
  static Status Error(std::string message) { return Status(std::move(message)); }
  bool ok() const { return message_.empty(); }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string m) : message_(m.empty() ? "unknown error" : std::move(m)) {}
  std::string message_;
};

}  // namespace warta
