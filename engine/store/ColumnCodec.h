#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/data/Column.h"

namespace lathe::store {

// One column as bytes, the form a dataset version keeps in the project (before compression).
// Little-endian throughout:
//   header (24 bytes): magic "LCOL", u16 codec version, u8 type, u8 flags (bit 0: a validity
//                      bitmap follows), u64 row count, u64 missing count
//   bitmap:            ceil(rows / 64) u64 words, bit set = valid (only when flags bit 0)
//   float64, int64, datetime: rows x 8 bytes     bool: rows x 1 byte (0 or 1)
//   categorical: u64 level count, (levels + 1) x u64 level offsets, level bytes, rows x i32 codes
//   text:        (rows + 1) x u64 offsets, the bytes
// The column's name is not in the bytes: the project keeps it beside them (dataset_column).
class ColumnCodec {
 public:
  static constexpr char kMagic[4] = {'L', 'C', 'O', 'L'};
  static constexpr std::uint16_t kVersion = 1;
  static constexpr std::size_t kHeaderBytes = 24;

  static std::vector<std::uint8_t> encode(const data::Column& column);

  // Decodes bytes stored for the column `name`, which the project says is of `type` with
  // `rowCount` rows. Every size and offset is checked against the bytes before anything is
  // allocated: damaged or lying bytes are lathe::Error(Corrupt) naming the column and the byte
  // offset, never a crash or an allocation larger than the bytes themselves.
  static std::shared_ptr<const data::Column> decode(std::span<const std::uint8_t> bytes, const std::string& name,
                                                    data::ColumnType type, std::uint64_t rowCount);
};

}  // namespace lathe::store
