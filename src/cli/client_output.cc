#include "cli/client_output.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/api_client.h"

namespace sb::cli {

std::string Cell(const nlohmann::ordered_json& value) {
  if (value.is_null())
    return "-";
  if (value.is_string())
    return value.get<std::string>();
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value) joined += (joined.empty() ? "" : ",") + Cell(item);
    return joined.empty() ? "-" : joined;
  }
  return value.dump();
}

nlohmann::ordered_json SplitList(const std::string& text) {
  auto list = nlohmann::ordered_json::array();
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    auto item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty())
      list.push_back(item);
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  return list;
}

void PrintTable(const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) widths[i] = header[i].size();
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], row[i].size());
  }
  auto print = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      line += cells[i];
      if (i + 1 < cells.size())
        line += std::string(widths[i] - cells[i].size() + 2, ' ');
    }
    std::cout << line << "\n";
  };
  print(header);
  for (const auto& row : rows) print(row);
}

void PrintRecord(const nlohmann::ordered_json& object) {
  std::size_t width = 0;
  for (const auto& [key, value] : object.items()) width = std::max(width, key.size());
  for (const auto& [key, value] : object.items()) {
    std::cout << key << std::string(width - key.size() + 2, ' ') << Cell(value) << "\n";
  }
}

void PrintResult(const nlohmann::ordered_json& object, bool as_json) {
  if (as_json) {
    std::cout << object.dump(2) << "\n";
  } else {
    PrintRecord(object);
  }
}

void AddFieldOption(CLI::App& command, const char* flag, const char* key,
                    std::shared_ptr<nlohmann::ordered_json> fields, bool list, const char* help) {
  command.add_option_function<std::string>(
      flag,
      [fields, key, list](const std::string& value) {
        (*fields)[key] = list ? SplitList(value) : nlohmann::ordered_json(value);
      },
      help);
}

int RunClient(const std::function<void()>& command) {
  try {
    command();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "switchboard: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace sb::cli
