#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace prometheus {
class Registry;
}

namespace sb {

// The server's Prometheus metrics. Every label takes values from a fixed set (route templates,
// known methods, status codes, store operation names, error codes), never from what a client
// sends, so the number of series stays bounded whatever the traffic. Thread-safe.
class Metrics {
 public:
  explicit Metrics(std::string_view version);
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // One answered request. `route` is the matched template ("" when none matched).
  void RecordRequest(std::string_view method, std::string_view route, int status,
                     std::chrono::duration<double> elapsed);
  // One call to the store; `error_code` is the error's name, or "" when it succeeded.
  void RecordStoreOperation(std::string_view operation, std::chrono::duration<double> elapsed,
                            std::string_view error_code);
  void SetOpenConnections(std::size_t count);

  // Every metric in Prometheus' text exposition format (version 0.0.4).
  std::string Render() const;

 private:
  struct Families;
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<Families> families_;
};

}  // namespace sb
