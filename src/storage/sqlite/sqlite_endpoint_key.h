#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sb {

// The rowid an endpoint is stored under, computed from its endpoint id, so that a GET by id is
// one descent of the table's b-tree instead of a descent of the id index and then one of the
// table (at 1,000,000 endpoints the index's pages are also what the connection's cache cannot
// keep: docs/design/sqlite-endpoint-rowid.md).
//
// Ids are UUIDv7 from IdGenerator: 48 bits of Unix milliseconds, the version nibble, then a
// 12-bit counter within the millisecond (UuidV7PositionOf reads them). The key is (milliseconds
// since 2025) * 64 + counter: unique for the ids of one generator, increasing with them, and under
// 2^47 (six bytes in a record, where the suffix index holds a copy of it in every entry) until the
// 2090s.
//
// None for an id that is not a UUIDv7, that is older than 2025, or whose counter is 64 or more
// (over 64 creates in one millisecond). The key is only ever a hint: an insert whose key is
// taken or absent lets SQLite choose the rowid, and a lookup checks the id and falls back to the
// id index, so rows of older databases and of any other id are still found.
std::optional<std::int64_t> EndpointRowidFor(std::string_view endpoint_id);

}  // namespace sb
