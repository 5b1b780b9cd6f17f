#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sb::cli {

// A value as a table cell: strings bare, arrays comma-joined, null as "-".
std::string Cell(const nlohmann::ordered_json& value);

// "OPUS,PCMU" -> ["OPUS","PCMU"]; "" -> [] (an empty list: inherit the profile's).
nlohmann::ordered_json SplitList(const std::string& text);

// Prints rows under a header, each column as wide as its widest cell.
void PrintTable(const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows);

// Prints an object as "key  value" lines, keys aligned.
void PrintRecord(const nlohmann::ordered_json& object);

// Runs a client command, turning any failure into one line on stderr and exit code 1.
int RunClient(const std::function<void()>& command);

}  // namespace sb::cli
