#include "app/logging.h"

#include <stdexcept>

#include <nlohmann/json.hpp>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace sb {
namespace {

constexpr const char* kPlainPattern = "[%Y-%m-%dT%H:%M:%S.%fZ] [%n] [%l] %v";

// One JSON object per line. Lines of the access logger carry their own fields (the payload is
// a comma-separated list of JSON members, written by the access log), others a "msg".
class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string line = "{\"time\":\"" + time_.Format(msg) + "\",\"level\":\"";
    auto level = spdlog::level::to_string_view(msg.level);
    line.append(level.data(), level.size());
    line += "\",\"logger\":";
    line += JsonString(std::string(msg.logger_name.data(), msg.logger_name.size()));
    std::string payload(msg.payload.data(), msg.payload.size());
    if (msg.logger_name == kAccessLogger) {
      line += "," + payload;
    } else {
      line += ",\"msg\":" + JsonString(payload);
    }
    line += "}\n";
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }

 private:
  // RFC 3339 UTC with microseconds, through spdlog's own pattern code.
  struct TimeFormat {
    spdlog::pattern_formatter pattern{"%Y-%m-%dT%H:%M:%S.%fZ", spdlog::pattern_time_type::utc, ""};
    std::string Format(const spdlog::details::log_msg& msg) {
      spdlog::memory_buf_t buffer;
      pattern.format(msg, buffer);
      return std::string(buffer.data(), buffer.size());
    }
  } time_;
};

}  // namespace

std::string JsonString(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void ConfigureLogging(const std::string& level, const std::string& format) {
  auto parsed = spdlog::level::from_str(level);
  if (parsed == spdlog::level::off && level != "off")
    throw std::invalid_argument("unknown log level \"" + level + "\"");
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  if (format == "json") {
    sink->set_formatter(std::make_unique<JsonFormatter>());
  } else if (format == "plain") {
    sink->set_formatter(
        std::make_unique<spdlog::pattern_formatter>(kPlainPattern, spdlog::pattern_time_type::utc));
  } else {
    throw std::invalid_argument("unknown log format \"" + format + "\" (plain or json)");
  }
  auto main = std::make_shared<spdlog::logger>("switchboard", sink);
  auto access = std::make_shared<spdlog::logger>(kAccessLogger, sink);
  for (const auto& logger : {main, access}) {
    logger->set_level(parsed);
    logger->flush_on(spdlog::level::trace);
  }
  spdlog::drop_all();
  spdlog::register_logger(access);
  spdlog::set_default_logger(main);
}

}  // namespace sb
