#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
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

// Prints a server's answer: indented JSON with --json, else PrintRecord.
void PrintResult(const nlohmann::ordered_json& object, bool as_json);

// Registers `flag` on `command` so that its value becomes `(*fields)[key]`: a string, or with
// `list` a comma-separated list (SplitList).
void AddFieldOption(CLI::App& command, const char* flag, const char* key,
                    std::shared_ptr<nlohmann::ordered_json> fields, bool list, const char* help);

// Runs a client command, turning any failure into one line on stderr and exit code 1.
int RunClient(const std::function<void()>& command);

}  // namespace sb::cli
